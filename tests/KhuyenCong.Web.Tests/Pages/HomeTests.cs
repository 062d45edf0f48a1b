using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Tests.Pages;

public sealed class HomeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Home_shows_latest_and_featured_news_and_the_programme_call_to_action()
    {
        // Its own items, newer than anything imported: a featured article, seven others and a document.
        var start = DateTime.UtcNow.AddMinutes(-1);
        var featured = await site.NewArticleAsync("Tin nổi bật trang chủ kiểm thử", publishAt: start);
        featured.IsFeatured = true;
        await site.SaveAsync(featured);
        var latest = new List<Article>();
        for (var i = 1; i <= 7; i++)
        {
            latest.Add(await site.NewArticleAsync($"Tin mới trang chủ kiểm thử {i}", publishAt: start.AddSeconds(i)));
        }

        var document = new Document
        {
            Title = "Quyết định kiểm thử trang chủ", Slug = "quyet-dinh-kiem-thu-trang-chu-" + Guid.NewGuid().ToString("N")[..6], Kind = "Quyết định",
            Issuer = "UBND tỉnh", Status = ContentStatus.Published, PublishAt = start, IssuedOn = DateTime.UtcNow.Date.AddDays(1),
        };
        await site.SaveAsync(document);

        var doc = await site.Browser().GetHtmlAsync("/");
        Assert.Contains(featured.Title, doc.QuerySelectorAll("#featured-heading ~ ul .card").Select(c => c.TextContent).FirstOrDefault() ?? "", StringComparison.Ordinal);
        // The six newest that are not featured, newest first; the featured one is not repeated.
        var cards = doc.QuerySelectorAll("#latest-heading ~ ul .card").Select(c => c.TextContent).ToList();
        Assert.Equal(6, cards.Count);
        Assert.All(latest.AsEnumerable().Reverse().Take(6).Zip(cards), pair => Assert.Contains(pair.First.Title, pair.Second, StringComparison.Ordinal));
        Assert.DoesNotContain(cards, c => c.Contains(featured.Title, StringComparison.Ordinal));
        Assert.NotNull(doc.QuerySelector(".hero a[href='/chuong-trinh']"));
        Assert.Equal("/van-ban/" + document.Slug, doc.QuerySelector("#docs-heading ~ ul a[href^='/van-ban/']")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tin-tuc")]
    [InlineData("/van-ban")]
    [InlineData("/tim-kiem?q=khuyen+cong")]
    [InlineData("/chuong-trinh")]
    [InlineData("/lien-he")]
    [InlineData("/chuyen-muc/dao-tao")]
    [InlineData("/khong-co")]
    public async Task Every_page_has_the_common_frame(string url)
    {
        var doc = await site.Browser().GetHtmlAsync(url, url == "/khong-co" ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.OK);
        Assert.Equal("vi", doc.DocumentElement.GetAttribute("lang"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal("#noi-dung", doc.QuerySelector("body > a.skip-link")?.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("main#noi-dung"));
        Assert.NotNull(doc.QuerySelector("header nav[aria-label]"));
        Assert.NotNull(doc.QuerySelector("footer .contact-block a[href='mailto:sct@bentre.gov.vn']"));
        Assert.Contains("0275.3822 365", doc.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        // The same help/contact link in the same place on every page.
        Assert.Equal("/lien-he", doc.QuerySelector(".topbar-links a")?.GetAttribute("href"));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        Assert.Empty(doc.QuerySelectorAll("style"));
        Assert.Empty(doc.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }
}
