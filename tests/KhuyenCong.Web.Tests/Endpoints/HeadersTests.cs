using System.Net;
using System.Net.Http.Headers;

namespace KhuyenCong.Web.Tests.Endpoints;

public sealed class HeadersTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/tin-tuc")]
    [InlineData("/van-ban")]
    [InlineData("/tim-kiem?q=dao+tao")]
    [InlineData("/rss.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/css/site.css")]
    [InlineData("/healthz")]
    [InlineData("/khong-co")]
    [InlineData("/tin-tuc?trang=x")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await site.Browser().GetAsync(new Uri(url, UriKind.Relative));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Health_check_answers_200_when_the_database_is_reachable()
    {
        using var response = await site.Browser().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_are_compressed_when_the_browser_accepts_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tin-tuc");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await site.Browser().SendAsync(request);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Fingerprinted_assets_are_cached_for_a_year()
    {
        var doc = await site.Browser().GetHtmlAsync("/");
        var css = doc.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", css, StringComparison.Ordinal);
        using var response = await site.Browser().GetAsync(new Uri(css, UriKind.Relative));
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Unknown_verb_on_a_page_is_a_4xx_never_a_500()
    {
        using var response = await site.Browser().PostAsync(new Uri("/tin-tuc", UriKind.Relative), new StringContent("x"));
        Assert.InRange((int)response.StatusCode, 400, 499);
    }
}
