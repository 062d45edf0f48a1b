using System.Xml.Linq;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Endpoints;

public sealed class ShowcaseSitemapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Tv_segments_showrooms_and_fairs_have_their_own_sitemaps()
    {
        var tv = await site.TvSegmentAsync(episode: 9);
        var room = await site.ShowroomAsync(null);
        var fair = await site.FairAsync(ShowcaseData.Day(2025, 1, 1), ShowcaseData.Day(2025, 1, 3));
        await EvictCachedPagesAsync();
        var client = site.Browser();
        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var maps = index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        foreach (var (type, path) in new[] { ("tv", "/truyen-hinh/" + tv.Slug), ("showrooms", "/phong-trung-bay/" + room.Slug), ("fairs", "/hoi-cho/" + fair.Slug) })
        {
            Assert.Contains($"https://khuyencong.test/sitemap-{type}-1.xml", maps);
            var map = XDocument.Parse(await client.GetStringAsync(new Uri($"/sitemap-{type}-1.xml", UriKind.Relative)));
            Assert.Contains("https://khuyencong.test" + path, map.Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value));
        }
    }

    [Fact]
    public async Task Producers_with_something_published_have_a_sitemap_and_the_others_are_left_out()
    {
        var maker = await site.EstablishmentAsync("Cơ sở Sơ đồ trang Có sản phẩm");
        await site.ProductAsync(maker, "Bánh phồng Sơ đồ trang");
        var operatorOnly = await site.EstablishmentAsync("Cơ sở Sơ đồ trang Chỉ có phòng trưng bày");
        await site.ShowroomAsync(operatorOnly);
        var nothing = await site.EstablishmentAsync("Cơ sở Sơ đồ trang Chưa có gì");
        await EvictCachedPagesAsync();
        var client = site.Browser();
        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        Assert.Contains("https://khuyencong.test/sitemap-producers-1.xml",
            index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value));
        var map = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap-producers-1.xml", UriKind.Relative)));
        var locs = map.Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value).ToList();
        Assert.Contains("https://khuyencong.test/co-so/" + maker.Slug, locs);
        Assert.Contains("https://khuyencong.test/co-so/" + operatorOnly.Slug, locs);
        Assert.DoesNotContain("https://khuyencong.test/co-so/" + nothing.Slug, locs);
        foreach (var loc in locs)
        {
            var response = await client.GetAsync(new Uri(new Uri(loc).PathAndQuery, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The helpers write straight to the database; an editor's save evicts the cached sitemaps like this.</summary>
    private async Task EvictCachedPagesAsync() => await site.WithDbAsync(async (_, sp) =>
    {
        await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
        return 0;
    });
}
