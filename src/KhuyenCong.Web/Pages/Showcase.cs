using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages;

/// <summary>Small queries shared by the TV, showroom and fair pages.</summary>
public static class Showcase
{
    /// <summary>srcset sizes of a list thumbnail.</summary>
    public const string ThumbSizes = "(max-width: 48rem) 100vw, 14rem";

    /// <summary>The stored images among <paramref name="names"/>, by storage name (one query).</summary>
    public static async Task<Dictionary<string, MediaFile>> ImagesAsync(AppDbContext db, IEnumerable<string?> names, CancellationToken ct)
    {
        var wanted = names.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }

        return await db.MediaFiles.AsNoTracking().Where(m => wanted.Contains(m.StorageName) && m.Kind == MediaKind.Image)
            .ToDictionaryAsync(m => m.StorageName, StringComparer.Ordinal, ct);
    }

    /// <summary>The current slug of a published item that used to live at <paramref name="oldSlug"/>, if any.</summary>
    public static Task<string?> RedirectedSlugAsync<T>(AppDbContext db, IQueryable<T> published, string oldSlug, CancellationToken ct) where T : RoutedContent =>
        db.SlugRedirects.AsNoTracking()
            .Where(r => r.ContentType == typeof(T).Name && r.OldSlug == oldSlug)
            .Join(published, r => r.ContentId, x => x.Id, (r, x) => x.Slug)
            .FirstOrDefaultAsync(ct);
}
