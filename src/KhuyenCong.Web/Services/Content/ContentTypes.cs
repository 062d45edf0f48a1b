using System.Linq.Expressions;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// The registry of routed content types: one line per type in <see cref="All"/>. The publisher, the history page,
/// the sitemaps, the editor dashboard and the "new item" routes read it instead of switching on the type, so a new
/// type is its own files plus one line here (docs/architecture.md lists the files).
/// </summary>
public static class ContentTypes
{
    public static readonly IReadOnlyList<ContentType> All =
    [
        new ContentType<Article>
        {
            Label = "Tin bài", Noun = "tin bài", AdminSegment = "tin-bai", EditPage = "/Admin/Articles/Edit",
            SearchKind = SearchKinds.Article, Sitemap = "articles", Feed = "/rss.xml", Set = db => db.Articles, Url = SiteUrls.Article,
            Snapshot = (db, article, values) =>
            {
                // A list that was not loaded (the scheduler publishes without tags) is left out, not recorded as
                // empty: restoring that revision then leaves the tags as they are.
                if (ContentSnapshot.IsKnown(db.Entry(article).Collection(a => a.Tags)))
                {
                    values["Tags"] = article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
                }
            },
        },
        new ContentType<Document>
        {
            Label = "Văn bản", Noun = "văn bản", AdminSegment = "van-ban", EditPage = "/Admin/Documents/Edit",
            SearchKind = SearchKinds.Document, Sitemap = "documents", Set = db => db.Documents, Url = SiteUrls.Document,
            Markdown = [new(d => d.CommentSummaryMarkdown, (d, text) => d.CommentSummaryMarkdown = text, (d, html) => d.CommentSummaryHtml = html)],
        },
        new ContentType<Page>
        {
            Label = "Trang", Noun = "trang", AdminSegment = "trang", EditPage = "/Admin/StaticPages/Edit",
            SearchKind = SearchKinds.Page, Sitemap = "pages", Set = db => db.Pages, Url = SiteUrls.Page,
            UrlKey = p => p.Path, SitemapInUrlOrder = true,
        },
        new ContentType<Product>
        {
            Label = "Sản phẩm", Noun = "sản phẩm", AdminSegment = "san-pham", EditPage = "/Admin/Products/Edit",
            SearchKind = SearchKinds.Product, Sitemap = "products", Set = db => db.Products, Url = SiteUrls.Product,
            BeforeSave = async (db, product, ct) =>
            {
                // The scheduler and the history page load products without their certifications.
                var certifications = db.Entry(product).Collection(x => x.Certifications);
                if (db.Entry(product).State != EntityState.Added && !certifications.IsLoaded)
                {
                    await certifications.LoadAsync(ct);
                }

                ProductFacts.Sync(product);
            },
            Snapshot = (_, product, values) => ProductFacts.AddToSnapshot(product, values),
        },
        new ContentType<TvSegment>
        {
            Label = "Truyền hình", Noun = "kỳ chuyên mục truyền hình", AdminSegment = "truyen-hinh", EditPage = "/Admin/TvSegments/Edit",
            SearchKind = SearchKinds.TvSegment, Sitemap = "tv", Set = db => db.TvSegments, Url = SiteUrls.TvSegment,
        },
        new ContentType<Showroom>
        {
            Label = "Phòng trưng bày", Noun = "phòng trưng bày", AdminSegment = "phong-trung-bay", EditPage = "/Admin/Showrooms/Edit",
            SearchKind = SearchKinds.Showroom, Sitemap = "showrooms", Set = db => db.Showrooms, Url = SiteUrls.Showroom,
            Snapshot = (db, showroom, values) =>
            {
                values["Gallery"] = ContentSnapshot.Gallery(showroom.Gallery);
                if (ContentSnapshot.IsKnown(db.Entry(showroom).Collection(s => s.Products)))
                {
                    values["Products"] = showroom.Products.Select(p => p.Id).Order().ToList();
                }
            },
        },
        new ContentType<Fair>
        {
            Label = "Hội chợ", Noun = "hội chợ", AdminSegment = "hoi-cho", EditPage = "/Admin/Fairs/Edit",
            SearchKind = SearchKinds.Fair, Sitemap = "fairs", Set = db => db.Fairs, Url = SiteUrls.Fair,
            Markdown = [new(f => f.ResultsMarkdown, (f, text) => f.ResultsMarkdown = text, (f, html) => f.ResultsHtml = html)],
            Snapshot = (db, fair, values) =>
            {
                values["Gallery"] = ContentSnapshot.Gallery(fair.Gallery);
                if (ContentSnapshot.IsKnown(db.Entry(fair).Collection(f => f.Participants)))
                {
                    values["Participants"] = fair.Participants.OrderBy(p => p.EstablishmentId)
                        .Select(p => new { p.EstablishmentId, p.Booth, p.ProgrammeSupported }).ToList();
                }
            },
        },
        new ContentType<QaItem>
        {
            Label = "Hỏi đáp", Noun = "hỏi đáp", AdminSegment = "hoi-dap", EditPage = "/Admin/QaItems/Edit",
            SearchKind = SearchKinds.Qa, Sitemap = "qa", Feed = "/hoi-dap/rss.xml", Set = db => db.QaItems, Url = SiteUrls.Qa,
            // The question as asked is plain text (NFC like every stored text), not Markdown.
            Markdown = [new(q => q.QuestionText, (q, text) => q.QuestionText = text, null)],
        },
    ];

