using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.Web.Tests.Api;

/// <summary>The app with a small API rate limit.</summary>
public sealed class LimitedApiSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Api:RequestsPerMinute"] = "5" }));
    }
}

public sealed class RateLimitTests(LimitedApiSite site) : IClassFixture<LimitedApiSite>
{
    [Fact]
    public async Task Past_the_per_ip_limit_the_api_answers_429_with_retry_after_as_a_problem_and_pages_are_not_limited()
    {
        var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync("/api/v1/topics");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotNull(refused);
        Assert.True(int.Parse(refused!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Quá nhiều yêu cầu.", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["title"]!.ToString());
        Assert.Equal("*", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());

        // The HTML pages are not under the API's limit.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
