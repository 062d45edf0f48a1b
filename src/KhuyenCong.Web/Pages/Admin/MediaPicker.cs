using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>
/// An image field of an edit form that is filled from the media library. <see cref="FieldName"/> is the bound
/// form field the picker's radio buttons carry (e.g. "Extra.FeaturedImage"); a gallery has none: chosen images
/// are added as rows. <see cref="Choose"/> puts an image into the form (the field's value, or a new gallery row).
/// </summary>
public sealed record ImageTarget(string Key, string Label, string? FieldName, string? Current, Action<MediaFile> Choose, bool Required = false)
{
    public bool IsGallery => FieldName is null;
}

/// <summary>One image offered by a picker.</summary>
public sealed record PickerImage(string StorageName, string Thumbnail, string? AltText, string OriginalName, string? Folder);

/// <summary>What the picker partial (<c>_MediaPicker</c>) shows for one image field.</summary>
public sealed record MediaPickerView(ImageTarget Target, string? Query, IReadOnlyList<PickerImage> Images, int Matches, PickerImage? Current, bool Open)
{
    public string Key => Target.Key;
}

/// <summary>
/// The media picker of the edit forms: every image field shows its current image and, in a disclosure, the
/// library's images as radio buttons with thumbnails and descriptions (checkboxes for a gallery), a search box
/// and an upload that picks the new image. It all works without JavaScript: searching, uploading and adding post
/// the whole form back to the page's "Media" handler, which changes nothing but the form (an upload also joins
/// the library) and shows it again with its unsaved values.
/// </summary>
public static class MediaPicker
{
    public const int MaxShown = 24;
    public const string OpField = "media-op";
    public static string QueryField(string key) => "MediaQuery." + key;
    public static string UploadField(string key) => "MediaUpload." + key;
    public static string UploadAltField(string key) => "MediaUploadAlt." + key;
    public static string AddField(string key) => "MediaAdd." + key;

    public static async Task<IReadOnlyList<MediaPickerView>> BuildAsync(
        AppDbContext db, IReadOnlyList<ImageTarget> targets, Func<string, string?> query, string? openKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(query);
        if (targets.Count == 0)
        {
            return [];
        }

        // The library's images, newest first, folded once for a search without diacritics.
        var images = (await db.MediaFiles.AsNoTracking().Where(m => m.Kind == MediaKind.Image)
                .Select(m => new { m.StorageName, m.AltText, m.OriginalName, m.Folder, m.Caption, m.VariantWidths, m.UploadedAt, m.Id })
                .ToListAsync(ct))
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Select(m => (Image: new PickerImage(m.StorageName, Thumbnail(m.StorageName, m.VariantWidths), m.AltText, m.OriginalName, m.Folder),
                Folded: TextFolding.Fold($"{m.StorageName} {m.AltText} {m.OriginalName} {m.Folder} {m.Caption}")))
            .ToList();
        var byName = images.ToDictionary(i => i.Image.StorageName, i => i.Image, StringComparer.Ordinal);
        var views = new List<MediaPickerView>();
        foreach (var target in targets)
        {
            var q = query(target.Key)?.Trim();
            var words = TextFolding.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var matching = images.Where(i => words.All(w => i.Folded.Contains(w, StringComparison.Ordinal))).Select(i => i.Image).ToList();
            var current = target.Current is { Length: > 0 } c ? byName.GetValueOrDefault(c.Trim()) : null;
            views.Add(new MediaPickerView(target, q, matching.Take(MaxShown).ToList(), matching.Count, current,
                Open: openKey == target.Key));
        }

        return views;
    }

    /// <summary>The smallest JPEG variant of an image.</summary>
    public static string Thumbnail(string storageName, string variantWidths)
    {
        var widths = (variantWidths ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => int.TryParse(w, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ToList();
        return widths.Count == 0 ? $"/media/{storageName}.jpg" : $"/media/{storageName}-{widths.Min()}.jpg";
    }

    /// <summary>
    /// Stores an image uploaded from a picker in the media library (checked and re-encoded like every upload) and
    /// returns it; on a bad file or a missing description, adds the error to <paramref name="state"/> and returns null.
    /// </summary>
    public static async Task<MediaFile?> UploadAsync(
        AppDbContext db, MediaProcessor processor, AuditLog audit, IFormFile? upload, string? alt, string user, DateTime now,
        ModelStateDictionary state, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(state);
        if (upload is null || upload.Length == 0)
        {
            state.AddModelError(UploadField(key), "Chọn một tệp ảnh để tải lên.");
            return null;
        }

        alt = alt?.Trim();
        if (string.IsNullOrEmpty(alt) || alt.Length > 300)
        {
            state.AddModelError(UploadAltField(key), "Nhập mô tả ảnh (tối đa 300 ký tự) cho người không xem được ảnh.");
            return null;
        }

        try
        {
            await using var stream = upload.OpenReadStream();
            var stored = await processor.ProcessAsync(stream, upload.FileName, ct);
            if (stored.Kind != MediaKind.Image)
            {
                processor.Delete(stored.StorageName);
                state.AddModelError(UploadField(key), "Tệp không phải ảnh JPEG, PNG hoặc WebP.");
                return null;
            }

            var file = new MediaFile
            {
                StorageName = stored.StorageName, Kind = stored.Kind, ContentType = stored.ContentType, Size = stored.Size,
                Width = stored.Width, Height = stored.Height, VariantWidths = stored.VariantWidths,
                OriginalName = Path.GetFileName(upload.FileName) is { Length: > 0 and <= 200 } n ? n : "anh",
                AltText = alt, UploadedAt = now, UploadedBy = user,
            };
            db.MediaFiles.Add(file);
            audit.Add("media-upload", "MediaFile", file.StorageName, file.OriginalName);
            await db.SaveChangesAsync(ct);
            return file;
        }
        catch (MediaRejectedException ex)
        {
            state.AddModelError(UploadField(key), ex.Message);
            return null;
        }
    }

    /// <summary>Puts an image into the first blank gallery row, or a new row (up to <see cref="GalleryRows.MaxRows"/>).</summary>
    public static void AddToGallery(List<GalleryRow> rows, MediaFile image)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(image);
        if (rows.Any(r => r.Media?.Trim() == image.StorageName))
        {
            return;
        }

        var row = rows.FirstOrDefault(r => r.IsEmpty);
        if (row is null)
        {
            if (rows.Count >= GalleryRows.MaxRows)
            {
                return;
            }

            row = new GalleryRow();
            rows.Add(row);
        }

        row.Media = image.StorageName;
        row.Alt = image.AltText;
        row.Caption = image.Caption;
    }
}
