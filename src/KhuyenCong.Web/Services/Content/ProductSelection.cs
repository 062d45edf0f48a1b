using System.Globalization;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// The product list's filters and facet counts over the in-memory <see cref="ProductCatalog"/>: facets that combine
/// (group, level, round, place with its former units, producer type) and a keyword without diacritics, each facet
/// value with the count it would give under the other active facets. One definition for the page
/// <c>/san-pham</c> and the open-data API <c>/api/v1/products</c>, so both give the same counts.
/// </summary>
public sealed class ProductSelection
{
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

    /// <summary>The raw filter values as given (codes of <see cref="ProductFilters"/>, a place code, a year, a keyword).</summary>
    public sealed record Filters(string? Group, string? Level, string? Year, string? Place, string? Kind, string? Keyword, string? Sort);

    /// <summary>Which filter was refused by <see cref="TryCreate"/>.</summary>
    public enum Field { Group, Level, Year, Place, Kind, Keyword, Sort }

    private readonly PlaceHistory places;
    private readonly Filters input;
    private CnntGroup? group;
    private CertificationLevel? level;
    private int? year;
    private HashSet<int>? placeIds;
    private EstablishmentKind? kind;
    private string[] terms = [];

    private ProductSelection(PlaceHistory places, Filters input)
    {
        this.places = places;
        this.input = input;
    }

    public IReadOnlyList<FacetOption> GroupOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> LevelOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> YearOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> PlaceOptions { get; private set; } = [];
    public IReadOnlyList<FacetOption> KindOptions { get; private set; } = [];
    /// <summary>Products matching every filter (after <see cref="Count"/>).</summary>
    public int Total { get; private set; }

    /// <summary>Parses the filters; null and the refused field when a value is not one the list offers.</summary>
    public static ProductSelection? TryCreate(PlaceHistory places, Filters filters, out Field? refused)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(filters);
        var s = new ProductSelection(places, filters);
        refused = s.Parse();
        return refused is null ? s : null;
    }

    private Field? Parse()
    {
        if (input.Keyword?.Length > SearchQuery.MaxQueryLength)
        {
            return Field.Keyword;
        }

        if (!string.IsNullOrEmpty(input.Group))
        {
            group = ProductFilters.Groups.Where(g => g.Code == input.Group).Select(g => (CnntGroup?)g.Value).FirstOrDefault();
            if (group is null)
            {
                return Field.Group;
            }
        }

        if (!string.IsNullOrEmpty(input.Level))
        {
            level = ProductFilters.Levels.Where(g => g.Code == input.Level).Select(g => (CertificationLevel?)g.Value).FirstOrDefault();
            if (level is null)
            {
                return Field.Level;
            }
        }

        if (!string.IsNullOrEmpty(input.Kind))
        {
            kind = ProductFilters.Kinds.Where(g => g.Code == input.Kind).Select(g => (EstablishmentKind?)g.Value).FirstOrDefault();
            if (kind is null)
            {
                return Field.Kind;
            }
        }

        if (!string.IsNullOrEmpty(input.Year))
        {
            if (!int.TryParse(input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                return Field.Year;
            }

            year = y;
        }

        if (!string.IsNullOrEmpty(input.Place))
        {
            if (input.Place.Length > 100 || !places.ByCode.TryGetValue(input.Place, out var place) || place.Level == PlaceLevel.Commune)
            {
                return Field.Place;
            }

            placeIds = [.. places.Covered(place)];
        }

        if (!string.IsNullOrEmpty(input.Sort) && ProductFilters.Sorts.All(s => s.Code != input.Sort))
        {
            return Field.Sort;
        }

        terms = [.. SearchQuery.Terms(input.Keyword)];
        return null;
    }

    /// <summary>The catalog order the sort asks for (newest first by default).</summary>
    public IReadOnlyList<ProductCatalog.Item> Ordered(ProductCatalog.Orders orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return input.Sort switch
        {
            "ten" => orders.ByName,
            "chung-nhan" => orders.ByCertification,
            _ => orders.Newest,
        };
    }

    /// <summary>Whether the product passes every active filter.</summary>
    public bool Matches(ProductCatalog.Item p) => Judge(p).PassesExcept(Facet.None);

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

    /// <summary>The number of matching products and every facet's counts, in one pass over the visible products.</summary>
    public void Count(IEnumerable<ProductCatalog.Item> published)
    {
        ArgumentNullException.ThrowIfNull(published);
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
            .Select(x => new FacetOption(x.Code, EstablishmentKinds.Label(x.Value), kinds.GetValueOrDefault(x.Value), x.Value == kind)).ToList();
        PlaceOptions = places.FilterChoices()
            .Select(p => new FacetOption(p.Code, PlaceLabel(p), places.Covered(p).Sum(id => byPlace.GetValueOrDefault(id)), p.Code == input.Place)).ToList();
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
}
