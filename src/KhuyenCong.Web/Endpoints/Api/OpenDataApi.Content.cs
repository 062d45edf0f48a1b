using System.ComponentModel;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints.Api;

public static partial class OpenDataApi
{
    /// <summary>At most this many search matches are turned into an id filter (articles' q).</summary>
    private const int MaxTextMatches = 2000;

    private static void MapContent(RouteGroupBuilder api)
    {
        api.MapGet("/articles", ArticlesAsync).WithName("ListArticles").WithTags("Tin bài")
            .WithSummary("Danh sách tin bài").WithDescription("Tin bài đang công bố, mới nhất trước; lọc theo chuyên mục, thẻ, khoảng ngày đăng và từ khóa (tìm như /tim-kiem).")
            .Produces<ApiPage<ApiArticle>>();
        api.MapGet("/articles/{slug}", ArticleAsync).WithName("GetArticle").WithTags("Tin bài")
            .WithSummary("Một tin bài").WithDescription("Tin bài theo đường dẫn (slug), với nội dung HTML.")
            .Produces<ApiArticle>().Produces<ApiProblem>(StatusCodes.Status404NotFound, ApiConventions.ProblemContentType);
        api.MapGet("/documents", DocumentsAsync).WithName("ListDocuments").WithTags("Văn bản")
            .WithSummary("Danh sách văn bản").WithDescription("Văn bản chính sách đang công bố, theo thứ tự mã số; lọc theo loại, cơ quan ban hành, năm ban hành, hiệu lực và số hiệu.")
            .Produces<ApiPage<ApiDocument>>();
        api.MapGet("/documents/{slug}", DocumentAsync).WithName("GetDocument").WithTags("Văn bản")
            .WithSummary("Một văn bản").WithDescription("Văn bản theo đường dẫn (slug), với nội dung HTML và tệp đính kèm.")
            .Produces<ApiDocument>().Produces<ApiProblem>(StatusCodes.Status404NotFound, ApiConventions.ProblemContentType);
        api.MapGet("/topics", TopicsAsync).WithName("ListTopics").WithTags("Chuyên mục và thẻ")
            .WithSummary("Danh sách chuyên mục").WithDescription("Các chuyên mục tin, theo thứ tự mã số.")
            .Produces<ApiPage<ApiTopic>>();
        api.MapGet("/topics/{slug}", TopicAsync).WithName("GetTopic").WithTags("Chuyên mục và thẻ")
            .WithSummary("Một chuyên mục").Produces<ApiTopic>().Produces<ApiProblem>(StatusCodes.Status404NotFound, ApiConventions.ProblemContentType);
        api.MapGet("/tags", TagsAsync).WithName("ListTags").WithTags("Chuyên mục và thẻ")
            .WithSummary("Danh sách thẻ").WithDescription("Các thẻ tin bài, theo thứ tự mã số.")
            .Produces<ApiPage<ApiTag>>();
        api.MapGet("/tags/{slug}", TagAsync).WithName("GetTag").WithTags("Chuyên mục và thẻ")
            .WithSummary("Một thẻ").Produces<ApiTag>().Produces<ApiProblem>(StatusCodes.Status404NotFound, ApiConventions.ProblemContentType);
        api.MapGet("/search", SearchAsync).WithName("Search").WithTags("Tìm kiếm")
            .WithSummary("Tìm kiếm").WithDescription("Tìm trong mọi nội dung đang công bố như trang /tim-kiem (không phân biệt dấu, cụm từ đúng thứ tự xếp trước); lọc theo loại. Thứ tự theo mức liên quan.")
            .Produces<ApiSearchPage>();
    }

