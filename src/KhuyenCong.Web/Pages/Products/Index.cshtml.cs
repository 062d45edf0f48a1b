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
/// diacritics, sorting and paging. Every facet count is one GROUP BY over indexed columns.
/// </summary>
[OutputCache]
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 24;

    public sealed record Card(
        int Id, string Title, string Slug, string Summary, CnntGroup Group, bool IsSet, string? Image, string? ImageAlt,
        CertificationLevel? HighestLevel, int? LatestRoundYear, bool IsSample, string? Producer, int? PlaceId);

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
    private IReadOnlyCollection<int>? placeIds;
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
        var published = db.Products.AsNoTracking().Published(now);

        var filtered = Apply(published, Facet.None);
        Total = await filtered.CountAsync(ct);
        Pager = new Pager(page, PageSize, Total, Link);
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        IQueryable<Product> ordered = Sort switch
        {
            "ten" => filtered.OrderBy(p => p.Slug),
            "chung-nhan" => filtered.OrderByDescending(p => p.LatestRoundYear).ThenByDescending(p => p.HighestLevel).ThenBy(p => p.Slug),
            _ => filtered.OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id),
        };
        Rows = await ordered.Skip(Pager.Skip).Take(PageSize)
            .Select(p => new Card(p.Id, p.Title, p.Slug, p.Summary, p.Group, p.IsSet, p.FeaturedImage, p.FeaturedImageAlt,
                p.HighestLevel, p.LatestRoundYear, p.IsSample, p.Establishment != null ? p.Establishment.Name : null, p.PlaceId))
            .ToListAsync(ct);
        var names = Rows.Where(r => r.Image != null).Select(r => r.Image!).Distinct().ToList();
        Images = names.Count == 0 ? new Dictionary<string, MediaFile>()
            : await db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.StorageName) && m.Kind == MediaKind.Image).ToDictionaryAsync(m => m.StorageName, ct);

        await CountFacetsAsync(published, ct);

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

            placeIds = Places.Covered(place);
        }

        if (!string.IsNullOrEmpty(Sort) && ProductFilters.Sorts.All(s => s.Code != Sort))
        {
            return false;
        }

        terms = SearchQuery.Terms(Keyword);
        return true;
    }

    /// <summary>The active filters except <paramref name="except"/> (whose counts are being computed).</summary>
    private IQueryable<Product> Apply(IQueryable<Product> query, Facet except)
    {
        if (group is { } g && except != Facet.Group)
        {
            query = query.Where(p => p.Group == g);
        }

        if (placeIds is not null && except != Facet.Place)
        {
            var ids = placeIds;
            query = query.Where(p => p.PlaceId != null && ids.Contains(p.PlaceId.Value));
        }

        if (kind is { } k && except != Facet.Kind)
        {
            query = query.Where(p => p.Establishment!.Kind == k);
        }

        var l = except == Facet.Level ? null : level;
        var y = except == Facet.Year ? null : year;
        query = (l, y) switch
        {
            ({ } lv, { } yr) => query.Where(p => db.ProductCertifications.Any(c => c.ProductId == p.Id && c.Level == lv && c.RoundYear == yr)),
            ({ } lv, null) => query.Where(p => db.ProductCertifications.Any(c => c.ProductId == p.Id && c.Level == lv)),
            (null, { } yr) => query.Where(p => db.ProductCertifications.Any(c => c.ProductId == p.Id && c.RoundYear == yr)),
            _ => query,
        };

        foreach (var term in terms)
        {
            // The slug is the title folded (no diacritics, lower case), so folded terms match it directly.
            query = query.Where(p => p.Slug.Contains(term));
        }

        return query;
    }

    private async Task CountFacetsAsync(IQueryable<Product> published, CancellationToken ct)
    {
        var groups = await Apply(published, Facet.Group).GroupBy(p => p.Group)
            .Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        GroupOptions = ProductFilters.Groups
            .Select(x => new FacetOption(x.Code, Product.GroupLabel(x.Value), groups.GetValueOrDefault(x.Value), x.Value == group)).ToList();

        var kinds = await Apply(published, Facet.Kind).Where(p => p.EstablishmentId != null).GroupBy(p => p.Establishment!.Kind)
            .Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        KindOptions = ProductFilters.Kinds
            .Select(x => new FacetOption(x.Code, Establishment.KindLabel(x.Value), kinds.GetValueOrDefault(x.Value), x.Value == kind)).ToList();

        var byPlace = await Apply(published, Facet.Place).Where(p => p.PlaceId != null).GroupBy(p => p.PlaceId!.Value)
            .Select(x => new { x.Key, Count = x.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        PlaceOptions = Places.FilterChoices()
            .Select(p => new FacetOption(p.Code, PlaceLabel(p), Places.Covered(p).Sum(id => byPlace.GetValueOrDefault(id)), p.Code == Place)).ToList();

        var forLevels = Apply(published, Facet.Level).Select(p => p.Id);
        var certs = db.ProductCertifications.AsNoTracking().Where(c => forLevels.Contains(c.ProductId));
        if (year is { } yr)
        {
            certs = certs.Where(c => c.RoundYear == yr);
        }

        var levels = await certs.GroupBy(c => c.Level)
            .Select(x => new { x.Key, Count = x.Select(c => c.ProductId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        LevelOptions = ProductFilters.Levels
            .Select(x => new FacetOption(x.Code, Product.LevelLabel(x.Value), levels.GetValueOrDefault(x.Value), x.Value == level)).ToList();

        var forYears = Apply(published, Facet.Year).Select(p => p.Id);
        var yearCerts = db.ProductCertifications.AsNoTracking().Where(c => forYears.Contains(c.ProductId));
        if (level is { } lv)
        {
            yearCerts = yearCerts.Where(c => c.Level == lv);
        }

        var years = await yearCerts.GroupBy(c => c.RoundYear)
            .Select(x => new { x.Key, Count = x.Select(c => c.ProductId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
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
