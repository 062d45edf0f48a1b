using System.Net;
using System.Reflection;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages;

/// <summary>
/// Every list that pages, found from the app's own endpoint table (a page model with a <see cref="Pager"/>), asked for
/// a page far past its end, as an old link or a typed address does: a public list answers 404, a staff list still
/// answers with its pager; none fails with 500.
/// </summary>
public sealed class PagingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<List<string>> PagedListsAsync()
    {
        var (topic, tag) = await site.WithDbAsync(async (db, _) =>
            (await db.Topics.Select(t => t.Slug).FirstAsync(), await db.Tags.Select(t => t.Slug).FirstOrDefaultAsync()));
        var urls = new List<string>();
        foreach (var endpoint in site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var page = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            var model = page?.ModelTypeInfo?.AsType();
            if (model?.GetProperty("Pager", BindingFlags.Public | BindingFlags.Instance)?.PropertyType != typeof(Pager))
            {
                continue;
            }

            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.Contains("{slug}", StringComparison.Ordinal))
            {
                var slug = pattern.StartsWith("/the/", StringComparison.Ordinal) ? tag : topic;
                if (slug is null)
                {
                    continue;
                }

                pattern = pattern.Replace("{slug}", slug, StringComparison.Ordinal);
            }

            urls.Add(pattern.Replace("{type}", "tin-bai", StringComparison.Ordinal));
        }

        Assert.All(urls, u => Assert.DoesNotContain("{", u, StringComparison.Ordinal));
        return urls.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Every_paged_list_far_past_its_end_answers_404_in_public_and_its_pager_in_the_editor_area()
    {
        var urls = await PagedListsAsync();
        Assert.Contains("/tim-kiem", urls);
        Assert.Contains("/quan-tri/nhat-ky", urls);
        Assert.True(urls.Count >= 15, "paged lists found: " + string.Join(", ", urls));

        var admin = await site.SignInAsync(Roles.Admin);
        var visitor = site.Browser();
        foreach (var url in urls)
        {
            var staff = url.StartsWith("/quan-tri", StringComparison.Ordinal);
            var address = url + (url == "/tim-kiem" ? "?q=dao+tao&trang=999" : "?trang=999");
            using var response = await (staff ? admin : visitor).GetAsync(new Uri(address, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            if (staff)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode}");
                Assert.True(html.Contains("Trang 999 /", StringComparison.Ordinal), address + ": no pager leading back");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address}: {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(3, 7, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(7, 7, new[] { 5, 6, 7 })]
    [InlineData(9, 7, new[] { 5, 6, 7 })]
    [InlineData(999, 7, new[] { 5, 6, 7 })]
    public void The_page_numbers_around_a_page_past_the_end_are_the_last_ones(int current, int pages, int[] expected)
    {
        var pager = new Pager(current, 10, pages * 10, Pager.Simple("/x"));
        Assert.Equal(expected, pager.Window());
    }
}
