using System.Security.Cryptography;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Data;

/// <summary>
/// Imports content/ (Markdown with YAML front matter, YAML data files) into the database, idempotently: an
/// unchanged file changes nothing, a changed file updates its item through the publisher (so it gets a revision).
/// The whole import is one transaction: a bad file leaves the database as it was.
/// </summary>
public sealed partial class ContentImporter(
    AppDbContext db, ContentPublisher publisher, MediaProcessor media, IOptions<DataOptions> data, TimeProvider clock,
    IConfiguration configuration)
{
    public const string Actor = "import";
    private const int BatchSize = 500;
    private static readonly string[] AttachmentExtensions = [".pdf", ".txt", ".docx", ".xlsx"];

    private string contentRoot = "";
    private TextWriter progress = TextWriter.Null;

    // Lookups made once per import instead of once per file (DbSet.Local and ChangeTracker scans are O(n) each).
    private Dictionary<string, int> topicIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> tagIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tag> chunkTags = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, HashSet<string>> slugsInUse = [];

    public async Task ImportAsync(string contentDir, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        contentRoot = Path.GetFullPath(contentDir);
        progress = output;
        if (!Directory.Exists(contentRoot))
        {
            throw new ContentImportException(contentDir, 0, "content folder not found");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await output.WriteLineAsync(await ImportPlacesAsync(ct));
        await output.WriteLineAsync(await ImportTopicsAsync(ct));
        topicIds = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, StringComparer.Ordinal, ct);
        foreach (var tag in await db.Tags.AsNoTracking().Select(t => new { t.Slug, t.Id }).ToListAsync(ct))
        {
            tagIds[tag.Slug] = tag.Id;
        }

        await output.WriteLineAsync(await ImportRoutedAsync("pages", db.Pages, ApplyPageAsync, OrderPages, ct));
        await output.WriteLineAsync(await ImportRoutedAsync("documents", db.Documents, ApplyDocumentAsync, null, ct));
        await output.WriteLineAsync(await ImportRoutedAsync("articles", db.Articles.Include(a => a.Tags), ApplyArticleAsync, null, ct));
        // Showcase: establishments and products first; showrooms and fairs refer to them.
        await PreEncodeImagesAsync(ct);
        try
        {
            await ImportProductsAsync(output, ct);
            await ImportShowcaseAsync(output, ct);
        }
        finally
        {
            DropUnusedPreEncoded();
        }

        await output.WriteLineAsync(await ImportProgramAsync(output, ct));
        // Topics, places, establishments and programme figures do not pass through the publisher: move the
        // change stamp once more so running nodes drop pages built from them.
        await ContentChanges.BumpAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record Counts(string Folder, int Files, int Added, int Updated, int Unchanged)
    {
        public override string ToString() =>
            $"{Folder}: {Files} files, {Added} added, {Updated} updated, {Unchanged} unchanged";
    }

    private delegate Task ApplyAsync<in T>(string relativePath, string text, T item, CancellationToken ct);

    private async Task<string> ImportRoutedAsync<T>(
        string folder, IQueryable<T> set, ApplyAsync<T> apply, Func<string[], string[]>? order, CancellationToken ct)
        where T : RoutedContent
    {
        var dir = Path.Combine(contentRoot, folder);
        if (!Directory.Exists(dir))
        {
            return new Counts(folder, 0, 0, 0, 0).ToString();
        }

        var files = Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal).ToArray();
        if (order is not null)
        {
            files = order(files);
        }

        await progress.WriteLineAsync($"{folder}: reading {files.Length} files…");

        slugsInUse[typeof(T)] = (await set.AsNoTracking().Select(x => x.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var known = await set.AsNoTracking().Where(x => x.SourcePath != null)
            .Select(x => new { x.Id, x.SourcePath, x.SourceHash })
            .ToDictionaryAsync(x => x.SourcePath!, x => (x.Id, x.SourceHash), StringComparer.Ordinal, ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var chunk in files.Chunk(BatchSize))
        {
            var changed = new List<RoutedContent>();
            foreach (var file in chunk)
            {
                var relative = Relative(file);
                var bytes = await File.ReadAllBytesAsync(file, ct);
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                var hash = Hash(bytes, AttachedFileBytes(relative, text));
                T item;
                if (known.TryGetValue(relative, out var existing))
                {
                    if (existing.SourceHash == hash)
                    {
                        unchanged++;
                        continue;
                    }

                    item = await set.FirstAsync(x => x.Id == existing.Id, ct);
                    updated++;
                }
                else
                {
                    item = (T)Activator.CreateInstance(typeof(T), nonPublic: false)!;
                    db.Add(item);
                    added++;
                }

                item.SourcePath = relative;
                item.SourceHash = hash;
                await apply(relative, text, item, ct);
                changed.Add(item);
            }

            await publisher.SaveAsync(changed, Actor, "import", "Nhập từ tệp nội dung", ct);
            if (files.Length > BatchSize)
            {
                await progress.WriteLineAsync($"{folder}: {added + updated + unchanged} of {files.Length} files");
            }
            foreach (var item in changed)
            {
                known[item.SourcePath!] = (item.Id, item.SourceHash);
            }

            foreach (var tag in chunkTags.Values)
            {
                tagIds[tag.Slug] = tag.Id;
            }

            chunkTags.Clear();
            db.ChangeTracker.Clear();
        }

        return new Counts(folder, files.Length, added, updated, unchanged).ToString();
    }

    private async Task ApplyCommonAsync<T>(
        string relativePath, string text, T item, string? title, string? slug, string? summary, string body,
        string? status, bool sample, IQueryable<T>? slugScope, CancellationToken ct) where T : RoutedContent
    {
        var wasLive = WasLive(item);
        item.Title = Required(relativePath, text, "title", title);
        item.Summary = summary?.Trim() ?? "";
        item.BodyMarkdown = body;
        item.IsSample = sample;
        item.Status = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "published" => ContentStatus.Published,
            "draft" => ContentStatus.Draft,
            "in-review" or "inreview" => ContentStatus.InReview,
            "archived" => ContentStatus.Archived,
            _ => throw new ContentImportException(relativePath, LineOf(text, "status"), $"unknown status '{status}' (draft, in-review, published, archived)"),
        };

        if (slugScope is null)
        {
            item.Slug = slug!;
            return;
        }

        if (!string.IsNullOrWhiteSpace(slug) && !Slugifier.IsValid(slug.Trim()))
        {
            throw new ContentImportException(relativePath, LineOf(text, "slug"), $"'{slug}' is not a valid slug (lower-case ASCII letters, digits and '-')");
        }

        var wanted = string.IsNullOrWhiteSpace(slug) ? item.Title : slug.Trim();
        if (item.Slug is { Length: > 0 } && item.Slug == Slugifier.Slugify(wanted))
        {
            return;
        }

        var inUse = slugsInUse[typeof(T)];
        var current = item.Slug;
        if (current is { Length: > 0 })
        {
            inUse.Remove(current);
        }

        item.Slug = Slugifier.Unique(wanted, inUse.Contains);
        inUse.Add(item.Slug);
        if (item.Slug != current && current is { Length: > 0 })
        {
            await RememberOldAddressAsync(typeof(T).Name, item, current, item.Slug, wasLive, ct);
        }
    }

    private static bool WasLive(RoutedContent item) =>
        item.Id != 0 && (item.WentLiveAt is not null || item.Status == ContentStatus.Published);

    /// <summary>
    /// A published address never breaks: when a file changes an item's slug (or a page's path) the old one is
    /// recorded, as the editor does, and answers 301 with the new one. An old address that the new one takes
    /// over stops redirecting.
    /// </summary>
    private async Task RememberOldAddressAsync(string type, RoutedContent item, string oldAddress, string newAddress, bool wasLive, CancellationToken ct)
    {
        await db.SlugRedirects.Where(r => r.ContentType == type && (r.OldSlug == newAddress || r.OldSlug == oldAddress)).ExecuteDeleteAsync(ct);
        if (wasLive)
        {
            db.SlugRedirects.Add(new SlugRedirect
            {
                ContentType = type, OldSlug = oldAddress, ContentId = item.Id, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
    }

    private string Relative(string file) => Path.GetRelativePath(contentRoot, file).Replace('\\', '/');

    private static string Hash(byte[] bytes, byte[]? attachment)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(bytes);
        if (attachment is not null)
        {
            sha.AppendData(attachment);
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static string Required(string relativePath, string text, string field, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ContentImportException(relativePath, LineOf(text, field), $"'{field}' is required")
            : value.Trim();

    /// <summary>A file's 'date' (Vietnam local time, stored as UTC): its publication time; a file without one is refused.</summary>
    private static DateTime RequiredPublishAt(string relativePath, string text, string? date) =>
        FrontMatter.ParseLocalTime(relativePath, "date", date)
            ?? throw new ContentImportException(relativePath, LineOf(text, "date"), "'date' is required");

    /// <summary>The text of the data file content/<paramref name="file"/>, or null when the content has none.</summary>
    private async Task<string?> ReadDataFileAsync(string file, CancellationToken ct)
    {
        var path = Path.Combine(contentRoot, file);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
    }

    /// <summary>The YAML list in the data file content/<paramref name="file"/>, or null when the content has none.</summary>
    private async Task<List<T>?> ReadListAsync<T>(string file, CancellationToken ct) =>
        await ReadDataFileAsync(file, ct) is { } yaml ? FrontMatter.Deserialize<List<T>>(file, yaml) : null;

    /// <summary>Line number of a front-matter key, for error messages (1 when absent).</summary>
    private static int LineOf(string text, string key)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }
}
