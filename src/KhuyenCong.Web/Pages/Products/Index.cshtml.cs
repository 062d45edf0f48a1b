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
[OutputCache]
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

    private enum Facet { None, Group, Level, Year, Place, Kind }

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
    private IReadOnlyList<string> terms = [];

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
        var published = (await catalog.ItemsAsync(db, ct)).Where(p => p.IsVisibleAt(now)).ToList();

        var filtered = published.Where(p => Matches(p, Facet.None)).ToList();
        Total = filtered.Count;
        Pager = new Pager(page, PageSize, Total, Link);
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        IEnumerable<ProductCatalog.Item> ordered = Sort switch
        {
            "ten" => filtered.OrderBy(p => p.Slug, StringComparer.Ordinal),
            "chung-nhan" => filtered.OrderByDescending(p => p.LatestRoundYear).ThenByDescending(p => p.HighestLevel).ThenBy(p => p.Slug, StringComparer.Ordinal),
            _ => filtered.OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id),
        };
        var ids = ordered.Skip(Pager.Skip).Take(PageSize).Select(p => p.Id).ToList();
        var cards = await Cards(db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))).ToDictionaryAsync(c => c.Id, ct);
        Rows = ids.Where(cards.ContainsKey).Select(id => cards[id]).ToList();
        var names = Rows.Where(r => r.Image != null).Select(r => r.Image!).Distinct().ToList();
        Images = names.Count == 0 ? new Dictionary<string, MediaFile>()
            : await db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.StorageName) && m.Kind == MediaKind.Image).ToDictionaryAsync(m => m.StorageName, ct);

        CountFacets(published);

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

        terms = SearchQuery.Terms(Keyword);
        return true;
    }

    /// <summary>Whether a product passes the active filters except <paramref name="except"/> (whose counts are being computed).</summary>
    private bool Matches(ProductCatalog.Item p, Facet except)
    {
        if ((group is { } g && except != Facet.Group && p.Group != g)
            || (placeIds is not null && except != Facet.Place && (p.PlaceId is not { } placeId || !placeIds.Contains(placeId)))
            || (kind is { } k && except != Facet.Kind && p.Kind != k))
        {
            return false;
        }

        var l = except == Facet.Level ? null : level;
        var y = except == Facet.Year ? null : year;
        if ((l is not null || y is not null) && !p.Certifications.Any(c => (l is null || c.Level == l) && (y is null || c.Year == y)))
        {
            return false;
        }

        // The slug is the title folded (no diacritics, lower case), so folded terms match it directly.
        return terms.All(term => p.Slug.Contains(term, StringComparison.Ordinal));
    }

    private void CountFacets(List<ProductCatalog.Item> published)
    {
        var groups = published.Where(p => Matches(p, Facet.Group)).CountBy(p => p.Group).ToDictionary();
        GroupOptions = ProductFilters.Groups
            .Select(x => new FacetOption(x.Code, Product.GroupLabel(x.Value), groups.GetValueOrDefault(x.Value), x.Value == group)).ToList();

        var kinds = published.Where(p => p.Kind is not null && Matches(p, Facet.Kind)).CountBy(p => p.Kind!.Value).ToDictionary();
        KindOptions = ProductFilters.Kinds
            .Select(x => new FacetOption(x.Code, Establishment.KindLabel(x.Value), kinds.GetValueOrDefault(x.Value), x.Value == kind)).ToList();

        var byPlace = published.Where(p => p.PlaceId is not null && Matches(p, Facet.Place)).CountBy(p => p.PlaceId!.Value).ToDictionary();
        PlaceOptions = Places.FilterChoices()
            .Select(p => new FacetOption(p.Code, PlaceLabel(p), Places.Covered(p).Sum(id => byPlace.GetValueOrDefault(id)), p.Code == Place)).ToList();

        // A product counts once per level (or round) it holds, within the selected round (or level).
        var levels = published.Where(p => Matches(p, Facet.Level))
            .SelectMany(p => p.Certifications.Where(c => year is null || c.Year == year).Select(c => c.Level).Distinct())
            .CountBy(l => l).ToDictionary();
        LevelOptions = ProductFilters.Levels
            .Select(x => new FacetOption(x.Code, Product.LevelLabel(x.Value), levels.GetValueOrDefault(x.Value), x.Value == level)).ToList();

        var years = published.Where(p => Matches(p, Facet.Year))
            .SelectMany(p => p.Certifications.Where(c => level is null || c.Level == level).Select(c => c.Year).Distinct())
            .CountBy(y => y).ToDictionary();
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
