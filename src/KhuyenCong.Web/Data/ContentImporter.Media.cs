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

        var stored = preEncoded.Remove(key, out var ready) ? ready
            : await ProcessCachedAsync(bytes, Path.GetFileName(full), sourceFile, imagePath, ct);

        db.MediaFiles.Add(new MediaFile
        {
            StorageName = stored.StorageName, Kind = stored.Kind, ContentType = stored.ContentType, Size = stored.Size,
            Width = stored.Width, Height = stored.Height, VariantWidths = stored.VariantWidths,
            OriginalName = key, AltText = alt, Folder = ContentMediaFolder,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = Actor,
        });
        return stored.StorageName;
    }

    /// <summary>Images of content/images encoded ahead by <see cref="PreEncodeImagesAsync"/>, by their import key.</summary>
    private readonly Dictionary<string, Services.Media.MediaUpload> preEncoded = new(StringComparer.Ordinal);

    /// <summary>
    /// Encoding the starting content's images into their variants is nearly all of a first import. The files import
    /// one after another, so this encodes every new image under content/images ahead, on as many workers as the
    /// media processor allows at once (two), and the import then takes the results. Images already in the library
    /// and images no content file names are skipped; an image that fails here is left for the import to report with its file; one encoded but never
    /// named by a content file is deleted at the end (<see cref="DropUnusedPreEncoded"/>). With
    /// <c>Data:ImportMediaCache</c> set, the cache already makes encoding rare and this is skipped.
    /// </summary>
    private async Task PreEncodeImagesAsync(CancellationToken ct)
    {
        var dir = Path.Combine(contentRoot, "images");
        if (!Directory.Exists(dir) || data.Value.ImportMediaCache is { Length: > 0 })
        {
            return;
        }

        var known = (await db.MediaFiles.AsNoTracking().Where(m => m.Folder == ContentMediaFolder).Select(m => m.OriginalName).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        // Only images some content file names (by their path in the content folder) are worth encoding.
        var named = new System.Text.StringBuilder();
        foreach (var file in Directory.EnumerateFiles(contentRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            named.Append(await File.ReadAllTextAsync(file, ct)).Append('\n');
        }

        var names = named.ToString();
        var todo = new List<(string Key, string Path, byte[] Bytes)>();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext is not (".jpg" or ".jpeg" or ".png" or ".webp") || !names.Contains(Relative(file), StringComparison.Ordinal))
            {
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(file, ct);
            var key = Relative(file) + "#" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            if (!known.Contains(key))
            {
                todo.Add((key, file, bytes));
            }
        }

        if (todo.Count == 0)
        {
            return;
        }

        var workers = Math.Clamp(Environment.ProcessorCount, 1, Services.Media.MediaProcessor.MaxParallelDecodes);
        await progress.WriteLineAsync($"images: encoding {todo.Count} new images of content/images on {workers} workers…");
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, Services.Media.MediaUpload>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (item, token) =>
        {
            try
            {
                await using var stream = new MemoryStream(item.Bytes, writable: false);
                results[item.Key] = await media.ProcessAsync(stream, Path.GetFileName(item.Path), token);
            }
            catch (Services.Media.MediaRejectedException)
            {
                // The import reports it, naming the content file that uses the image.
            }
        });
        foreach (var (key, stored) in results)
        {
            preEncoded[key] = stored;
        }

        await progress.WriteLineAsync($"images: {results.Count} encoded");
    }

    /// <summary>Deletes the files of images encoded ahead that no content file named.</summary>
    private void DropUnusedPreEncoded()
    {
        foreach (var stored in preEncoded.Values)
        {
            media.Delete(stored.StorageName);
        }

        preEncoded.Clear();
    }

    private static readonly System.Text.Json.JsonSerializerOptions CacheJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>
    /// Processes the image, or copies what an earlier import already made from the same bytes when
    /// <c>Data:ImportMediaCache</c> is set. The cache holds exactly the files the processor wrote, and its entry is
    /// published with one directory rename, so concurrent imports never see half an entry.
    /// </summary>
    private async Task<Services.Media.MediaUpload> ProcessCachedAsync(
        byte[] bytes, string fileName, string sourceFile, string imagePath, CancellationToken ct)
    {
        var mediaFolder = Path.GetFullPath(data.Value.MediaFolder);
        string? entry = null;
        if (data.Value.ImportMediaCache is { Length: > 0 } cacheRoot)
        {
            // Keyed by the bytes and by this build of the app, so a changed processor never serves old variants.
            var build = typeof(Services.Media.MediaProcessor).Assembly.ManifestModule.ModuleVersionId.ToString("N");
            entry = Path.Combine(Path.GetFullPath(cacheRoot), build[..12] + "-" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var meta = Path.Combine(entry, "upload.json");
            if (File.Exists(meta))
            {
                var cached = System.Text.Json.JsonSerializer.Deserialize<Services.Media.MediaUpload>(await File.ReadAllTextAsync(meta, ct), CacheJson);
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

        Services.Media.MediaUpload stored;
        try
        {
            await using var stream = new MemoryStream(bytes, writable: false);
            stored = await media.ProcessAsync(stream, fileName, ct);
        }
        catch (Services.Media.MediaRejectedException ex)
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
