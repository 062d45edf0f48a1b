using System.Xml.Linq;

namespace KhuyenCong.Web.Tests.Pages.Showcase;

public sealed class ShowcaseSitemapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Tv_segments_showrooms_and_fairs_have_their_own_sitemaps()
    {
        var tv = await site.TvSegmentAsync(episode: 9);
        var room = await site.ShowroomAsync(null);
        var fair = await site.FairAsync(ShowcaseData.Day(2025, 1, 1), ShowcaseData.Day(2025, 1, 3));
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
}
