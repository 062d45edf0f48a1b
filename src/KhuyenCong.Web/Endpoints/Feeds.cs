using System.Text;
using System.Xml;
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

    private sealed record FeedItem(string Title, string Slug, string Summary, DateTime PublishAt, DateTime UpdatedAt, string? Author, string? TopicName);

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
            .Select(a => new FeedItem(a.Title, a.Slug, a.Summary, a.PublishAt!.Value, a.UpdatedAt, a.Author, a.Topic != null ? a.Topic.Name : null))
            .ToListAsync(ct);

        var sb = new StringBuilder();
        await using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Async = true, Indent = false, OmitXmlDeclaration = true }))
        {
            if (atom)
            {
                WriteAtom(xml, urls, title, selfPath, htmlPath, items, now);
            }
            else
            {
                WriteRss(xml, urls, site, title, selfPath, htmlPath, items);
            }
        }

        ctx.Response.Headers.CacheControl = "public, max-age=300";
        var contentType = atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + sb, contentType, Encoding.UTF8);
    }

    private static void WriteRss(XmlWriter xml, SiteUrls urls, SiteOptions site, string title, string selfPath, string htmlPath, List<FeedItem> items)
    {
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", title);
        xml.WriteElementString("link", urls.Absolute(htmlPath));
        xml.WriteElementString("description", $"Tin tức của {site.Name}");
        xml.WriteElementString("language", "vi");
        xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("href", urls.Absolute(selfPath));
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();
        if (items.Count > 0)
        {
            xml.WriteElementString("lastBuildDate", items.Max(i => i.UpdatedAt).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var item in items)
        {
            var link = urls.Absolute(SiteUrls.Article(item.Slug));
            xml.WriteStartElement("item");
            xml.WriteElementString("title", item.Title);
            xml.WriteElementString("link", link);
            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "true");
            xml.WriteString(link);
            xml.WriteEndElement();
            xml.WriteElementString("description", item.Summary);
            xml.WriteElementString("pubDate", DateTime.SpecifyKind(item.PublishAt, DateTimeKind.Utc).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            if (item.TopicName is not null)
            {
                xml.WriteElementString("category", item.TopicName);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteAtom(XmlWriter xml, SiteUrls urls, string title, string selfPath, string htmlPath, List<FeedItem> items, DateTime now)
    {
        const string Ns = "http://www.w3.org/2005/Atom";
        xml.WriteStartElement("feed", Ns);
        xml.WriteAttributeString("xml", "lang", null, "vi");
        xml.WriteElementString("title", Ns, title);
        xml.WriteElementString("id", Ns, urls.Absolute(selfPath));
        xml.WriteElementString("updated", Ns, Rfc3339(items.Count > 0 ? items.Max(i => i.UpdatedAt) : now));
        WriteLink(xml, Ns, urls.Absolute(selfPath), "self", "application/atom+xml");
        WriteLink(xml, Ns, urls.Absolute(htmlPath), "alternate", "text/html");
        foreach (var item in items)
        {
            var link = urls.Absolute(SiteUrls.Article(item.Slug));
            xml.WriteStartElement("entry", Ns);
            xml.WriteElementString("title", Ns, item.Title);
            xml.WriteElementString("id", Ns, link);
            WriteLink(xml, Ns, link, "alternate", "text/html");
            xml.WriteElementString("published", Ns, Rfc3339(item.PublishAt));
            xml.WriteElementString("updated", Ns, Rfc3339(item.UpdatedAt));
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, item.Author ?? "Ban biên tập");
            xml.WriteEndElement();
            xml.WriteElementString("summary", Ns, item.Summary);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string ns, string href, string rel, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
