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

    [FromQuery(Name = "nhom")] public string? Group { get; set; }
    [FromQuery(Name = "cap")] public string? Level { get; set; }
    [FromQuery(Name = "nam")] public string? Year { get; set; }
    [FromQuery(Name = "noi")] public string? Place { get; set; }
    [FromQuery(Name = "loai-co-so")] public string? Kind { get; set; }
    [FromQuery(Name = "tu-khoa")] public string? Keyword { get; set; }
    [FromQuery(Name = "sap-xep")] public string? Sort { get; set; }

    public IReadOnlyList<Card> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();
    public IReadOnlyList<ProductSelection.FacetOption> GroupOptions => selection?.GroupOptions ?? [];
    public IReadOnlyList<ProductSelection.FacetOption> LevelOptions => selection?.LevelOptions ?? [];
    public IReadOnlyList<ProductSelection.FacetOption> YearOptions => selection?.YearOptions ?? [];
    public IReadOnlyList<ProductSelection.FacetOption> PlaceOptions => selection?.PlaceOptions ?? [];
    public IReadOnlyList<ProductSelection.FacetOption> KindOptions => selection?.KindOptions ?? [];
    public PlaceHistory Places { get; private set; } = null!;
    public DateTime Today { get; private set; }
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public bool IsFiltered =>
        new[] { Group, Level, Year, Place, Kind, Keyword }.Any(v => !string.IsNullOrWhiteSpace(v));

    private ProductSelection? selection;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || Keyword?.Length > SearchQuery.MaxQueryLength || Place?.Length > 100)
        {
            return BadInput();
        }

        Places = await PlaceHistory.LoadAsync(db, ct);
        selection = ProductSelection.TryCreate(Places, new ProductSelection.Filters(Group, Level, Year, Place, Kind, Keyword, Sort), out _);
        if (selection is null)
        {
            return BadInput();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Today = VietnamTime.ToLocal(now).Date;
        var catalogOrders = await catalog.ItemsAsync(db, ct);
        var published = catalogOrders.Newest.Where(p => p.IsVisibleAt(now)).ToList();
        selection.Count(published); // and Total: one pass decides every filter for every product
        Total = selection.Total;
        Pager = new Pager(page, PageSize, Total, Link);
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        var ordered = selection.Ordered(catalogOrders).Where(p => p.IsVisibleAt(now) && selection.Matches(p));
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
