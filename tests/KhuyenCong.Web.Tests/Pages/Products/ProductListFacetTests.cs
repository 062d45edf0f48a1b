using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Products;

/// <summary>
/// The product list against an independent LINQ-to-objects computation: every subset of the five facets, with
/// the values the page offers (all tuples, or a fixed sample of 100 when a subset has more), checking the total,
/// the first page in order and the count beside every facet value.
/// </summary>
public sealed class ProductListFacetTests(ShowcaseSiteFactory site) : IClassFixture<ShowcaseSiteFactory>
{
    private sealed record Fact(int Id, string Slug, DateTime PublishAt, CnntGroup Group, int? PlaceId, EstablishmentKind? Kind, List<(CertificationLevel Level, int Year)> Certs);

    private static readonly string[] FacetNames = ["nhom", "cap", "nam", "noi", "loai-co-so"];

    private static readonly Dictionary<string, CnntGroup> Groups = new()
    {
        ["thu-cong-my-nghe"] = CnntGroup.Handicraft, ["che-bien-thuc-pham"] = CnntGroup.ProcessedFood,
        ["co-khi"] = CnntGroup.Machinery, ["khac"] = CnntGroup.Other,
    };

    private static readonly Dictionary<string, CertificationLevel> Levels = new()
    {
        ["tinh"] = CertificationLevel.Provincial, ["khu-vuc"] = CertificationLevel.Regional, ["quoc-gia"] = CertificationLevel.National,
    };

    private static readonly Dictionary<string, EstablishmentKind> Kinds = new()
    {
        ["doanh-nghiep"] = EstablishmentKind.Enterprise, ["hop-tac-xa"] = EstablishmentKind.Cooperative, ["to-hop-tac"] = EstablishmentKind.CooperativeGroup,
        ["ho-kinh-doanh"] = EstablishmentKind.HouseholdBusiness, ["khac"] = EstablishmentKind.Other,
    };

    private async Task<(List<Fact> Products, List<Place> Places)> TruthAsync() => await site.WithDbAsync(async (db, _) =>
    {
        var now = DateTime.UtcNow;
        var rows = await db.Products.AsNoTracking().Include(p => p.Certifications).Include(p => p.Establishment).ToListAsync();
        var visible = rows.Where(p => p.Status == ContentStatus.Published && p.PublishAt <= now && (p.UnpublishAt == null || p.UnpublishAt > now))
            .Select(p => new Fact(p.Id, p.Slug, p.PublishAt!.Value, p.Group, p.PlaceId, p.Establishment?.Kind, p.Certifications.Select(c => (c.Level, c.RoundYear)).ToList()))
            .ToList();
        return (visible, await db.Places.AsNoTracking().ToListAsync());
    });

    /// <summary>The place, the places inside it and those it succeeded, transitively (written apart from the app's helper).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<int>> CoveredCache = new();

    private static HashSet<int> Covered(List<Place> places, string code) => CoveredCache.GetOrAdd(code, c => CoveredUncached(places, c));

    private static HashSet<int> CoveredUncached(List<Place> places, string code)
    {
        var set = new HashSet<int> { places.Single(p => p.Code == code).Id };
        bool grew;
        do
        {
            grew = false;
            foreach (var p in places.Where(p => !set.Contains(p.Id) && ((p.ParentId is { } parent && set.Contains(parent)) || (p.SuccessorId is { } s && set.Contains(s)))))
            {
                set.Add(p.Id);
                grew = true;
            }
        }
        while (grew);
        return set;
    }

    private static bool Matches(Fact p, Dictionary<string, string> f, List<Place> places, string? except = null)
    {
        string? V(string name) => name != except && f.TryGetValue(name, out var v) ? v : null;
        if (V("nhom") is { } g && p.Group != Groups[g])
        {
            return false;
        }

        if (V("noi") is { } place && (p.PlaceId is null || !Covered(places, place).Contains(p.PlaceId.Value)))
        {
            return false;
        }

        if (V("loai-co-so") is { } k && p.Kind != Kinds[k])
        {
            return false;
        }

        var level = V("cap") is { } l ? Levels[l] : (CertificationLevel?)null;
        var year = V("nam") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : (int?)null;
        return (level is null && year is null) || p.Certs.Any(c => (level is null || c.Level == level) && (year is null || c.Year == year));
    }

