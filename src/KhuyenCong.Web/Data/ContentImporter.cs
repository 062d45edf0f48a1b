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

    private async Task ApplyArticleAsync(string relativePath, string text, Article article, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<ArticleFile>(relativePath, text);
        await ApplyCommonAsync(relativePath, text, article, meta.Title, meta.Slug, meta.Summary, body, meta.Status, meta.Sample, db.Articles, ct);
        article.PublishAt = FrontMatter.ParseLocalTime(relativePath, "date", meta.Date)
            ?? throw new ContentImportException(relativePath, LineOf(text, "date"), "'date' is required");
        article.UpdatedAt = FrontMatter.ParseLocalTime(relativePath, "updated", meta.Updated) ?? article.PublishAt.Value;
        article.CreatedAt = article.CreatedAt == default ? article.PublishAt.Value : article.CreatedAt;
        article.Author = meta.Author;
        article.Source = meta.Source;
        article.IsFeatured = meta.Featured;
        if (meta.Area is < 1 or > 6)
        {
            throw new ContentImportException(relativePath, LineOf(text, "area"), "'area' must be a programme content number from 1 to 6");
        }

        article.ProgramArea = meta.Area;
        article.TopicId = null;
        if (!string.IsNullOrWhiteSpace(meta.Topic))
        {
            article.TopicId = topicIds.TryGetValue(meta.Topic, out var topicId) ? topicId
                : throw new ContentImportException(relativePath, LineOf(text, "topic"), $"unknown topic '{meta.Topic}' (see topics.yml)");
        }

        article.Tags.Clear();
        foreach (var name in meta.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var slug = Slugifier.Slugify(name);
            if (!chunkTags.TryGetValue(slug, out var tag))
            {
                // Find returns the tracked tag when an included article already loaded it, else one query.
                tag = tagIds.TryGetValue(slug, out var tagId) ? await db.Tags.FindAsync([tagId], ct) : null;
                if (tag is null)
                {
                    tag = new Tag { Name = name, Slug = slug };
                    db.Tags.Add(tag);
                }

                chunkTags[slug] = tag;
            }

            if (!article.Tags.Contains(tag))
            {
                article.Tags.Add(tag);
            }
        }
    }

    private async Task ApplyDocumentAsync(string relativePath, string text, Document doc, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<DocumentFile>(relativePath, text);
        await ApplyCommonAsync(relativePath, text, doc, meta.Title, meta.Slug ?? SlugFromNumber(meta), meta.Summary, body, meta.Status, meta.Sample, db.Documents, ct);
        doc.Kind = Required(relativePath, text, "kind", meta.Kind);
        doc.Issuer = Required(relativePath, text, "issuer", meta.Issuer);
        doc.Number = string.IsNullOrWhiteSpace(meta.Number) ? null : meta.Number.Trim();
        doc.IssuedOn = FrontMatter.ParseDate(relativePath, "issued", meta.Issued);
        doc.EffectiveOn = FrontMatter.ParseDate(relativePath, "effective", meta.Effective);
        doc.InForce = meta.InForce;
        doc.PublishAt ??= doc.IssuedOn ?? clock.GetUtcNow().UtcDateTime;
        doc.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(meta.File))
        {
            doc.FileName = null;
            doc.FileContentType = null;
            doc.FileSize = null;
            return;
        }

        var source = AttachmentPath(relativePath, text, meta.File);
        var extension = Path.GetExtension(source).ToLowerInvariant();
        var target = Path.Combine(data.Value.FilesFolder, "documents");
        Directory.CreateDirectory(target);
        if (extension == ".txt")
        {
            // The repository holds the document's text: the download is a PDF made from it, with the document's
            // metadata on its first page and in its document information.
            var pdf = DocumentPdf.Create(
                // The site's name, read plainly: the import verb runs without the site's other (validated) settings.
                new DocumentPdf.Metadata(doc.Title, doc.Kind, doc.Number, doc.Issuer, doc.IssuedOn,
                    configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.Name)}"] is { Length: > 0 } name ? name : "Khuyến công Bến Tre"),
                await File.ReadAllTextAsync(source, ct));
            RemoveStoredFile(target, doc.FileName, doc.Slug + ".pdf");
            doc.FileName = doc.Slug + ".pdf";
            await File.WriteAllBytesAsync(Path.Combine(target, doc.FileName), pdf, ct);
            doc.FileSize = pdf.Length;
            doc.FileContentType = "application/pdf";
            return;
        }

        RemoveStoredFile(target, doc.FileName, doc.Slug + extension);
        doc.FileName = doc.Slug + extension;
        var stored = Path.Combine(target, doc.FileName);
        File.Copy(source, stored, overwrite: true);
        // The source may be read-only; the stored copy must stay replaceable by the next import.
        File.SetAttributes(stored, FileAttributes.Normal);
        doc.FileSize = new FileInfo(source).Length;
        doc.FileContentType = extension switch
        {
            ".pdf" => "application/pdf",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        };
    }

    /// <summary>Deletes an imported file the document no longer uses (a file of the media library is left alone).</summary>
    private static void RemoveStoredFile(string folder, string? previous, string next)
    {
        if (previous is null || previous == next || previous.StartsWith("media:", StringComparison.Ordinal)
            || previous.Contains('/', StringComparison.Ordinal) || previous.Contains('\\', StringComparison.Ordinal))
        {
            return;
        }

        File.Delete(Path.Combine(folder, previous));
    }

    private async Task ApplyPageAsync(string relativePath, string text, Page page, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<PageFile>(relativePath, text);
        var (oldPath, wasLive) = (page.Path, WasLive(page));
        page.Path = "";
        page.Parent = null;
        page.ParentId = null;
        if (!string.IsNullOrWhiteSpace(meta.Parent))
        {
            var parentPath = meta.Parent.Trim().Trim('/');
            var parent = db.Pages.Local.FirstOrDefault(p => p.Path == parentPath && p != page)
                ?? await db.Pages.FirstOrDefaultAsync(p => p.Path == parentPath, ct)
                ?? throw new ContentImportException(relativePath, LineOf(text, "parent"), $"unknown parent page '{meta.Parent}'");
            page.Parent = parent;
            page.Path = parent.Path + "/";
        }

        var prefix = page.Path;
        var slug = string.IsNullOrWhiteSpace(meta.Slug) ? null : meta.Slug.Trim();
        if (slug is not null && !Slugifier.IsValid(slug))
        {
            throw new ContentImportException(relativePath, LineOf(text, "slug"), $"'{slug}' is not a valid slug (lower-case ASCII letters, digits and '-')");
        }

        var title = Required(relativePath, text, "title", meta.Title);
        slug ??= Slugifier.Slugify(title);
        var taken = db.Pages.Local.Any(p => p != page && p.Path == prefix + slug)
            || await db.Pages.AnyAsync(p => p.Path == prefix + slug && p.Id != page.Id, ct);
        if (taken)
        {
            throw new ContentImportException(relativePath, LineOf(text, "slug"), $"another page already has the address /{prefix}{slug}");
        }

        await ApplyCommonAsync(relativePath, text, page, title, slug, meta.Summary, body, meta.Status, meta.Sample, null, ct);
        page.Path = prefix + page.Slug;
        if (oldPath is { Length: > 0 } && oldPath != page.Path)
        {
            await RememberOldAddressAsync(nameof(Page), page, oldPath, page.Path, wasLive, ct);
        }

        page.SortOrder = meta.Order;
        page.Language = meta.Lang is "en" ? "en" : "vi";
        page.PublishAt ??= clock.GetUtcNow().UtcDateTime;
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Parents before children: pages are ordered by how deep their 'parent:' path is.</summary>
    private static string[] OrderPages(string[] files) =>
        files.OrderBy(f => ParentDepth(File.ReadAllText(f))).ThenBy(f => f, StringComparer.Ordinal).ToArray();

    private static int ParentDepth(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("parent:", StringComparison.Ordinal));
        var value = line?["parent:".Length..].Trim().Trim('"', '\'', '/') ?? "";
        return value.Length == 0 ? 0 : value.Count(c => c == '/') + 1;
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

    private async Task<string> ImportTopicsAsync(CancellationToken ct)
    {
        const string file = "topics.yml";
        var path = Path.Combine(contentRoot, file);
        if (!File.Exists(path))
        {
            return "topics: no topics.yml";
        }

        var entries = FrontMatter.Deserialize<List<TopicFile>>(file, await File.ReadAllTextAsync(path, ct));
        var existing = await db.Topics.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        int added = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var slug = e.Slug?.Trim() ?? "";
            if (!Slugifier.IsValid(slug) || string.IsNullOrWhiteSpace(e.Name))
            {
                throw new ContentImportException(file, i + 1, $"topic #{i + 1} needs a valid 'slug' and a 'name'");
            }

            if (!existing.TryGetValue(slug, out var topic))
            {
                db.Topics.Add(new Topic { Slug = slug, Name = e.Name.Trim(), Description = e.Description?.Trim() ?? "", SortOrder = i });
                added++;
            }
            else if (topic.Name != e.Name.Trim() || topic.Description != (e.Description?.Trim() ?? "") || topic.SortOrder != i)
            {
                (topic.Name, topic.Description, topic.SortOrder) = (e.Name.Trim(), e.Description?.Trim() ?? "", i);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new Counts("topics", entries.Count, added, updated, unchanged).ToString().Replace(" files", " entries", StringComparison.Ordinal);
    }

    private async Task<string> ImportPlacesAsync(CancellationToken ct)
    {
        const string file = "places.yml";
        var path = Path.Combine(contentRoot, file);
        if (!File.Exists(path))
        {
            return "places: no places.yml";
        }

        var entries = FrontMatter.Deserialize<List<PlaceFile>>(file, await File.ReadAllTextAsync(path, ct));
        var places = await db.Places.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        int added = 0, updated = 0;
        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            var code = e.Code?.Trim() ?? "";
            if (!Slugifier.IsValid(code) || string.IsNullOrWhiteSpace(e.Name))
            {
                throw new ContentImportException(file, i + 1, $"place #{i + 1} needs a valid 'code' and a 'name'");
            }

            var level = e.Level?.Trim().ToLowerInvariant() switch
            {
                "province" => PlaceLevel.Province,
                "district" => PlaceLevel.District,
                "commune" => PlaceLevel.Commune,
                _ => throw new ContentImportException(file, i + 1, $"place '{code}': level must be province, district or commune"),
            };
            if (!places.TryGetValue(code, out var place))
            {
                place = new Place { Code = code, Name = e.Name.Trim() };
                places[code] = place;
                db.Places.Add(place);
                added++;
            }
            else
            {
                updated++;
            }

            place.Name = e.Name.Trim();
            place.Level = level;
            place.ValidFrom = FrontMatter.ParseDate(file, "valid_from", e.ValidFrom);
            place.ValidTo = FrontMatter.ParseDate(file, "valid_to", e.ValidTo);
        }

        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            var place = places[e.Code!.Trim()];
            place.Parent = Reference(e.Parent, "parent");
            place.Successor = Reference(e.Successor, "successor");

            Place? Reference(string? code, string field) =>
                string.IsNullOrWhiteSpace(code) ? null
                : places.GetValueOrDefault(code.Trim()) ?? throw new ContentImportException(file, i + 1, $"place '{e.Code}': unknown {field} '{code}'");
        }

        var changed = db.ChangeTracker.Entries<Place>().Count(x => x.State == EntityState.Modified);
        await db.SaveChangesAsync(ct);
        return $"places: {entries.Count} entries, {added} added, {changed} updated, {updated - changed} unchanged";
    }

    private static string SlugFromNumber(DocumentFile meta) =>
        Slugifier.Slugify(string.IsNullOrWhiteSpace(meta.Number) ? meta.Title : $"{meta.Kind} {meta.Number}");

    private byte[]? AttachedFileBytes(string relativePath, string text)
    {
        var line = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .FirstOrDefault(l => l.StartsWith("file:", StringComparison.Ordinal));
        var name = line?["file:".Length..].Trim().Trim('"', '\'');
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(AttachmentPath(relativePath, text, name));
        // A text becomes a generated PDF: a new layout version must regenerate it, so it is part of the hash.
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            ? [.. bytes, .. System.Text.Encoding.UTF8.GetBytes(DocumentPdf.Version)]
            : bytes;
    }

    private string AttachmentPath(string relativePath, string text, string name)
    {
        var filesDir = Path.Combine(contentRoot, "files");
        var full = Path.GetFullPath(Path.Combine(filesDir, name));
        if (!full.StartsWith(filesDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !AttachmentExtensions.Contains(Path.GetExtension(full).ToLowerInvariant()))
        {
            throw new ContentImportException(relativePath, LineOf(text, "file"), $"'file' must name a .pdf, .txt, .docx or .xlsx file inside content/files, not '{name}'");
        }

        return File.Exists(full) ? full
            : throw new ContentImportException(relativePath, LineOf(text, "file"), $"attached file content/files/{name} not found");
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
