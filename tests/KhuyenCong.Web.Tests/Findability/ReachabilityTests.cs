using System.Net;
using AngleSharp.Html.Dom;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Findability;

/// <summary>Issue 15 item 5: the showcase on the home page and in the menu, the producer index, every list reachable.</summary>
public sealed class ReachabilityTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("products-heading", "/san-pham/", "/san-pham")]
    [InlineData("showrooms-heading", "/phong-trung-bay/", "/phong-trung-bay")]
    [InlineData("tv-heading", "/truyen-hinh/", "/truyen-hinh")]
    public async Task Home_shows_a_block_with_items_and_a_link_to_the_list(string heading, string itemPrefix, string list)
    {
        var doc = await site.Browser().GetHtmlAsync("/");
        var section = doc.GetElementById(heading)?.Closest("section");
        Assert.NotNull(section);
        var links = section.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.InRange(links.Count(h => h.StartsWith(itemPrefix, StringComparison.Ordinal)), 1, 6);
        Assert.Contains(list, links);
        foreach (var href in links.Where(h => h.StartsWith(itemPrefix, StringComparison.Ordinal)))
        {
            using var response = await site.Browser().GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Every_list_page_is_linked_from_the_home_page_or_menu_or_its_parent_list()
    {
        var client = site.Browser();
        var home = await client.GetHtmlAsync("/");
        var fromHome = Links(home);
        var menu = Links(home, "nav.main-nav");
        var topicSlugs = await site.WithDbAsync((db, _) => db.Topics.Select(t => t.Slug).ToListAsync());
        Assert.NotEmpty(topicSlugs);

        // The lists a visitor should reach in one step from the home page or the menu.
        string[] lists = ["/tin-tuc", "/van-ban", "/san-pham", "/co-so", "/phong-trung-bay", "/hoi-cho", "/truyen-hinh", "/chuong-trinh"];
        foreach (var list in lists)
        {
            Assert.True(menu.Contains(list), $"{list} is not in the main menu");
            using var response = await client.GetAsync(list);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Topic archives: from their parent list, the news list (and from the home page).
        var news = Links(await client.GetHtmlAsync("/tin-tuc"), "main");
        foreach (var slug in topicSlugs)
        {
            Assert.Contains("/chuyen-muc/" + slug, news);
            Assert.Contains("/chuyen-muc/" + slug, fromHome);
        }

        // Each list marks its menu entry as current.
        foreach (var href in lists)
        {
            var page = await client.GetHtmlAsync(href);
            Assert.Equal(href, page.QuerySelector("nav.main-nav a[aria-current=page]")?.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Detail_pages_lead_back_to_their_list_by_the_breadcrumb()
    {
        var client = site.Browser();
        var (producer, showroom) = await site.WithDbAsync(async (db, _) =>
        {
            var now = DateTime.UtcNow;
            var e = await db.Products.Published(now).Where(p => p.Establishment != null).Select(p => p.Establishment!.Slug).FirstAsync();
            var s = await db.Showrooms.Published(now).Select(x => x.Slug).FirstAsync();
            return (e, s);
        });
        var producerPage = await client.GetHtmlAsync("/co-so/" + producer);
        Assert.NotNull(producerPage.QuerySelector("nav.breadcrumb a[href='/co-so']"));
        var showroomPage = await client.GetHtmlAsync("/phong-trung-bay/" + showroom);
        Assert.NotNull(showroomPage.QuerySelector("nav.breadcrumb a[href='/phong-trung-bay']"));
    }

    [Fact]
    public async Task Producer_index_lists_producers_with_their_published_products()
    {
        var client = site.Browser();
        var expected = await site.WithDbAsync(async (db, _) =>
        {
            var now = DateTime.UtcNow;
            var withProducts = await db.Products.Published(now).Where(p => p.EstablishmentId != null).Select(p => p.EstablishmentId!.Value).ToListAsync();
            var withShowrooms = await db.Showrooms.Published(now).Where(p => p.EstablishmentId != null).Select(p => p.EstablishmentId!.Value).ToListAsync();
            return withProducts.Concat(withShowrooms).Distinct().Count();
        });
        Assert.True(expected > 0);

        var doc = await client.GetHtmlAsync("/co-so");
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.NotNull(doc.QuerySelector("nav.breadcrumb [aria-current=page]"));
        Assert.NotNull(doc.QuerySelector("form[method=get][action='/co-so'] select[name=noi]"));
        Assert.NotNull(doc.QuerySelector("form[method=get][action='/co-so'] select[name=loai-co-so]"));
        Assert.Contains($"Tìm thấy {expected} cơ sở", doc.MainText(), StringComparison.Ordinal);
        var cards = doc.QuerySelectorAll(".establishment-card");
        Assert.Equal(Math.Min(expected, Web.Pages.Establishments.IndexModel.PageSize), cards.Length);
        Assert.Contains(cards, c => c.QuerySelector("a[href^='/san-pham/']") is not null);
        foreach (var card in cards.Take(5))
        {
            var href = card.QuerySelector("h2 a")!.GetAttribute("href")!;
            Assert.StartsWith("/co-so/", href, StringComparison.Ordinal);
            using var response = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        if (expected > Web.Pages.Establishments.IndexModel.PageSize)
        {
            var second = await client.GetHtmlAsync("/co-so?trang=2");
            Assert.Equal(expected - Web.Pages.Establishments.IndexModel.PageSize, second.QuerySelectorAll(".establishment-card").Length);
        }
    }

    [Fact]
    public async Task Producer_index_filters_by_kind_and_by_former_district_or_province()
    {
        var client = site.Browser();
        var facts = await site.WithDbAsync(async (db, _) =>
        {
            var now = DateTime.UtcNow;
            var ids = await db.Products.Published(now).Where(p => p.EstablishmentId != null).Select(p => p.EstablishmentId!.Value)
                .Concat(db.Showrooms.Published(now).Where(p => p.EstablishmentId != null).Select(p => p.EstablishmentId!.Value)).ToListAsync();
            return await db.Establishments.Where(e => ids.Contains(e.Id))
                .Select(e => new { e.Name, e.Kind, Place = e.Place != null ? e.Place.Code : null }).ToListAsync();
        });

        var households = facts.Where(f => f.Kind == EstablishmentKind.HouseholdBusiness).ToList();
        var doc = await client.GetHtmlAsync("/co-so?loai-co-so=ho-kinh-doanh");
        var names = doc.QuerySelectorAll(".establishment-card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(households.Count, Count(doc));
        Assert.All(names, n => Assert.Contains(households, h => h.Name == n));
        Assert.Equal("ho-kinh-doanh", doc.QuerySelector("select[name=loai-co-so] option[selected]")?.GetAttribute("value"));

        var district = facts.Where(f => f.Place is not null).GroupBy(f => f.Place!).OrderByDescending(g => g.Count()).First();
        var inDistrict = await client.GetHtmlAsync("/co-so?noi=" + district.Key);
        var districtNames = inDistrict.QuerySelectorAll(".establishment-card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(district.Select(d => d.Name).Order(StringComparer.Ordinal), districtNames.Order(StringComparer.Ordinal));

        // The province of today covers the former districts merged into it.
        var province = await client.GetHtmlAsync("/co-so?noi=vinh-long");
        Assert.Equal(facts.Count(f => f.Place is not null), Count(province));

        using var badKind = await client.GetAsync("/co-so?loai-co-so=khong-co");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        using var badPlace = await client.GetAsync("/co-so?noi=khong-co");
        Assert.Equal(HttpStatusCode.BadRequest, badPlace.StatusCode);
        using var badPage = await client.GetAsync("/co-so?trang=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        using var beyond = await client.GetAsync("/co-so?trang=999");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    private static int Count(IHtmlDocument doc) =>
        int.Parse(doc.QuerySelector(".result-count")!.TextContent.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);

    private static HashSet<string> Links(IHtmlDocument doc, string scope = "body") =>
        doc.QuerySelectorAll(scope + " a[href^='/']").Select(a => a.GetAttribute("href")!.Split('?')[0]).ToHashSet(StringComparer.Ordinal);
}
