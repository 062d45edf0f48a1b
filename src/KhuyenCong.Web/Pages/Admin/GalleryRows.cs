using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>One row of a gallery in an edit form: an image from the media library, its description and caption.</summary>
public sealed class GalleryRow
{
    public string? Media { get; set; }
    public string? Alt { get; set; }
    public string? Caption { get; set; }
    public bool IsEmpty => new[] { Media, Alt, Caption }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The gallery editor shared by the product, showroom and fair forms (partial <c>_GalleryRows</c>): the filled rows
/// plus blank ones, each image checked against the media library and described for people who cannot see it.
/// </summary>
public static class GalleryRows
{
    public const int MaxRows = 60;

    public static List<GalleryRow> From(IEnumerable<GalleryImage> gallery) =>
        [.. gallery.Select(g => new GalleryRow { Media = g.Media, Alt = g.Alt, Caption = g.Caption })];

    /// <summary>Adds blank rows until there are <paramref name="blank"/> of them (never beyond <see cref="MaxRows"/>).</summary>
    public static void Pad(List<GalleryRow> rows, int blank)
    {
        ArgumentNullException.ThrowIfNull(rows);
        while (rows.Count(r => r.IsEmpty) < blank && rows.Count < MaxRows)
        {
            rows.Add(new GalleryRow());
        }
    }

    /// <summary>The image codes the rows name, to look up with the form's other images in one query.</summary>
    public static IEnumerable<string> MediaNames(IEnumerable<GalleryRow> rows) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.Media)).Select(r => r.Media!.Trim());

    /// <summary>Which of <paramref name="names"/> are images in the media library.</summary>
    public static async Task<HashSet<string>> KnownImagesAsync(AppDbContext db, IEnumerable<string> names, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = names.Distinct(StringComparer.Ordinal).ToList();
        return (await db.MediaFiles.AsNoTracking().Where(m => list.Contains(m.StorageName) && m.Kind == MediaKind.Image)
            .Select(m => m.StorageName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Reads the rows (see <see cref="Read"/>), looking their images up in the media library.</summary>
    public static async Task<List<GalleryImage>> ReadAsync(AppDbContext db, IReadOnlyList<GalleryRow> rows, ModelStateDictionary state, string prefix, CancellationToken ct) =>
        Read(rows, await KnownImagesAsync(db, MediaNames(rows), ct), state, prefix);

    /// <summary>
    /// The gallery the rows describe, in order, blank rows skipped. A row naming an unknown image or without a
    /// description is an error on that row's field (<paramref name="prefix"/>[i].Media or .Alt).
    /// </summary>
    public static List<GalleryImage> Read(IReadOnlyList<GalleryRow> rows, IReadOnlySet<string> knownImages, ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(knownImages);
        ArgumentNullException.ThrowIfNull(state);
        var gallery = new List<GalleryImage>();
        if (rows.Count > MaxRows)
        {
            state.AddModelError(prefix, $"Tối đa {MaxRows} ảnh.");
            return gallery;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.IsEmpty)
            {
                continue;
            }

            var media = r.Media?.Trim();
            if (string.IsNullOrEmpty(media) || !knownImages.Contains(media))
            {
                state.AddModelError($"{prefix}[{i}].Media", $"Ảnh dòng {i + 1}: không tìm thấy ảnh này trong thư viện.");
            }
            else if (string.IsNullOrWhiteSpace(r.Alt))
            {
                state.AddModelError($"{prefix}[{i}].Alt", $"Ảnh dòng {i + 1}: nhập mô tả ảnh.");
            }
            else if (r.Alt.Trim().Length > 300 || r.Caption?.Trim().Length > 300)
            {
                state.AddModelError($"{prefix}[{i}].Alt", $"Ảnh dòng {i + 1}: mô tả và chú thích tối đa 300 ký tự.");
            }
            else
            {
                gallery.Add(new GalleryImage { Media = media, Alt = r.Alt.Trim(), Caption = string.IsNullOrWhiteSpace(r.Caption) ? null : r.Caption.Trim() });
            }
        }

        return gallery;
    }
}
