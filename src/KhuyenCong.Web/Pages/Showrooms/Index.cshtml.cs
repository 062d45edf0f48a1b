using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Showrooms;

/// <summary>
/// The showrooms the programme supported, filtered by place (a district of 2021, or a province: then every unit
/// that belonged to it or was merged into it). A plain GET form; an unknown place is a 400.
/// </summary>
[OutputCache]
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Title, string Slug, string Address, string? EstablishmentName, int? PlaceId,
        int? YearSupported, string Summary, string? Image, string? ImageAlt, bool IsSample);

    [FromQuery(Name = "noi")] public string? PlaceCode { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyDictionary<int, PlaceHistory.Display> PlaceNames { get; private set; } = new Dictionary<int, PlaceHistory.Display>();
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();
    public int Total { get; private set; }
    public int AllCount { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || PlaceCode?.Length > 60)
        {
            return BadInput();
        }

        var places = await db.Places.AsNoTracking().ToListAsync(ct);
        var byId = places.ToDictionary(p => p.Id);
        foreach (var p in places)
        {
            p.Parent = p.ParentId is { } parentId ? byId.GetValueOrDefault(parentId) : null;
            p.Successor = p.SuccessorId is { } successorId ? byId.GetValueOrDefault(successorId) : null;
        }

        HashSet<int>? placeIds = null;
        if (!string.IsNullOrEmpty(PlaceCode))
        {
            var chosen = places.FirstOrDefault(p => p.Code == PlaceCode);
            if (chosen is null)
            {
                return BadInput();
            }

            placeIds = Covered(chosen, places);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Showrooms.AsNoTracking().Published(now)
            .OrderBy(s => s.Title)
            .Select(s => new Row(s.Title, s.Slug, s.Address, s.Establishment != null ? s.Establishment.Name : null, s.PlaceId,
                s.YearSupported, s.Summary, s.FeaturedImage, s.FeaturedImageAlt, s.IsSample))
            .ToListAsync(ct);
        AllCount = all.Count;
        var filtered = placeIds is null ? all : all.Where(r => r.PlaceId is { } id && placeIds.Contains(id)).ToList();
        Total = filtered.Count;
        Pager = new Pager(page, PageSize, Total, Link);
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Rows = filtered.Skip(Pager.Skip).Take(PageSize).ToList();
        var today = FairSchedule.Today(now);
        PlaceNames = places.ToDictionary(p => p.Id, p => PlaceHistory.Show(p, today));
        Places = places.OrderBy(p => p.Level).ThenBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        Images = await Showcase.ImagesAsync(db, Rows.Select(r => r.Image), ct);
        Section = "showrooms";
        PageTitle = "Phòng trưng bày sản phẩm";
        MetaDescription = "Các phòng trưng bày, giới thiệu sản phẩm công nghiệp nông thôn tiêu biểu được Chương trình khuyến công hỗ trợ.";
        CanonicalPath = Link(page);
        Breadcrumbs.Add(("Phòng trưng bày", null));
        return Page();
    }

    /// <summary>The chosen place and every unit that belonged to it or was merged into it (transitively).</summary>
    private static HashSet<int> Covered(Place chosen, List<Place> places)
    {
        var ids = new HashSet<int> { chosen.Id };
        bool grew;
        do
        {
            grew = false;
            foreach (var p in places)
            {
                if (!ids.Contains(p.Id) && ((p.ParentId is { } parent && ids.Contains(parent)) || (p.SuccessorId is { } next && ids.Contains(next))))
                {
                    grew |= ids.Add(p.Id);
                }
            }
        }
        while (grew);
        return ids;
    }

    public string Link(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(PlaceCode))
        {
            query.Add("noi=" + Uri.EscapeDataString(PlaceCode));
        }

        if (page > 1)
        {
            query.Add("trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "/phong-trung-bay" : "/phong-trung-bay?" + string.Join('&', query);
    }
}
