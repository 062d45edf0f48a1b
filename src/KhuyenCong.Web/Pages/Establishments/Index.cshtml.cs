using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Products;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Establishments;

/// <summary>
/// The producers (cơ sở) with something published — a product or a showroom — and their published products,
/// filtered by place (a 2021 district or a province, covering the units merged into it, as on the product list)
/// and by kind. Plain GET parameters; an unknown value is a 400.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Name, string Slug, EstablishmentKind Kind, int? PlaceId, string Description, bool IsSample,
        IReadOnlyList<ProductLink> Products, int ShowroomCount);

    public sealed record ProductLink(string Title, string Slug);

    [FromQuery(Name = "noi")] public string? PlaceCode { get; set; }
    [FromQuery(Name = "loai-co-so")] public string? KindCode { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> PlaceChoices { get; private set; } = [];
    public IReadOnlyDictionary<int, PlaceHistory.Display> PlaceNames { get; private set; } = new Dictionary<int, PlaceHistory.Display>();
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public bool IsFiltered => !string.IsNullOrEmpty(PlaceCode) || !string.IsNullOrEmpty(KindCode);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || PlaceCode?.Length > 100 || KindCode?.Length > 40)
        {
            return BadInput();
        }

        var history = await PlaceHistory.LoadAsync(db, ct);
        HashSet<int>? placeIds = null;
        if (!string.IsNullOrEmpty(PlaceCode))
        {
            if (!history.ByCode.TryGetValue(PlaceCode, out var chosen) || chosen.Level == PlaceLevel.Commune)
            {
                return BadInput();
            }

            placeIds = [.. history.Covered(chosen)];
        }

        EstablishmentKind? kind = null;
        if (!string.IsNullOrEmpty(KindCode))
        {
            kind = ProductFilters.Kinds.Where(k => k.Code == KindCode).Select(k => (EstablishmentKind?)k.Value).FirstOrDefault();
            if (kind is null)
            {
                return BadInput();
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var products = await db.Products.AsNoTracking().Published(now).Where(p => p.EstablishmentId != null)
            .OrderBy(p => p.Title)
            .Select(p => new { EstablishmentId = p.EstablishmentId!.Value, p.Title, p.Slug })
            .ToListAsync(ct);
        var showrooms = await db.Showrooms.AsNoTracking().Published(now).Where(s => s.EstablishmentId != null)
            .GroupBy(s => s.EstablishmentId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var productsBy = products.GroupBy(p => p.EstablishmentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ProductLink>)g.Select(p => new ProductLink(p.Title, p.Slug)).ToList());
        var ids = productsBy.Keys.Concat(showrooms.Keys).ToHashSet();

        var query = db.Establishments.AsNoTracking().Where(e => ids.Contains(e.Id));
        if (kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        var all = await query.Select(e => new { e.Id, e.Name, e.Slug, e.Kind, e.PlaceId, e.Description, e.IsSample }).ToListAsync(ct);
        var vi = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);
        var filtered = all
            .Where(e => placeIds is null || (e.PlaceId is { } id && placeIds.Contains(id)))
            .OrderBy(e => e.Name, vi).ThenBy(e => e.Slug, StringComparer.Ordinal)
            .ToList();
        Total = filtered.Count;
        Pager = new Pager(page, PageSize, Total, Link);
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Rows = filtered.Skip(Pager.Skip).Take(PageSize)
            .Select(e => new Row(e.Id, e.Name, e.Slug, e.Kind, e.PlaceId, e.Description, e.IsSample,
                productsBy.GetValueOrDefault(e.Id) ?? [], showrooms.GetValueOrDefault(e.Id)))
            .ToList();
        var today = FairSchedule.Today(now);
        PlaceNames = history.All.ToDictionary(p => p.Id, p => history.Show(p, today));
        PlaceChoices = history.FilterChoices()
            .Select(p => (p.Code, p.Level == PlaceLevel.Province && p.ValidTo is null
                ? $"{p.Name} (hiện nay, gồm các địa bàn cũ)"
                : p.ValidTo is null ? p.Name : $"{history.Historical(p)} (cũ, đến {VietnamTime.Day(p.ValidTo)})"))
            .ToList();

        Section = "establishments";
        PageTitle = "Cơ sở sản xuất";
        MetaDescription = "Các cơ sở công nghiệp nông thôn có sản phẩm tiêu biểu hoặc phòng trưng bày: doanh nghiệp, hợp tác xã, tổ hợp tác, hộ kinh doanh, lọc theo địa bàn và loại hình.";
        CanonicalPath = Link(page);
        Breadcrumbs.Add(("Cơ sở sản xuất", null));
        return Page();
    }

    public string Link(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(PlaceCode))
        {
            query.Add("noi=" + Uri.EscapeDataString(PlaceCode));
        }

        if (!string.IsNullOrEmpty(KindCode))
        {
            query.Add("loai-co-so=" + Uri.EscapeDataString(KindCode));
        }

        if (page > 1)
        {
            query.Add("trang=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "/co-so" : "/co-so?" + string.Join('&', query);
    }
}
