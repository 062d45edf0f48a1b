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

        var stored = await ProcessCachedAsync(bytes, Path.GetFileName(full), sourceFile, imagePath, ct);

        db.MediaFiles.Add(new MediaFile
        {
            StorageName = stored.StorageName, Kind = stored.Kind, ContentType = stored.ContentType, Size = stored.Size,
            Width = stored.Width, Height = stored.Height, VariantWidths = stored.VariantWidths,
            OriginalName = key, AltText = alt, Folder = ContentMediaFolder,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = Actor,
        });
        return stored.StorageName;
    }

    private static readonly System.Text.Json.JsonSerializerOptions CacheJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>
    /// Processes the image, or copies what an earlier import already made from the same bytes when
    /// <c>Data:ImportMediaCache</c> is set. The cache holds exactly the files the processor wrote, and its entry is
    /// published with one directory rename, so concurrent imports never see half an entry.
    /// </summary>
    private async Task<Services.MediaUpload> ProcessCachedAsync(
        byte[] bytes, string fileName, string sourceFile, string imagePath, CancellationToken ct)
    {
        var mediaFolder = Path.GetFullPath(data.Value.MediaFolder);
        string? entry = null;
        if (data.Value.ImportMediaCache is { Length: > 0 } cacheRoot)
        {
            // Keyed by the bytes and by this build of the app, so a changed processor never serves old variants.
            var build = typeof(Services.MediaProcessor).Assembly.ManifestModule.ModuleVersionId.ToString("N");
            entry = Path.Combine(Path.GetFullPath(cacheRoot), build[..12] + "-" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var meta = Path.Combine(entry, "upload.json");
            if (File.Exists(meta))
            {
                var cached = System.Text.Json.JsonSerializer.Deserialize<Services.MediaUpload>(await File.ReadAllTextAsync(meta, ct), CacheJson);
                // The same bytes under another path in this database already hold that storage name: process anew.
                var taken = cached is not null
                    && (db.MediaFiles.Local.Any(m => m.StorageName == cached.StorageName)
                        || await db.MediaFiles.AnyAsync(m => m.StorageName == cached.StorageName, ct));
                if (cached is not null && !taken)
                {
                    Directory.CreateDirectory(mediaFolder);
                    foreach (var file in Directory.GetFiles(entry, cached.StorageName + "*"))
                    {
                        File.Copy(file, Path.Combine(mediaFolder, Path.GetFileName(file)), overwrite: true);
                    }

                    return cached;
                }
            }
        }

        Services.MediaUpload stored;
        try
        {
            await using var stream = new MemoryStream(bytes, writable: false);
            stored = await media.ProcessAsync(stream, fileName, ct);
        }
        catch (Services.MediaRejectedException ex)
        {
            throw new ContentImportException(sourceFile, 0, $"{imagePath}: {ex.Message}", ex);
        }

        if (entry is not null && !Directory.Exists(entry))
        {
            var staging = entry + "." + Guid.NewGuid().ToString("N") + ".tmp";
            Directory.CreateDirectory(staging);
            foreach (var file in Directory.GetFiles(mediaFolder, stored.StorageName + "*"))
            {
                File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(staging, "upload.json"), System.Text.Json.JsonSerializer.Serialize(stored, CacheJson), ct);
            try
            {
                Directory.Move(staging, entry);
            }
            catch (IOException)
            {
                // Another import published the same entry first; theirs is as good as ours.
                Directory.Delete(staging, recursive: true);
            }
        }

        return stored;
    }
}