    private static readonly Dictionary<Type, ContentType> ByClrType = All.ToDictionary(t => t.ClrType);
    private static readonly Dictionary<string, ContentType> BySegment = All.ToDictionary(t => t.AdminSegment, StringComparer.Ordinal);

    /// <summary>The description of <paramref name="item"/>'s type.</summary>
    public static ContentType Of(RoutedContent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ByClrType.TryGetValue(item.GetType(), out var type) ? type : throw new NotSupportedException(item.GetType().Name);
    }

    public static ContentType<T> Of<T>() where T : RoutedContent => (ContentType<T>)ByClrType[typeof(T)];

    /// <summary>The type whose admin URL segment is <paramref name="segment"/> ("tin-bai"), or null.</summary>
    public static ContentType? ByAdminSegment(string? segment) =>
        segment is not null && BySegment.TryGetValue(segment, out var type) ? type : null;
}

/// <summary>One routed content type as the rest of the site sees it (see <see cref="ContentTypes"/>).</summary>
public abstract class ContentType
{
    public abstract Type ClrType { get; }

    /// <summary>The entity name, as stored in revisions, the audit log and slug redirects.</summary>
    public string Name => ClrType.Name;

    /// <summary>The editor area's name for the list ("Tin bài").</summary>
    public required string Label { get; init; }

    /// <summary>One item, lower case, for "Thêm …" and "Sửa …" ("tin bài").</summary>
    public required string Noun { get; init; }

    /// <summary>The segment of the editor-area URLs: /quan-tri/{segment}, …/them, …/{id}, /quan-tri/lich-su/{segment}/{id}.</summary>
    public required string AdminSegment { get; init; }

    /// <summary>The Razor page that creates and edits this type (routed also at …/them).</summary>
    public required string EditPage { get; init; }

    /// <summary>The kind under which the search index stores this type.</summary>
    public required string SearchKind { get; init; }

    /// <summary>The sitemap's name: /sitemap-{name}-{page}.xml.</summary>
    public required string Sitemap { get; init; }

    /// <summary>The public feed that lists this type, if any.</summary>
    public string? Feed { get; init; }

    public string AdminPath => "/quan-tri/" + AdminSegment;
    public string NewItemPath => AdminPath + "/them";
    public string EditPath(int id) => $"{AdminPath}/{id}";
    public string HistoryPath(int id) => $"/quan-tri/lich-su/{AdminSegment}/{id}";

    /// <summary>The item's public address.</summary>
    public abstract string PublicPath(RoutedContent item);

    /// <summary>What the public address is made of: the slug, or a page's path (what a slug redirect records).</summary>
    public abstract string UrlKeyOf(RoutedContent item);

    /// <summary>The tracked item with this id, or null.</summary>
    public abstract Task<RoutedContent?> FindAsync(AppDbContext db, int id, CancellationToken ct);

    /// <summary>Runs a query written once for every type over this type's table.</summary>
    public abstract Task<TResult> QueryAsync<TResult>(AppDbContext db, IContentQuery<TResult> query, CancellationToken ct);

    /// <summary>How many items a visitor sees now and when the last of them changed.</summary>
    public abstract Task<(int Count, DateTime? LastModified)> SitemapStatsAsync(AppDbContext db, DateTime now, CancellationToken ct);

    /// <summary>One page of public addresses with their last change.</summary>
    public abstract Task<List<(string Path, DateTime LastModified)>> SitemapAsync(AppDbContext db, DateTime now, int skip, int take, CancellationToken ct);

    /// <summary>Normalises and renders the type's Markdown fields beyond the body (and its plain-text fields).</summary>
    public abstract void RenderExtraFields(RoutedContent item, Func<string, string> normalise, MarkdownRenderer markdown);

    /// <summary>What the type does before a save (denormalised facts).</summary>
    public abstract Task BeforeSaveAsync(AppDbContext db, RoutedContent item, CancellationToken ct);

    /// <summary>Adds the type's lists to a revision snapshot.</summary>
    public abstract void AddToSnapshot(AppDbContext db, RoutedContent item, IDictionary<string, object?> values);
}