    private static string Url(Dictionary<string, string> f) =>
        f.Count == 0 ? "/san-pham" : "/san-pham?" + string.Join('&', f.Select(x => $"{x.Key}={x.Value}"));

    private static Dictionary<string, int> Offered(IHtmlDocument doc, string name) =>
        doc.QuerySelectorAll($"select#{name} option[data-count]")
            .ToDictionary(o => o.GetAttribute("value")!, o => int.Parse(o.GetAttribute("data-count")!, CultureInfo.InvariantCulture));

    [Fact]
    public async Task Every_facet_combination_gives_the_products_and_counts_an_independent_computation_gives()
    {
        var (products, places) = await TruthAsync();
        Assert.True(products.Count >= 19, $"{products.Count} visible products");
        var client = site.Browser();
        var home = await client.GetHtmlAsync("/san-pham");
        var values = FacetNames.ToDictionary(n => n, n => Offered(home, n).Keys.ToList());
        Assert.Equal(4, values["nhom"].Count);
        Assert.Equal(3, values["cap"].Count);
        Assert.Equal(5, values["loai-co-so"].Count);
        Assert.Contains("huyen-giong-trom", values["noi"]);
        Assert.Contains("vinh-long", values["noi"]);
        Assert.Equal(products.SelectMany(p => p.Certs).Select(c => c.Year.ToString(CultureInfo.InvariantCulture)).Distinct().Order(), values["nam"].Order());

        var random = new Random(5);
        var checkedUrls = 0;
        for (var mask = 0; mask < 1 << FacetNames.Length; mask++)
        {
            var names = FacetNames.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            IEnumerable<Dictionary<string, string>> tuples = [new()];
            foreach (var name in names)
            {
                tuples = tuples.SelectMany(t => values[name].Select(v => new Dictionary<string, string>(t) { [name] = v })).ToList();
            }

            var list = tuples.ToList();
            if (list.Count > 100)
            {
                list = list.OrderBy(_ => random.Next()).Take(100).ToList();
            }

            foreach (var filter in list)
            {
                await CheckAsync(client, products, places, filter);
                checkedUrls++;
            }
        }

        Assert.True(checkedUrls > 500, $"{checkedUrls} combinations checked");
    }

    private static async Task CheckAsync(HttpClient client, List<Fact> products, List<Place> places, Dictionary<string, string> filter)
    {
        var url = Url(filter);
        var doc = await client.GetHtmlAsync(url);
        var expected = products.Where(p => Matches(p, filter, places)).OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).ToList();
        Assert.True(expected.Count.ToString(CultureInfo.InvariantCulture) == doc.QuerySelector("[data-total]")!.GetAttribute("data-total"), $"{url}: total");
        var shown = doc.QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")).ToList();
        Assert.True(expected.Take(24).Select(p => p.Slug).SequenceEqual(shown), $"{url}: rows {string.Join(",", shown)}");

