using System.Globalization;
using System.Text;
using System.Xml;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Endpoints;

/// <summary>RSS 2.0 feed of the published questions and answers.</summary>
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
        var sb = new StringBuilder();
        await using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Async = true, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", "Hỏi đáp – " + site.Value.Name);
            xml.WriteElementString("link", urls.Absolute("/hoi-dap"));
            xml.WriteElementString("description", "Câu hỏi về chính sách khuyến công và câu trả lời của Sở Công Thương");
            xml.WriteElementString("language", "vi");
            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", urls.Absolute("/hoi-dap/rss.xml"));
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            if (items.Count > 0)
            {
                xml.WriteElementString("lastBuildDate", items.Max(i => i.UpdatedAt).ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var item in items)
            {
                var link = urls.Absolute(SiteUrls.Qa(item.Slug));
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("description", item.Summary.Length > 0 ? item.Summary : item.QuestionText);
                xml.WriteElementString("pubDate", DateTime.SpecifyKind(item.PublishAt, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture));
                xml.WriteElementString("category", QuestionCatalog.TopicName(item.Topic));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        ctx.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + sb, "application/rss+xml; charset=utf-8", Encoding.UTF8);
    }
}
