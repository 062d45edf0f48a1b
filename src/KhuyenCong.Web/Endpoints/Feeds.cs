using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Endpoints;

/// <summary>RSS 2.0 and Atom 1.0 feeds of the news, for the whole site and per topic.</summary>
public static class Feeds
{
    private const int ItemCount = 20;

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rss.xml", (HttpContext ctx, AppDbContext db, SiteUrls urls, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(ctx, db, urls, site.Value, clock, null, atom: false, ct)).CacheOutput(PublicCache.Policy);
        app.MapGet("/atom.xml", (HttpContext ctx, AppDbContext db, SiteUrls urls, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(ctx, db, urls, site.Value, clock, null, atom: true, ct)).CacheOutput(PublicCache.Policy);
        app.MapGet("/chuyen-muc/{slug}/rss.xml", (string slug, HttpContext ctx, AppDbContext db, SiteUrls urls, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(ctx, db, urls, site.Value, clock, slug, atom: false, ct)).CacheOutput(PublicCache.Policy);
        app.MapGet("/chuyen-muc/{slug}/atom.xml", (string slug, HttpContext ctx, AppDbContext db, SiteUrls urls, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(ctx, db, urls, site.Value, clock, slug, atom: true, ct)).CacheOutput(PublicCache.Policy);
        app.MapQaFeed();
    }

    private static async Task<IResult> FeedAsync(
        HttpContext ctx, AppDbContext db, SiteUrls urls, SiteOptions site, TimeProvider clock, string? topicSlug, bool atom, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking().Published(now);
        var title = site.Name;
        var selfPath = atom ? "/atom.xml" : "/rss.xml";
        var htmlPath = "/tin-tuc";
        if (topicSlug is not null)
        {
            var topic = await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == topicSlug, ct);
            if (topic is null)
            {
                return Results.NotFound();
            }

            query = query.InTopic(topic.Id);
            title = $"{topic.Name} – {site.Name}";
            htmlPath = SiteUrls.Topic(topic.Slug);
            selfPath = htmlPath + (atom ? "/atom.xml" : "/rss.xml");
        }

        var items = await query.Newest().Take(ItemCount)
            .Select(a => new { a.Title, a.Slug, a.Summary, PublishAt = a.PublishAt!.Value, a.UpdatedAt, a.Author, TopicName = a.Topic != null ? a.Topic.Name : null })
            .ToListAsync(ct);
        var entries = items.Select(a => new FeedEntry(a.Title, urls.Absolute(SiteUrls.Article(a.Slug)), a.Summary, a.PublishAt, a.UpdatedAt, a.Author, a.TopicName)).ToList();
        var channel = new FeedChannel(title, $"Tin tức của {site.Name}", urls.Absolute(htmlPath), urls.Absolute(selfPath));
        return atom ? FeedWriter.Atom(ctx, channel, entries, now) : FeedWriter.Rss(ctx, channel, entries);
    }
}
