using System.Net;

namespace KhuyenCong.Web.Tests.Pages;

public sealed class MethodNotAllowedTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    // Pages that only answer GET; a browser form (with a valid antiforgery token) posted to them must not render
    // them without their data.
    [Theory]
    [InlineData("/lien-he")]
    [InlineData("/tin-tuc")]
    [InlineData("/san-pham")]
    [InlineData("/chuong-trinh")]
    public async Task A_post_to_a_get_only_page_is_a_vietnamese_405(string url)
    {
        using var response = await site.Browser().PostFormAsync(url, new() { ["x"] = "1" }, formPage: "/dang-nhap");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"vi\"", body, StringComparison.Ordinal);
    }
}
