namespace KhuyenCong.Web.Tests.Api;

public sealed class ApiSmoke(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Smoke()
    {
        var client = site.CreateClient();
        foreach (var url in new[] { "/api/v1/articles", "/api/v1/documents", "/api/v1/products", "/api/v1/establishments", "/api/v1/showrooms", "/api/v1/tv-segments", "/api/v1/fairs", "/api/v1/places", "/api/v1/topics", "/api/v1/tags", "/api/v1/search?q=dua", "/api/v1/program", "/api/v1/downloads", "/openapi/v1.json", "/api/v1/downloads/san-pham.csv", "/api/v1/nothing", "/api/v1/articles?limit=abc" })
        {
            var r = await client.GetAsync(url);
            var body = await r.Content.ReadAsStringAsync();
            Console.WriteLine($"== {url} {(int)r.StatusCode} {r.Content.Headers.ContentType} {body.Length}\n{body[..Math.Min(body.Length, 600)]}");
        }
    }
}
