using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Products;

/// <summary>
/// The showroom of typical products: facets that combine (group, level, round, place with its former units,
/// producer type), each value with the count it would give under the other active facets, a keyword without
/// diacritics, sorting and paging. Filters and counts run on the in-memory <see cref="ProductCatalog"/>; only
/// the cards of the page shown are read from the database.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, ProductCatalog catalog, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 24;

    public sealed record Card(
        int Id, string Title, string Slug, string Summary, CnntGroup Group, bool IsSet, string? Image, string? ImageAlt,
        CertificationLevel? HighestLevel, int? LatestRoundYear, bool IsSample, string? Producer, int? PlaceId);

    /// <summary>The card of each product (the list, the product page's related products, the producer page).</summary>
    public static IQueryable<Card> Cards(IQueryable<Product> query) =>
        query.Select(p => new Card(p.Id, p.Title, p.Slug, p.Summary, p.Group, p.IsSet, p.FeaturedImage, p.FeaturedImageAlt,
            p.HighestLevel, p.LatestRoundYear, p.IsSample, p.Establishment != null ? p.Establishment.Name : null, p.PlaceId));

    public sealed record FacetOption(string Code, string Label, int Count, bool Selected);

    [Flags]
    private enum Facet { None = 0, Group = 1, Level = 2, Year = 4, Place = 8, Kind = 16, Keyword = 32 }

    /// <summary>
    /// Which active filters one product fails, worked out once: it counts under a facet when it passes every other
    /// filter. Level and round filter the same certification, so they are kept as three answers: a certification
    /// matching both, the level alone, the round alone.
    /// </summary>
    private readonly record struct Verdict(Facet Failed, bool CertMatches, bool LevelMatches, bool YearMatches)
    {
        public bool PassesExcept(Facet facet) => (Failed & ~facet) == 0
            && facet switch { Facet.Level => YearMatches, Facet.Year => LevelMatches, _ => CertMatches };
    }

    [FromQuery(Name = "nhom")] public string? Group { get; set; }
    [FromQuery(Name = "cap")] public string? Level { get; set; }
    [FromQuery(Name = "nam")] public string? Year { get; set; }
    [FromQuery(Name = "noi")] public string? Place { get; set; }
    [FromQuery(Name = "loai-co-so")] public string? Kind { get; set; }
    [FromQuery(Name = "tu-khoa")] public string? Keyword { get; set; }
    [FromQuery(Name = "sap-xep")] public string? Sort { get; set; }

    public IReadOnlyList<Card> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();
    public IReadOnlyList<FacetOption> GroupOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> LevelOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> YearOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> PlaceOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> KindOptions { get; private set; } = [];
    public PlaceHistory Places { get; private set; } = null!;
    public DateTime Today { get; private set; }
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public bool IsFiltered =>
        new[] { Group, Level, Year, Place, Kind, Keyword }.Any(v => !string.IsNullOrWhiteSpace(v));

    private CnntGroup? group;
    private CertificationLevel? level;
    private int? year;
    private HashSet<int>? placeIds;
    private EstablishmentKind? kind;
    private string[] terms = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || Keyword?.Length > SearchQuery.MaxQueryLength || Place?.Length > 100)
        {
            return BadInput();
        }

        Places = await PlaceHistory.LoadAsync(db, ct);
        if (!Parse())
        {
            return BadInput();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Today = VietnamTime.ToLocal(now).Date;
        var catalogOrders = await catalog.ItemsAsync(db, ct);
        var published = catalogOrders.Newest.Where(p => p.IsVisibleAt(now)).ToList();
        CountFacets(published); // and Total: one pass decides every filter for every product
        Pager = new Pager(page, PageSize, Total, Link);
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        var ordered = (Sort switch
        {
            "ten" => catalogOrders.ByName,
            "chung-nhan" => catalogOrders.ByCertification,
            _ => catalogOrders.Newest,
        }).Where(p => p.IsVisibleAt(now) && Judge(p).PassesExcept(Facet.None));
        var ids = ordered.Skip(Pager.Skip).Take(PageSize).Select(p => p.Id).ToList();
        var cards = await Cards(db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))).ToDictionaryAsync(c => c.Id, ct);
        Rows = ids.Where(cards.ContainsKey).Select(id => cards[id]).ToList();
        var names = Rows.Where(r => r.Image != null).Select(r => r.Image!).Distinct().ToList();
        Images = names.Count == 0 ? new Dictionary<string, MediaFile>()
            : await db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.StorageName) && m.Kind == MediaKind.Image).ToDictionaryAsync(m => m.StorageName, ct);

        Section = "products";
        PageTitle = "Sản phẩm công nghiệp nông thôn tiêu biểu";
        MetaDescription = "Sản phẩm công nghiệp nông thôn tiêu biểu của tỉnh Bến Tre (nay thuộc tỉnh Vĩnh Long): thủ công mỹ nghệ, chế biến thực phẩm, cơ khí, với cơ sở sản xuất và các lần được chứng nhận.";
        CanonicalPath = Link(page);
        Breadcrumbs.Add(("Sản phẩm", null));
        return Page();
    }

    private bool Parse()
    {
        if (!string.IsNullOrEmpty(Group))
        {
            var match = ProductFilters.Groups.Where(g => g.Code == Group).Select(g => (CnntGroup?)g.Value).FirstOrDefault();
            if (match is null)
            {
                return false;
            }

            group = match;
        }

        if (!string.IsNullOrEmpty(Level))
        {
            var match = ProductFilters.Levels.Where(g => g.Code == Level).Select(g => (CertificationLevel?)g.Value).FirstOrDefault();
            if (match is null)
            {
                return false;
            }

            level = match;
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            var match = ProductFilters.Kinds.Where(g => g.Code == Kind).Select(g => (EstablishmentKind?)g.Value).FirstOrDefault();
            if (match is null)
            {
                return false;
            }

            kind = match;
        }

        if (!string.IsNullOrEmpty(Year))
        {
            if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                return false;
            }

            year = y;
        }

        if (!string.IsNullOrEmpty(Place))
        {
            if (!Places.ByCode.TryGetValue(Place, out var place) || place.Level == PlaceLevel.Commune)
            {
                return false;
            }

            placeIds = [.. Places.Covered(place)];
        }

        if (!string.IsNullOrEmpty(Sort) && ProductFilters.Sorts.All(s => s.Code != Sort))
        {
            return false;
        }

        terms = [.. SearchQuery.Terms(Keyword)];
        return true;
    }

    private Verdict Judge(ProductCatalog.Item p)
    {
        var failed = Facet.None;
        if (group is { } g && p.Group != g)
        {
            failed |= Facet.Group;
        }

        if (placeIds is not null && (p.PlaceId is not { } placeId || !placeIds.Contains(placeId)))
        {
            failed |= Facet.Place;
        }

        if (kind is { } k && p.Kind != k)
        {
            failed |= Facet.Kind;
        }

        // The slug is the title folded (no diacritics, lower case), so folded terms match it directly.
        foreach (var term in terms)
        {
            if (!p.Slug.Contains(term, StringComparison.Ordinal))
            {
                failed |= Facet.Keyword;
                break;
            }
        }

        bool both = level is null && year is null, levelOnly = level is null, yearOnly = year is null;
        if (!both)
        {
            foreach (var c in p.Certifications)
            {
                var l = level is null || c.Level == level;
                var y = year is null || c.Year == year;
                both |= l && y;
                levelOnly |= l;
                yearOnly |= y;
            }
        }

        return new Verdict(failed, both, levelOnly, yearOnly);
    }

    /// <summary>The number of matching products and every facet's counts, in one pass.</summary>
    private void CountFacets(List<ProductCatalog.Item> published)
    {
        var groups = new Dictionary<CnntGroup, int>();
        var kinds = new Dictionary<EstablishmentKind, int>();
        var byPlace = new Dictionary<int, int>();
        var levels = new Dictionary<CertificationLevel, int>();
        var years = new Dictionary<int, int>();
        var total = 0;
        foreach (var p in published)
        {
            var verdict = Judge(p);
            if (verdict.PassesExcept(Facet.None))
            {
                total++;
            }

            if (verdict.PassesExcept(Facet.Group))
            {
                groups[p.Group] = groups.GetValueOrDefault(p.Group) + 1;
            }

            if (p.Kind is { } k && verdict.PassesExcept(Facet.Kind))
            {
                kinds[k] = kinds.GetValueOrDefault(k) + 1;
            }

            if (p.PlaceId is { } placeId && verdict.PassesExcept(Facet.Place))
            {
                byPlace[placeId] = byPlace.GetValueOrDefault(placeId) + 1;
            }

            // A product counts once per level (or round) it holds, within the selected round (or level). Its
            // certifications are distinct (round, level) pairs in that order, so only the unfixed side repeats.
            if (verdict.PassesExcept(Facet.Level))
            {
                var seen = 0;
                foreach (var c in p.Certifications)
                {
                    if ((year is null || c.Year == year) && (seen & (1 << (int)c.Level)) == 0)
                    {
                        seen |= 1 << (int)c.Level;
                        levels[c.Level] = levels.GetValueOrDefault(c.Level) + 1;
                    }
                }
            }

            if (verdict.PassesExcept(Facet.Year))
            {
                var last = 0;
                foreach (var c in p.Certifications)
                {
                    if ((level is null || c.Level == level) && c.Year != last)
                    {
                        last = c.Year;
                        years[c.Year] = years.GetValueOrDefault(c.Year) + 1;
                    }
                }
            }
        }

        Total = total;
        GroupOptions = ProductFilters.Groups
            .Select(x => new FacetOption(x.Code, Product.GroupLabel(x.Value), groups.GetValueOrDefault(x.Value), x.Value == group)).ToList();
        KindOptions = ProductFilters.Kinds
            .Select(x => new FacetOption(x.Code, Establishment.KindLabel(x.Value), kinds.GetValueOrDefault(x.Value), x.Value == kind)).ToList();
        PlaceOptions = Places.FilterChoices()
            .Select(p => new FacetOption(p.Code, PlaceLabel(p), Places.Covered(p).Sum(id => byPlace.GetValueOrDefault(id)), p.Code == Place)).ToList();
        LevelOptions = ProductFilters.Levels
            .Select(x => new FacetOption(x.Code, Product.LevelLabel(x.Value), levels.GetValueOrDefault(x.Value), x.Value == level)).ToList();
        if (year is { } selected && !years.ContainsKey(selected))
        {
            years[selected] = 0;
        }

        YearOptions = years.Keys.OrderDescending()
            .Select(y => new FacetOption(y.ToString(CultureInfo.InvariantCulture), $"Đợt {y}", years[y], y == year)).ToList();
    }

    private static string PlaceLabel(Place p) => p.Level == PlaceLevel.Province && p.ValidTo is null
        ? $"{p.Name} (hiện nay, gồm các địa bàn cũ)"
        : p.ValidTo is null ? p.Name : $"{p.Name} (cũ)";

    public string Link(int page) => LinkWith(page, null, null);

    /// <summary>This list's URL with one parameter changed (null value removes it).</summary>
    public string LinkWith(int page, string? name, string? value)
    {
        var values = new List<(string Name, string? Value)>
        {
            ("tu-khoa", Keyword), ("nhom", Group), ("cap", Level), ("nam", Year), ("noi", Place), ("loai-co-so", Kind), ("sap-xep", Sort),
        };
        if (name is not null)
        {
            values = values.Select(v => v.Name == name ? (v.Name, value) : v).ToList();
        }

        if (page > 1)
        {
            values.Add(("trang", page.ToString(CultureInfo.InvariantCulture)));
        }

        var query = string.Join('&', values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!.Trim())}"));
        return query.Length == 0 ? "/san-pham" : "/san-pham?" + query;
    }

    /// <summary>The active filters as removable chips: (label, link without it).</summary>
    public IEnumerable<(string Label, string Link)> ActiveFilters()
    {
        if (!string.IsNullOrWhiteSpace(Keyword))
        {
            yield return ($"Từ khóa: {Keyword}", LinkWith(1, "tu-khoa", null));
        }

        foreach (var (options, name) in new[] { (GroupOptions, "nhom"), (LevelOptions, "cap"), (YearOptions, "nam"), (PlaceOptions, "noi"), (KindOptions, "loai-co-so") })
        {
            foreach (var o in options.Where(o => o.Selected))
            {
                yield return (o.Label, LinkWith(1, name, null));
            }
        }
    }
}
