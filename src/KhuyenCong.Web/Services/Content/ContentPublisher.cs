using System.Text;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// The one write path for routed content: renders Markdown, saves, snapshots a revision per item, writes the
/// audit log and updates the search index in one transaction, then evicts cached pages. Nothing that changes
/// content may bypass it, so no write can forget search, caches, revisions or the audit log.
/// </summary>
public sealed class ContentPublisher(
    AppDbContext db, MarkdownRenderer markdown, ISearchIndex search, IOutputCacheStore cache, TimeProvider clock, AuditLog audit,
    ProductCatalog catalog, ContentChanges changes)
{
    /// <summary>Output-cache tag on every public page built from content.</summary>
    public const string CacheTag = "content";

    public Task SaveAsync(RoutedContent item, string actor, string action, string? note = null, CancellationToken ct = default) =>
        SaveAsync([item], actor, action, note, ct);

    public Task SaveAsync(IReadOnlyList<RoutedContent> items, string actor, string action, string? note = null, CancellationToken ct = default) =>
        SaveCoreAsync(items, null, actor, action, note, null, ct);

    /// <summary>
    /// An editor's save: <paramref name="body"/> is the body as the form's validation already rendered it (one parse
    /// per save), and a changed address (<paramref name="oldAddress"/>: the slug, or a page's path, before the edit)
    /// leaves the old one redirecting, in the same transaction as the save.
    /// </summary>
    public Task SaveEditAsync(RoutedContent item, RenderedMarkdown body, string? oldAddress, string actor, string action, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        return SaveCoreAsync([item], [body], actor, action, note,
            oldAddress is null || oldAddress == ContentTypes.Of(item).UrlKeyOf(item) ? null : () => RememberOldAddressAsync(item, oldAddress, ct), ct);
    }

    /// <summary>
    /// Deletes an item: a last revision and the audit entry, its search entry, its old slugs and the row go in one
    /// transaction, then cached pages are evicted on every node.
    /// </summary>
    public Task DeleteAsync(RoutedContent item, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Status = ContentStatus.Archived;
        return SaveCoreAsync([item], null, actor, "delete", "Xóa", async () =>
        {
            var type = item.GetType().Name;
            await db.SlugRedirects.Where(r => r.ContentType == type && r.ContentId == item.Id).ExecuteDeleteAsync(ct);
            db.Remove(item);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>Text that is already NFC, or its NFC form (stored text is NFC).</summary>
    public static string Nfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <param name="rendered">Bodies already rendered, by position (used when their source is the stored body).</param>
    /// <param name="alsoInTransaction">More work of the same change, done inside the save's transaction.</param>
    private async Task SaveCoreAsync(IReadOnlyList<RoutedContent> items, IReadOnlyList<RenderedMarkdown>? rendered, string actor, string action,
        string? note, Func<Task>? alsoInTransaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // Rendering and sanitising dominate large imports and touch no shared state: spread them over the cores.
        var plainText = new string[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var item = items[i];
            // Stored text is NFC (UTF-8 NFC is the site's rule; search snippets rely on it).
            item.Title = Nfc(item.Title);
            item.Summary = Nfc(item.Summary);
            item.BodyMarkdown = Nfc(item.BodyMarkdown);
            var body = rendered?[i] is { } done && done.Source == item.BodyMarkdown ? done : markdown.Render(item.BodyMarkdown);
            item.BodyHtml = body.Html;
            plainText[i] = body.PlainText;
            ContentTypes.Of(item).RenderExtraFields(item, Nfc, markdown);
        });

        foreach (var item in items)
        {
            await ContentTypes.Of(item).BeforeSaveAsync(db, item, ct);
            if (item.CreatedAt == default)
            {
                item.CreatedAt = now;
            }

            if (item.UpdatedAt == default)
            {
                item.UpdatedAt = now;
            }

            if (item.Status == ContentStatus.Published && item.WentLiveAt is null && item.PublishAt <= now)
            {
                item.WentLiveAt = now;
            }
        }

        await InTransactionAsync(now, async () =>
        {
            await db.SaveChangesAsync(ct);
            await AddRevisionsAsync(items, actor, note, now, ct);
            foreach (var item in items)
            {
                audit.Add(action, item.GetType().Name, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Title, actor);
            }

            await db.SaveChangesAsync(ct);
            var fields = await SearchFields.LoadAsync(db, items, ct);
            for (var i = 0; i < items.Count; i++)
            {
                await IndexAsync(items[i], fields.Body(items[i], plainText[i]), ct);
            }

            // A producer is findable while something of theirs is published.
            await SearchFields.IndexEstablishmentsAsync(db, search, items.Select(SearchFields.EstablishmentOf).OfType<int>().ToHashSet(), now, ct);
            if (alsoInTransaction is not null)
            {
                await alsoInTransaction();
            }
        }, ct);
    }

    /// <summary>
    /// Changes that are not routed content but show on public pages (producers, programme results): the caller's
    /// <paramref name="alsoInTransaction"/> (run first), the tracked changes and the audit entry are saved in one transaction with the
    /// change stamp; the producers named are re-indexed; then the product catalog and the cached pages are refreshed
    /// on every node, exactly as for content.
    /// </summary>
    /// <param name="describe">The audit entry, read after the first save (a new row has its id then).</param>
    public Task SaveOtherAsync(string action, string entityType, Func<(string Id, string? Detail)> describe, IReadOnlyCollection<int> establishments,
        Func<Task>? alsoInTransaction = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var now = clock.GetUtcNow().UtcDateTime;
        return InTransactionAsync(now, async () =>
        {
            if (alsoInTransaction is not null)
            {
                await alsoInTransaction();
            }

            await db.SaveChangesAsync(ct);
            var (id, detail) = describe();
            audit.Add(action, entityType, id, detail);
            await db.SaveChangesAsync(ct);
            await SearchFields.IndexEstablishmentsAsync(db, search, establishments, now, ct);
        }, ct);
    }

    /// <summary>
    /// Runs one change in a transaction (the caller's, if one is open) with the change stamp, so other processes and
    /// nodes see it, then evicts this node's cached pages and product catalog once it is committed.
    /// </summary>
    private async Task InTransactionAsync(DateTime now, Func<Task> work, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        long? version = null;
        await using (var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            await work();
            await ContentChanges.BumpAsync(db, now, ct);
            if (transaction is not null)
            {
                // The stamp as this transaction left it (the row is locked until the commit, so no other writer moves
                // it in between): once evicted below, this node's poller need not evict for it again.
                version = await ContentChanges.VersionAsync(db, ct);
                await transaction.CommitAsync(ct);
            }
        }

        catalog.Invalidate();
        await cache.EvictByTagAsync(CacheTag, ct);
        if (version is { } committed)
        {
            changes.EvictedAt(committed);
        }
    }

    /// <summary>
    /// A published address never breaks: the old address (slug, or a page's whole path) answers 301 with the new one;
    /// an old address the item takes back stops redirecting, and so does a stale one it leaves.
    /// </summary>
    private async Task RememberOldAddressAsync(RoutedContent item, string oldAddress, CancellationToken ct)
    {
        var type = item.GetType().Name;
        var address = ContentTypes.Of(item).UrlKeyOf(item);
        await db.SlugRedirects.Where(r => r.ContentType == type && (r.OldSlug == address || r.OldSlug == oldAddress)).ExecuteDeleteAsync(ct);
        if (item.WentLiveAt is not null || item.Status == ContentStatus.Published)
        {
            db.SlugRedirects.Add(new SlugRedirect { ContentType = type, OldSlug = oldAddress, ContentId = item.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
    }

    private static readonly JsonSerializerOptions SnapshotJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task AddRevisionsAsync(IReadOnlyList<RoutedContent> items, string actor, string? note, DateTime now, CancellationToken ct)
    {
        foreach (var group in items.GroupBy(i => i.GetType().Name))
        {
            var ids = group.Select(i => i.Id).ToList();
            var latest = await db.Revisions
                .Where(r => r.ContentType == group.Key && ids.Contains(r.ContentId))
                .GroupBy(r => r.ContentId)
                .Select(g => new { Id = g.Key, Number = g.Max(r => r.Number) })
                .ToDictionaryAsync(x => x.Id, x => x.Number, ct);
            foreach (var item in group)
            {
                db.Revisions.Add(new Revision
                {
                    ContentType = group.Key, ContentId = item.Id,
                    Number = latest.GetValueOrDefault(item.Id) + 1,
                    SnapshotJson = Snapshot(item), Author = actor, Note = note, CreatedAt = now,
                });
            }
        }
    }

    /// <summary>Every stored column except the derived HTML, plus an article's tag names.</summary>
    private string Snapshot(RoutedContent item)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in db.Entry(item).Properties)
        {
            if (property.Metadata.Name != nameof(RoutedContent.BodyHtml))
            {
                values[property.Metadata.Name] = property.CurrentValue;
            }
        }

        ContentTypes.Of(item).AddToSnapshot(db, item, values);

        // Stored, never written into HTML: keep Vietnamese letters as they are (a third of the size of \uXXXX).
        return JsonSerializer.Serialize(values, SnapshotJson);
    }

    /// <param name="body">The plain text with the type's searchable fields (<see cref="SearchFields.Body"/>).</param>
    private Task IndexAsync(RoutedContent item, string body, CancellationToken ct)
    {
        var type = ContentTypes.Of(item);
        var (kind, url) = (type.SearchKind, type.PublicPath(item));

        // The index holds only what a visitor may see now; the scheduler indexes scheduled items when they go
        // live and removes them when they expire (both through this method).
        if (!item.IsPublishedAt(clock.GetUtcNow().UtcDateTime))
        {
            return search.RemoveAsync(db, kind, item.Id, ct);
        }

        return search.UpsertAsync(db, new SearchDocument(
            kind, item.Id, SearchFields.Title(item), url, item.Summary, body, item.PublishAt!.Value, item.UnpublishAt), ct);
    }
}
