using System.Globalization;
using System.Text;
using System.Xml;

namespace KhuyenCong.Web.Endpoints;

/// <summary>One item of a feed, whatever it lists (news, questions and answers).</summary>
/// <param name="Link">The item's absolute URL: its link, RSS guid and Atom id.</param>
/// <param name="Author">Atom only; <c>null</c> = the editorial board.</param>
/// <param name="Category">RSS only; <c>null</c> = none.</param>
public sealed record FeedEntry(string Title, string Link, string Summary, DateTime PublishAt, DateTime UpdatedAt, string? Author, string? Category);

/// <summary>A feed's own description: its title, the HTML page it mirrors and its own URL (absolute URLs).</summary>
public sealed record FeedChannel(string Title, string Description, string HtmlUrl, string SelfUrl);

/// <summary>
/// The one writer of the site's feeds: every RSS 2.0 and Atom 1.0 feed (<see cref="Feeds"/>, <see cref="QaFeed"/>)
/// writes its channel and items here, so every feed's items carry the same elements.
/// </summary>
public static class FeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>The RSS 2.0 document of <paramref name="items"/>, newest first, with the feeds' cache header.</summary>
    public static IResult Rss(HttpContext ctx, FeedChannel channel, IReadOnlyList<FeedEntry> items) =>
        Result(ctx, "application/rss+xml; charset=utf-8", xml => WriteRss(xml, channel, items));

    /// <summary>The Atom 1.0 document of <paramref name="items"/>; <paramref name="now"/> dates an empty feed.</summary>
    public static IResult Atom(HttpContext ctx, FeedChannel channel, IReadOnlyList<FeedEntry> items, DateTime now) =>
        Result(ctx, "application/atom+xml; charset=utf-8", xml => WriteAtom(xml, channel, items, now));

    private static IResult Result(HttpContext ctx, string contentType, Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = true }))
        {
            write(xml);
        }

        ctx.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + sb, contentType, Encoding.UTF8);
    }

    private static void WriteRss(XmlWriter xml, FeedChannel channel, IReadOnlyList<FeedEntry> items)
    {
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNs);
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", channel.Title);
        xml.WriteElementString("link", channel.HtmlUrl);
        xml.WriteElementString("description", channel.Description);
        xml.WriteElementString("language", "vi");
        xml.WriteStartElement("atom", "link", AtomNs);
        xml.WriteAttributeString("href", channel.SelfUrl);
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();
        if (items.Count > 0)
        {
            xml.WriteElementString("lastBuildDate", items.Max(i => i.UpdatedAt).ToString("R", CultureInfo.InvariantCulture));
        }

        foreach (var item in items)
        {
            xml.WriteStartElement("item");
            xml.WriteElementString("title", item.Title);
            xml.WriteElementString("link", item.Link);
            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "true");
            xml.WriteString(item.Link);
            xml.WriteEndElement();
            xml.WriteElementString("description", item.Summary);
            xml.WriteElementString("pubDate", DateTime.SpecifyKind(item.PublishAt, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture));
            if (item.Category is not null)
            {
                xml.WriteElementString("category", item.Category);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteAtom(XmlWriter xml, FeedChannel channel, IReadOnlyList<FeedEntry> items, DateTime now)
    {
        xml.WriteStartElement("feed", AtomNs);
        xml.WriteAttributeString("xml", "lang", null, "vi");
        xml.WriteElementString("title", AtomNs, channel.Title);
        xml.WriteElementString("id", AtomNs, channel.SelfUrl);
        xml.WriteElementString("updated", AtomNs, Rfc3339(items.Count > 0 ? items.Max(i => i.UpdatedAt) : now));
        WriteLink(xml, channel.SelfUrl, "self", "application/atom+xml");
        WriteLink(xml, channel.HtmlUrl, "alternate", "text/html");
        foreach (var item in items)
        {
            xml.WriteStartElement("entry", AtomNs);
            xml.WriteElementString("title", AtomNs, item.Title);
            xml.WriteElementString("id", AtomNs, item.Link);
            WriteLink(xml, item.Link, "alternate", "text/html");
            xml.WriteElementString("published", AtomNs, Rfc3339(item.PublishAt));
            xml.WriteElementString("updated", AtomNs, Rfc3339(item.UpdatedAt));
            xml.WriteStartElement("author", AtomNs);
            xml.WriteElementString("name", AtomNs, item.Author ?? "Ban biên tập");
            xml.WriteEndElement();
            xml.WriteElementString("summary", AtomNs, item.Summary);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", AtomNs);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