/// <summary>A query over one content type's table, written once for every type (the dashboard's lists).</summary>
public interface IContentQuery<TResult>
{
    Task<TResult> RunAsync<T>(ContentType<T> type, IQueryable<T> items, CancellationToken ct) where T : RoutedContent;
}

/// <summary>A Markdown (or plain-text, when <paramref name="SetHtml"/> is null) field beyond the body.</summary>
public sealed record MarkdownField<T>(Func<T, string> Get, Action<T, string> Set, Action<T, string>? SetHtml);

public sealed class ContentType<T> : ContentType where T : RoutedContent
{
    public override Type ClrType => typeof(T);

    public required Func<AppDbContext, DbSet<T>> Set { get; init; }

    /// <summary>The public address from the URL key (<see cref="UrlKey"/>).</summary>
    public required Func<string, string> Url { get; init; }

    /// <summary>The column the public address is made of (the slug, or a page's path).</summary>
    public Expression<Func<T, string>> UrlKey { get; init; } = x => x.Slug;

    /// <summary>The sitemap lists items in address order (pages, a tree) rather than in id order.</summary>
    public bool SitemapInUrlOrder { get; init; }

    public IReadOnlyList<MarkdownField<T>> Markdown { get; init; } = [];
    public Func<AppDbContext, T, CancellationToken, Task>? BeforeSave { get; init; }
    public Action<AppDbContext, T, IDictionary<string, object?>>? Snapshot { get; init; }

    private Func<T, string>? urlKey;

    public string PublicPath(T item) => Url((urlKey ??= UrlKey.Compile())(item));

    public override string PublicPath(RoutedContent item) => PublicPath((T)item);

    public override string UrlKeyOf(RoutedContent item) => (urlKey ??= UrlKey.Compile())((T)item);

    public override async Task<RoutedContent?> FindAsync(AppDbContext db, int id, CancellationToken ct) =>
        await Set(db).FirstOrDefaultAsync(x => x.Id == id, ct);

    public override Task<TResult> QueryAsync<TResult>(AppDbContext db, IContentQuery<TResult> query, CancellationToken ct) =>
        query.RunAsync(this, Set(db).AsNoTracking(), ct);

    public override async Task<(int Count, DateTime? LastModified)> SitemapStatsAsync(AppDbContext db, DateTime now, CancellationToken ct) =>
        (await Set(db).Published(now).CountAsync(ct), await Set(db).Published(now).MaxAsync(x => (DateTime?)x.UpdatedAt, ct));

    public override async Task<List<(string Path, DateTime LastModified)>> SitemapAsync(AppDbContext db, DateTime now, int skip, int take, CancellationToken ct)
    {
        var published = Set(db).AsNoTracking().Published(now);
        var ordered = SitemapInUrlOrder ? published.OrderBy(UrlKey) : published.OrderBy(x => x.Id);
        var x = UrlKey.Parameters[0];
        var select = Expression.Lambda<Func<T, KeyAndDate>>(
            Expression.New(typeof(KeyAndDate).GetConstructors()[0], UrlKey.Body, Expression.Property(x, nameof(RoutedContent.UpdatedAt))), x);
        var rows = await ordered.Skip(skip).Take(take).Select(select).ToListAsync(ct);
        return rows.Select(r => (Url(r.Key), r.At)).ToList();
    }

    public override void RenderExtraFields(RoutedContent item, Func<string, string> normalise, MarkdownRenderer markdown)
    {
        ArgumentNullException.ThrowIfNull(normalise);
        ArgumentNullException.ThrowIfNull(markdown);
        var typed = (T)item;
        foreach (var field in Markdown)
        {
            var text = normalise(field.Get(typed));
            field.Set(typed, text);
            field.SetHtml?.Invoke(typed, markdown.ToHtml(text));
        }
    }

    public override Task BeforeSaveAsync(AppDbContext db, RoutedContent item, CancellationToken ct) =>
        BeforeSave?.Invoke(db, (T)item, ct) ?? Task.CompletedTask;

    public override void AddToSnapshot(AppDbContext db, RoutedContent item, IDictionary<string, object?> values) =>
        Snapshot?.Invoke(db, (T)item, values);

    private sealed record KeyAndDate(string Key, DateTime At);
}

/// <summary>Helpers for the revision snapshots the registry's lines write.</summary>
public static class ContentSnapshot
{
    public static object Gallery(IEnumerable<GalleryImage> gallery) =>
        gallery.Select(g => new { g.Media, g.Alt, g.Caption }).ToList();

    /// <summary>
    /// Whether a list's contents are known at snapshot time: loaded, or filled in by the code that saves. A list that
    /// was never loaded is left out of the snapshot rather than recorded as empty.
    /// </summary>
    public static bool IsKnown(Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return collection.IsLoaded || collection.CurrentValue?.Cast<object>().Any() == true;
    }
}
