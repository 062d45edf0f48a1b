using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Content;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Services.Content;

/// <summary>
/// Every type of the content-type registry gets the whole editor area and the public wiring from its one line: a
/// count on the dashboard, a "new item" route, a history page, and its published items in the sitemaps.
/// </summary>
public sealed class ContentTypesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public void Every_routed_content_type_has_one_registry_line_with_its_own_addresses()
    {
        var routed = typeof(RoutedContent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RoutedContent)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(routed, ContentTypes.All.Select(t => t.ClrType).ToHashSet());
        Assert.Equal(ContentTypes.All.Count, ContentTypes.All.Select(t => t.AdminSegment).Distinct().Count());
        Assert.Equal(ContentTypes.All.Count, ContentTypes.All.Select(t => t.SearchKind).Distinct().Count());
        Assert.Equal(ContentTypes.All.Count, ContentTypes.All.Select(t => t.Sitemap).Distinct().Count());
    }

    [Fact]
    public async Task The_dashboard_counts_every_registered_type_and_each_has_its_new_item_and_history_pages()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var dashboard = await editor.GetHtmlAsync("/quan-tri");
        var links = dashboard.QuerySelectorAll(".stat-grid a").Select(a => (Text: a.TextContent, Href: a.GetAttribute("href"))).ToList();
        foreach (var type in ContentTypes.All)
        {
            Assert.Contains((type.Label, type.AdminPath), links);
            var form = await editor.GetHtmlAsync(type.NewItemPath);
            Assert.Contains(type.Noun, form.QuerySelector("h1")?.TextContent ?? "", StringComparison.Ordinal);
        }

        var items = await site.WithDbAsync(async (db, _) =>
        {
            var found = new List<(ContentType Type, int Id)>();
            foreach (var type in ContentTypes.All)
            {
                var id = await type.QueryAsync(db, new AnyId(), CancellationToken.None);
                if (id is { } x)
                {
                    found.Add((type, x));
                }
            }

            return found;
        });
        Assert.NotEmpty(items);
        foreach (var (type, id) in items)
        {
            await editor.GetHtmlAsync(type.HistoryPath(id));
        }

        using var unknown = await editor.GetAsync(new Uri($"/quan-tri/lich-su/khong-co/{items[0].Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_sitemaps_list_the_published_items_of_every_registered_type_at_their_public_addresses()
    {
        var visitor = site.Browser();
        var published = await site.WithDbAsync(async (db, _) =>
        {
            var found = new List<(ContentType Type, string Path)>();
            foreach (var type in ContentTypes.All)
            {
                if (await type.FindAsync(db, await type.QueryAsync(db, new AnyId(published: true), CancellationToken.None) ?? 0, CancellationToken.None) is { } item)
                {
                    found.Add((type, type.PublicPath(item)));
                }
            }

            return found;
        });
        Assert.NotEmpty(published);
        foreach (var (type, path) in published)
        {
            using var response = await visitor.GetAsync(new Uri($"/sitemap-{type.Sitemap}-1.xml", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("https://khuyencong.test" + path + "</loc>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>The id of one item of the type (a published one when asked), or null.</summary>
    private sealed class AnyId(bool published = false) : IContentQuery<int?>
    {
        public Task<int?> RunAsync<T>(ContentType<T> type, IQueryable<T> items, CancellationToken ct) where T : RoutedContent =>
            (published ? items.Published(DateTime.UtcNow) : items).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
    }
}
