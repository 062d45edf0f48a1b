using System.Text;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services;

/// <summary>
/// The one write path for routed content: renders Markdown, saves, snapshots a revision per item, writes the
/// audit log and updates the search index in one transaction, then evicts cached pages. Nothing that changes
/// content may bypass it, so no write can forget search, caches, revisions or the audit log.
/// </summary>
public sealed class ContentPublisher(
    AppDbContext db, MarkdownRenderer markdown, ISearchIndex search, IOutputCacheStore cache, TimeProvider clock, AuditLog audit,
    ProductCatalog catalog)
{
    /// <summary>Output-cache tag on every public page built from content.</summary>
    public const string CacheTag = "content";

    public Task SaveAsync(RoutedContent item, string actor, string action, string? note = null, CancellationToken ct = default) =>
        SaveAsync([item], actor, action, note, ct);

    public async Task SaveAsync(IReadOnlyList<RoutedContent> items, string actor, string action, string? note = null, CancellationToken ct = default)
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
            item.BodyHtml = markdown.ToHtml(item.BodyMarkdown);
            if (item is Fair fair)
            {
                fair.ResultsMarkdown = Nfc(fair.ResultsMarkdown);
                fair.ResultsHtml = markdown.ToHtml(fair.ResultsMarkdown);
            }
            else if (item is Document document)
            {
                document.CommentSummaryMarkdown = Nfc(document.CommentSummaryMarkdown);
                document.CommentSummaryHtml = markdown.ToHtml(document.CommentSummaryMarkdown);
            }
            else if (item is QaItem qa)
            {
                qa.QuestionText = Nfc(qa.QuestionText);
            }
            plainText[i] = markdown.ToPlainText(item.BodyMarkdown);
        });

        foreach (var item in items)
        {
            if (item is Product product)
            {
                // The scheduler and the history page load products without their certifications.
                var certifications = db.Entry(product).Collection(x => x.Certifications);
                if (db.Entry(product).State != EntityState.Added && !certifications.IsLoaded)
                {
                    await certifications.LoadAsync(ct);
                }

                ProductFacts.Sync(product);
            }

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

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;

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

        // Other processes and nodes see the change through the stamp and evict their own cached pages.
        await ContentChanges.BumpAsync(db, now, ct);

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        catalog.Invalidate();
        await cache.EvictByTagAsync(CacheTag, ct);
    }

    private static readonly JsonSerializerOptions SnapshotJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Nfc(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

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

        // A list that was not loaded (the scheduler publishes without tags) is left out, not recorded as empty:
        // restoring that revision then leaves the tags as they are.
        if (item is Article article && IsKnown(db.Entry(article).Collection(a => a.Tags)))
        {
            values["Tags"] = article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        }

        switch (item)
        {
            case Product product:
                ProductFacts.AddToSnapshot(product, values);
                break;
            case Showroom showroom:
                values["Gallery"] = GallerySnapshot(showroom.Gallery);
                if (IsKnown(db.Entry(showroom).Collection(s => s.Products)))
                {
                    values["Products"] = showroom.Products.Select(p => p.Id).Order().ToList();
                }

                break;
            case Fair fair:
                values["Gallery"] = GallerySnapshot(fair.Gallery);
                if (IsKnown(db.Entry(fair).Collection(f => f.Participants)))
                {
                    values["Participants"] = fair.Participants.OrderBy(p => p.EstablishmentId)
                        .Select(p => new { p.EstablishmentId, p.Booth, p.ProgrammeSupported }).ToList();
                }

                break;
        }

        // Stored, never written into HTML: keep Vietnamese letters as they are (a third of the size of \uXXXX).
        return JsonSerializer.Serialize(values, SnapshotJson);
    }

    internal static object GallerySnapshot(IEnumerable<GalleryImage> gallery) =>
        gallery.Select(g => new { g.Media, g.Alt, g.Caption }).ToList();

    /// <summary>
    /// Whether a list's contents are known at snapshot time: loaded, or filled in by the code that saves. A list that
    /// was never loaded is left out of the snapshot rather than recorded as empty.
    /// </summary>
    private static bool IsKnown(Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry collection) =>
        collection.IsLoaded || collection.CurrentValue?.Cast<object>().Any() == true;

    /// <param name="body">The plain text with the type's searchable fields (<see cref="SearchFields.Body"/>).</param>
    private Task IndexAsync(RoutedContent item, string body, CancellationToken ct)
    {
        var (kind, url) = item switch
        {
            Article a => (SearchKinds.Article, "/tin-tuc/" + a.Slug),
            Document d => (SearchKinds.Document, "/van-ban/" + d.Slug),
            Page p => (SearchKinds.Page, "/" + p.Path),
            Product p => (SearchKinds.Product, SiteUrls.Product(p.Slug)),
            TvSegment t => (SearchKinds.TvSegment, SiteUrls.TvSegment(t.Slug)),
            Showroom s => (SearchKinds.Showroom, SiteUrls.Showroom(s.Slug)),
            Fair f => (SearchKinds.Fair, SiteUrls.Fair(f.Slug)),
            QaItem q => (SearchKinds.Qa, SiteUrls.Qa(q.Slug)),
            _ => throw new NotSupportedException(item.GetType().Name),
        };

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