        foreach (var name in FacetNames)
        {
            var offered = Offered(doc, name);
            foreach (var (value, count) in offered)
            {
                var with = new Dictionary<string, string>(filter) { [name] = value };
                var want = products.Count(p => Matches(p, with, places));
                Assert.True(want == count, $"{url}: {name}={value} shows {count}, expected {want}");
            }

            if (name == "nam")
            {
                // Rounds are offered when they would give results (and the chosen one always).
                var years = products.Where(p => Matches(p, filter, places, except: "nam")).SelectMany(p => p.Certs)
                    .Where(c => !filter.TryGetValue("cap", out var l) || c.Level == Levels[l]).Select(c => c.Year.ToString(CultureInfo.InvariantCulture)).ToHashSet();
                if (filter.TryGetValue("nam", out var chosen))
                {
                    years.Add(chosen);
                }

                Assert.True(years.SetEquals(offered.Keys), $"{url}: rounds offered {string.Join(",", offered.Keys)}");
            }

            var selected = doc.QuerySelector($"select#{name} option[selected]")?.GetAttribute("value");
            Assert.Equal(filter.GetValueOrDefault(name), string.IsNullOrEmpty(selected) ? null : selected);
        }
    }

    [Theory]
    [InlineData("nhom=xyz")]
    [InlineData("cap=cao")]
    [InlineData("nam=abcd")]
    [InlineData("nam=1999")]
    [InlineData("nam=-2022")]
    [InlineData("noi=huyen-khong-co")]
    [InlineData("loai-co-so=tap-doan")]
    [InlineData("sap-xep=gia")]
    [InlineData("trang=0")]
    [InlineData("trang=abc")]
    public async Task Values_that_do_not_parse_answer_400_with_a_Vietnamese_message(string query)
    {
        var doc = await site.Browser().GetHtmlAsync("/san-pham?" + query, HttpStatusCode.BadRequest);
        Assert.Contains("không hợp lệ", doc.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyword_without_diacritics_finds_the_product_and_combines_with_facets()
    {
        var client = site.Browser();
        var doc = await client.GetHtmlAsync("/san-pham?tu-khoa=keo+dua+la+dua");
        // Of the fixture products only this one matches; the starting content may hold other coconut candies.
        Assert.Equal(["fx-keo-dua-la-dua"], doc.QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")!)
            .Where(slug => slug.StartsWith("fx-", StringComparison.Ordinal)));
        var withDiacritics = await client.GetHtmlAsync("/san-pham?tu-khoa=" + Uri.EscapeDataString("Kẹo DỪA"));
        Assert.Contains("fx-keo-dua-la-dua", withDiacritics.QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")));
        var none = await client.GetHtmlAsync("/san-pham?tu-khoa=keo+dua&nhom=co-khi");
        Assert.Equal("0", none.QuerySelector("[data-total]")!.GetAttribute("data-total"));
        // The keyword is kept in the facet counts' base and in the form.
        Assert.Equal("keo dua", none.QuerySelector("input#tu-khoa")!.GetAttribute("value"));
        // At least the fixture candy; the starting content adds its own coconut candies.
        Assert.True(Offered(none, "nhom")["che-bien-thuc-pham"] >= 1);
    }

    [Fact]
    public async Task Sorting_by_name_and_by_latest_certification()
    {
        var (products, _) = await TruthAsync();
        var client = site.Browser();
        var byName = (await client.GetHtmlAsync("/san-pham?sap-xep=ten")).QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")!).ToList();
        Assert.Equal(products.Select(p => p.Slug).Order(StringComparer.Ordinal).Take(24), byName);
        var byCert = (await client.GetHtmlAsync("/san-pham?sap-xep=chung-nhan")).QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")!).ToList();
        var latest = products.ToDictionary(p => p.Slug, p => p.Certs.Max(c => c.Year));
        Assert.True(byCert.Zip(byCert.Skip(1)).All(x => latest[x.First] >= latest[x.Second]), string.Join(",", byCert));
    }

    [Fact]
    public async Task Filter_links_keep_the_filter_and_the_pager_stays_in_range()
    {
        var client = site.Browser();
        var doc = await client.GetHtmlAsync("/san-pham?nhom=che-bien-thuc-pham&noi=ben-tre");
        Assert.Equal("/san-pham", doc.QuerySelector("form.filters")!.GetAttribute("action"));
        Assert.Equal("get", doc.QuerySelector("form.filters")!.GetAttribute("method"));
        var chips = doc.QuerySelectorAll(".active-filters a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/san-pham?noi=ben-tre", chips);
        Assert.Contains("/san-pham?nhom=che-bien-thuc-pham", chips);
        Assert.Equal("https://khuyencong.test/san-pham?nhom=che-bien-thuc-pham&noi=ben-tre", doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        await client.GetHtmlAsync("/san-pham?trang=50", HttpStatusCode.NotFound);
    }
}
