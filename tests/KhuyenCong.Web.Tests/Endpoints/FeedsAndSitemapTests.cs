using System.Net;
using System.Xml.Linq;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Tests.Endpoints;

public sealed class FeedsAndSitemapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<XDocument> XmlAsync(string url, string mediaType)
    {
        using var response = await site.Browser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private Task<List<string>> PublishedArticleSlugsAsync(string? topicSlug = null) => site.WithDbAsync((db, _) => Task.FromResult(
        db.Articles.Published(DateTime.UtcNow).Where(a => topicSlug == null || a.Topic!.Slug == topicSlug)
            .Newest().Select(a => a.Slug).ToList()));

    [Fact]
    public async Task Rss_lists_the_20_newest_published_articles_newest_first()
    {
        var rss = await XmlAsync("/rss.xml", "application/rss+xml");
        var links = rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("link")!.Value).ToList();
        var expected = (await PublishedArticleSlugsAsync()).Take(20).Select(s => "https://khuyencong.test/tin-tuc/" + s).ToList();
        Assert.Equal(expected, links);
        Assert.Equal("2.0", rss.Root.Attribute("version")?.Value);
    }

    [Fact]
    public async Task Atom_feed_parses_and_matches_the_rss_items()
    {
        var atom = await XmlAsync("/atom.xml", "application/atom+xml");
        Assert.Equal(Atom + "feed", atom.Root!.Name);
        var ids = atom.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        var expected = (await PublishedArticleSlugsAsync()).Take(20).Select(s => "https://khuyencong.test/tin-tuc/" + s).ToList();
        Assert.Equal(expected, ids);
        Assert.All(atom.Root.Elements(Atom + "entry"), e => Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _)));
    }

    [Fact]
    public async Task Topic_feeds_hold_only_that_topics_articles()
    {
        var rss = await XmlAsync("/chuyen-muc/dao-tao/rss.xml", "application/rss+xml");
        var links = rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("link")!.Value).ToList();
        var expected = (await PublishedArticleSlugsAsync("dao-tao")).Take(20).Select(s => "https://khuyencong.test/tin-tuc/" + s).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, links);
        var atom = await XmlAsync("/chuyen-muc/dao-tao/atom.xml", "application/atom+xml");
        Assert.Equal(expected.Count, atom.Root!.Elements(Atom + "entry").Count());

        using var unknown = await site.Browser().GetAsync(new Uri("/chuyen-muc/khong-co/rss.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Qa_feed_items_carry_the_same_elements_as_the_news_feed_items()
    {
        var title = "Hỏi về thủ tục hỗ trợ khuyến công " + Guid.NewGuid().ToString("N")[..6];
        await site.SaveAsync(new QaItem
        {
            Title = title, Slug = "hoi-ve-thu-tuc-" + Guid.NewGuid().ToString("N")[..8], QuestionText = "Hồ sơ gồm những gì?",
            BodyMarkdown = "Trả lời.", Topic = 1, Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddMinutes(-5),
        });
        var news = (await XmlAsync("/rss.xml", "application/rss+xml")).Root!.Element("channel")!.Elements("item").ToList();
        var qa = (await XmlAsync("/hoi-dap/rss.xml", "application/rss+xml")).Root!.Element("channel")!.Elements("item").ToList();
        Assert.NotEmpty(news);
        Assert.Contains(qa, i => i.Element("title")?.Value == title);
        string[] shape = ["title", "link", "guid", "description", "pubDate", "category"];
        Assert.All(news.Concat(qa), item =>
        {
            Assert.Equal(shape.Where(n => n != "category" || item.Element("category") is not null), item.Elements().Select(e => e.Name.LocalName));
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            Assert.Equal("true", item.Element("guid")!.Attribute("isPermaLink")?.Value);
            Assert.StartsWith("https://khuyencong.test/", item.Element("link")!.Value, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParseExact(item.Element("pubDate")!.Value, "R", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _));
        });
    }

    [Fact]
    public async Task Sitemap_index_points_to_one_sitemap_per_type_and_they_list_every_published_item_and_nothing_else()
    {
        var draft = await site.NewArticleAsync("Bản nháp không vào sơ đồ trang", status: ContentStatus.Draft);
        var index = await XmlAsync("/sitemap.xml", "application/xml");
        var sitemaps = index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        // Types without published items (TV, showrooms, fairs when content/ has none) get no sitemap.
        Assert.Superset(
            new HashSet<string> { "https://khuyencong.test/sitemap-articles-1.xml", "https://khuyencong.test/sitemap-documents-1.xml",
                "https://khuyencong.test/sitemap-pages-1.xml", "https://khuyencong.test/sitemap-topics-1.xml" },
            sitemaps.ToHashSet());
        Assert.Equal(sitemaps.Count, sitemaps.Distinct().Count());
        Assert.All(index.Root.Elements(Sm + "sitemap"), s => Assert.NotNull(s.Element(Sm + "lastmod")));

        var articles = await XmlAsync("/sitemap-articles-1.xml", "application/xml");
        var locs = articles.Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value).Order(StringComparer.Ordinal).ToList();
        var expected = (await PublishedArticleSlugsAsync()).Select(s => "https://khuyencong.test/tin-tuc/" + s).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, locs);
        Assert.DoesNotContain(locs, l => l.EndsWith(draft.Slug, StringComparison.Ordinal));

        var pages = await XmlAsync("/sitemap-pages-1.xml", "application/xml");
        Assert.Contains("https://khuyencong.test/chuong-trinh/muc-tieu", pages.Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value));
        using var unknown = await site.Browser().GetAsync(new Uri("/sitemap-nothing-1.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Robots_allows_crawling_and_names_the_sitemap()
    {
        var robots = await site.Browser().GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains("User-agent: *", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://khuyencong.test/sitemap.xml", robots, StringComparison.Ordinal);
    }
}
