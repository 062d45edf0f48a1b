using System.Security.Cryptography;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

public sealed partial class ContentImporter
{
    private const string ContentMediaFolder = "content";

    /// <summary>
    /// Brings an image file from the content folder into the media library (re-encoded, with variants) and returns
    /// its storage name. The same file with the same bytes is stored once; a changed file is stored anew.
    /// </summary>
    /// <param name="sourceFile">The content file that names the image (for error messages).</param>
    /// <param name="imagePath">Path relative to the content folder, e.g. "images/products/keo-dua.jpg".</param>
    internal async Task<string> ImportImageAsync(string sourceFile, string imagePath, string? alt, CancellationToken ct)
    {
        var full = Path.GetFullPath(Path.Combine(contentRoot, imagePath));
        if (!full.StartsWith(contentRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            throw new ContentImportException(sourceFile, 0, $"image not found in the content folder: {imagePath}");
        }

        var bytes = await File.ReadAllBytesAsync(full, ct);
        var key = Relative(full) + "#" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var existing = await db.MediaFiles.Where(m => m.Folder == ContentMediaFolder && m.OriginalName == key)
            .Select(m => m.StorageName).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        Services.MediaUpload stored;
        try
        {
            await using var stream = new MemoryStream(bytes, writable: false);
            stored = await media.ProcessAsync(stream, Path.GetFileName(full), ct);
        }
        catch (Services.MediaRejectedException ex)
        {
            throw new ContentImportException(sourceFile, 0, $"{imagePath}: {ex.Message}", ex);
        }

        db.MediaFiles.Add(new MediaFile
        {
            StorageName = stored.StorageName, Kind = stored.Kind, ContentType = stored.ContentType, Size = stored.Size,
            Width = stored.Width, Height = stored.Height, VariantWidths = stored.VariantWidths,
            OriginalName = key, AltText = alt, Folder = ContentMediaFolder,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = Actor,
        });
        return stored.StorageName;
    }
}
