namespace KhuyenCong.Web.Tests.Pages;

public sealed class HomeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Home_shows_latest_and_featured_news_and_the_programme_call_to_action()
    {
        var doc = await site.Browser().GetHtmlAsync("/");
        Assert.NotEmpty(doc.QuerySelectorAll("#featured-heading ~ ul .card"));
        Assert.Equal(6, doc.QuerySelectorAll("#latest-heading ~ ul .card").Length);
        Assert.NotNull(doc.QuerySelector(".hero a[href='/chuong-trinh']"));
        Assert.NotEmpty(doc.QuerySelectorAll("#docs-heading ~ ul a[href^='/van-ban/']"));
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