    private static async Task<IResult> ArticlesAsync(
        HttpContext http, AppDbContext db, ISearchIndex search, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "topic"), Description("Đường dẫn (slug) của chuyên mục, ví dụ tin-hoat-dong.")] string? topic,
        [FromQuery(Name = "tag"), Description("Đường dẫn (slug) của thẻ.")] string? tag,
        [FromQuery(Name = "from"), Description("Đăng từ ngày (yyyy-MM-dd, giờ Việt Nam), kể cả ngày này.")] string? from,
        [FromQuery(Name = "to"), Description("Đăng đến ngày (yyyy-MM-dd, giờ Việt Nam), kể cả ngày này.")] string? to,
        [FromQuery(Name = "q"), Description("Từ khóa, không cần dấu (tối đa 200 ký tự).")] string? q,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryLimit(out var size, out var problem)
            || !TryDateCursor(paging.Cursor, "articles", out var after, out problem)
            || !TryText(topic, "topic", 200, out var topicSlug, out problem)
            || !TryText(tag, "tag", 200, out var tagSlug, out problem)
            || !TryDay(from, "from", out var fromDay, out problem)
            || !TryDay(to, "to", out var toDay, out problem)
            || !TryText(q, "q", SearchQuery.MaxQueryLength, out var text, out problem))
        {
            return problem!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking().Published(now);
        if (topicSlug is not null)
        {
            var topicId = await db.Topics.Where(t => t.Slug == topicSlug).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (topicId is null)
            {
                return ApiConventions.BadParameter("topic", "Không có chuyên mục với đường dẫn này; xem /api/v1/topics.");
            }

            query = query.InTopic(topicId.Value);
        }

        if (tagSlug is not null)
        {
            var tagId = await db.Tags.Where(t => t.Slug == tagSlug).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            if (tagId is null)
            {
                return ApiConventions.BadParameter("tag", "Không có thẻ với đường dẫn này; xem /api/v1/tags.");
            }

            query = query.WithTag(tagId.Value);
        }

        // Vietnam calendar days (UTC+7, no daylight saving) as UTC instants.
        if (fromDay is { } f)
        {
            var start = VietnamTime.DayStartUtc(f);
            query = query.Where(a => a.PublishAt >= start);
        }

        if (toDay is { } t)
        {
            var end = VietnamTime.DayStartUtc(t.AddDays(1));
            query = query.Where(a => a.PublishAt < end);
        }

        if (text is not null)
        {
            if (SearchQuery.Terms(text).Count == 0)
            {
                return ApiConventions.BadParameter("q", "Từ khóa cần có ít nhất một chữ cái hoặc chữ số.");
            }

            var found = await search.SearchAsync(db, text, now, 0, MaxTextMatches, SearchKinds.Article, ct);
            var ids = found.Hits.Select(h => h.ItemId).ToList();
            query = query.Where(a => ids.Contains(a.Id));
        }

        if (after is { } k)
        {
            query = query.Where(a => a.PublishAt < k.At || (a.PublishAt == k.At && a.Id < k.Id));
        }

        var rows = await query.Newest().Take(size + 1)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.Summary, PublishAt = a.PublishAt!.Value, a.UpdatedAt, a.Author, a.Source, a.IsSample,
                a.FeaturedImage, a.FeaturedImageAlt,
                Topic = a.Topic == null ? null : new { a.Topic.Slug, a.Topic.Name },
                Tags = a.Tags.OrderBy(x => x.Name).Select(x => new { x.Slug, x.Name }).ToList(),
            })
            .ToListAsync(ct);
        var images = await Showcase.ImagesAsync(db, rows.Select(r => r.FeaturedImage), ct);
        var page = Page(http, urls, rows, size, r => ApiConventions.Cursor("articles", r.PublishAt.Ticks, r.Id), r => new ApiArticle(
            r.Id, r.Slug, r.Title, r.Summary, urls.Absolute(SiteUrls.Article(r.Slug)), ApiConventions.Local(r.PublishAt), ApiConventions.Local(r.UpdatedAt),
            r.Topic is null ? null : new ApiRef(r.Topic.Slug, r.Topic.Name, urls.Absolute(SiteUrls.Topic(r.Topic.Slug))),
            r.Tags.Select(x => new ApiRef(x.Slug, x.Name, urls.Absolute(SiteUrls.Tag(x.Slug)))).ToList(),
            r.Author, r.Source, r.IsSample, Image(urls, images, r.FeaturedImage, r.FeaturedImageAlt), null));
        return ApiConventions.Ok(page, Latest(rows.Take(size).Select(r => r.UpdatedAt)));
    }

    private static async Task<IResult> ArticleAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var a = await db.Articles.AsNoTracking().Published(now).Where(x => x.Slug == slug)
            .Include(x => x.Topic).Include(x => x.Tags).FirstOrDefaultAsync(ct);
        if (a is null)
        {
            return ApiConventions.NotFound("Không có tin bài đang công bố với đường dẫn này.");
        }

        var images = await Showcase.ImagesAsync(db, [a.FeaturedImage], ct);
        return ApiConventions.Ok(new ApiArticle(
            a.Id, a.Slug, a.Title, a.Summary, urls.Absolute(SiteUrls.Article(a.Slug)), ApiConventions.Local(a.PublishAt!.Value), ApiConventions.Local(a.UpdatedAt),
            a.Topic is null ? null : new ApiRef(a.Topic.Slug, a.Topic.Name, urls.Absolute(SiteUrls.Topic(a.Topic.Slug))),
            a.Tags.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => new ApiRef(x.Slug, x.Name, urls.Absolute(SiteUrls.Tag(x.Slug)))).ToList(),
            a.Author, a.Source, a.IsSample, Image(urls, images, a.FeaturedImage, a.FeaturedImageAlt), a.BodyHtml), a.UpdatedAt);
    }

    private static ApiDocument DocumentOf(Document d, SiteUrls urls, bool body) => new(
        d.Id, d.Slug, d.Title, d.Summary, urls.Absolute(SiteUrls.Document(d.Slug)), d.Kind, d.Number, d.Issuer,
        ApiConventions.Day(d.IssuedOn), ApiConventions.Day(d.EffectiveOn), d.InForce,
        d.FileName is null ? null : urls.Absolute(SiteUrls.Document(d.Slug) + "/tai-ve"), d.FileName is null ? null : d.FileContentType,
        d.FileName is null ? null : d.FileSize,
        ApiConventions.Local(d.PublishAt!.Value), ApiConventions.Local(d.UpdatedAt), d.IsSample, body ? d.BodyHtml : null);

    private static async Task<IResult> DocumentsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "kind"), Description("Loại văn bản, đúng như ghi (ví dụ Quyết định).")] string? kind,
        [FromQuery(Name = "issuer"), Description("Cơ quan ban hành, đúng như ghi (ví dụ UBND tỉnh Bến Tre).")] string? issuer,
        [FromQuery(Name = "year"), Description("Năm ban hành (1945–2100).")] string? year,
        [FromQuery(Name = "inForce"), Description("true: còn hiệu lực; false: hết hiệu lực.")] string? inForce,
        [FromQuery(Name = "number"), Description("Số, ký hiệu, đúng như ghi (ví dụ 1625/QĐ-UBND).")] string? number,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("documents", out var size, out var afterId, out var problem)
            || !TryText(kind, "kind", 100, out var kindText, out problem)
            || !TryText(issuer, "issuer", 200, out var issuerText, out problem)
            || !TryInt(year, "year", 1945, 2100, out var y, out problem)
            || !TryBool(inForce, "inForce", out var force, out problem)
            || !TryText(number, "number", 100, out var numberText, out problem))
        {
            return problem!;
        }

        var query = db.Documents.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime);
        if (kindText is not null)
        {
            query = query.Where(d => d.Kind == kindText);
        }

        if (issuerText is not null)
        {
            query = query.Where(d => d.Issuer == issuerText);
        }

        if (y is { } yy)
        {
            DateTime start = new(yy, 1, 1), end = new(yy + 1, 1, 1);
            query = query.Where(d => d.IssuedOn >= start && d.IssuedOn < end);
        }

        if (force is { } f)
        {
            query = query.Where(d => d.InForce == f);
        }

        if (numberText is not null)
        {
            query = query.Where(d => d.Number == numberText);
        }

        if (afterId is { } after)
        {
            query = query.Where(d => d.Id > after);
        }

        var rows = await query.OrderBy(d => d.Id).Take(size + 1).ToListAsync(ct);
        var page = Page(http, urls, rows, size, d => ApiConventions.Cursor("documents", d.Id), d => DocumentOf(d, urls, body: false));
        return ApiConventions.Ok(page, Latest(rows.Take(size).Select(r => r.UpdatedAt)));
    }

    private static async Task<IResult> DocumentAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var d = await db.Documents.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        return d is null
            ? ApiConventions.NotFound("Không có văn bản đang công bố với đường dẫn này.")
            : ApiConventions.Ok(DocumentOf(d, urls, body: true), d.UpdatedAt);
    }

    private static async Task<IResult> TopicsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("topics", out var size, out var afterId, out var problem))
        {
            return problem!;
        }

        var rows = await db.Topics.AsNoTracking().Where(t => afterId == null || t.Id > afterId).OrderBy(t => t.Id).Take(size + 1).ToListAsync(ct);
        return ApiConventions.Ok(Page(http, urls, rows, size, t => ApiConventions.Cursor("topics", t.Id),
            t => new ApiTopic(t.Id, t.Slug, t.Name, t.Description, urls.Absolute(SiteUrls.Topic(t.Slug)))), null);
    }

    private static async Task<IResult> TopicAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, CancellationToken ct)
    {
        var t = await db.Topics.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        return t is null
            ? ApiConventions.NotFound("Không có chuyên mục với đường dẫn này.")
            : ApiConventions.Ok(new ApiTopic(t.Id, t.Slug, t.Name, t.Description, urls.Absolute(SiteUrls.Topic(t.Slug))), null);
    }

    /// <summary>Every tag has a public page (/the/{slug}), as every topic has.</summary>
    private static IQueryable<Tag> LiveTags(AppDbContext db) => db.Tags.AsNoTracking();

    private static async Task<IResult> TagsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("tags", out var size, out var afterId, out var problem))
        {
            return problem!;
        }

        var rows = await LiveTags(db).Where(t => afterId == null || t.Id > afterId)
            .OrderBy(t => t.Id).Take(size + 1).ToListAsync(ct);
        return ApiConventions.Ok(Page(http, urls, rows, size, t => ApiConventions.Cursor("tags", t.Id),
            t => new ApiTag(t.Id, t.Slug, t.Name, urls.Absolute(SiteUrls.Tag(t.Slug)))), null);
    }

    private static async Task<IResult> TagAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, CancellationToken ct)
    {
        var t = await LiveTags(db).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        return t is null
            ? ApiConventions.NotFound("Không có thẻ với đường dẫn này.")
            : ApiConventions.Ok(new ApiTag(t.Id, t.Slug, t.Name, urls.Absolute(SiteUrls.Tag(t.Slug))), null);
    }
}
