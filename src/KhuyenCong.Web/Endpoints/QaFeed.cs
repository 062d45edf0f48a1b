using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Endpoints;

/// <summary>RSS 2.0 feed of the published questions and answers, written by <see cref="FeedWriter"/> as the news feeds are.</summary>
public static class QaFeed
{
    private const int ItemCount = 20;

    public static void MapQaFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/hoi-dap/rss.xml", FeedAsync).CacheOutput(PublicCache.Policy);

    private static async Task<IResult> FeedAsync(HttpContext ctx, AppDbContext db, SiteUrls urls, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.QaItems.AsNoTracking().Published(now).OrderByDescending(q => q.PublishAt).ThenByDescending(q => q.Id).Take(ItemCount)
            .Select(q => new { q.Title, q.Slug, q.Summary, q.QuestionText, q.Topic, PublishAt = q.PublishAt!.Value, q.UpdatedAt }).ToListAsync(ct);
        var entries = items.Select(q => new FeedEntry(q.Title, urls.Absolute(SiteUrls.Qa(q.Slug)), q.Summary.Length > 0 ? q.Summary : q.QuestionText,
            q.PublishAt, q.UpdatedAt, null, QuestionCatalog.TopicName(q.Topic))).ToList();
        var channel = new FeedChannel("Hỏi đáp – " + site.Value.Name, "Câu hỏi về chính sách khuyến công và câu trả lời của Sở Công Thương",
            urls.Absolute("/hoi-dap"), urls.Absolute("/hoi-dap/rss.xml"));
        return FeedWriter.Rss(ctx, channel, entries);
    }
}
