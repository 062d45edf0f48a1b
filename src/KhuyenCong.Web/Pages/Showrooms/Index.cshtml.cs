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
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock, ProgramProgress progress) : SitePageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Title, string Slug, string Address, string? EstablishmentName, int? PlaceId,
        int? YearSupported, string Summary, string? Image, string? ImageAlt, bool IsSample);

    [FromQuery(Name = "noi")] public string? PlaceCode { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The place filter's choices: code and label (a former unit with its province and end date).</summary>
    public IReadOnlyList<(string Code, string Label)> Places { get; private set; } = [];
    public IReadOnlyDictionary<int, PlaceHistory.Display> PlaceNames { get; private set; } = new Dictionary<int, PlaceHistory.Display>();
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();
    public int Total { get; private set; }
    public int AllCount { get; private set; }
    /// <summary>The programme period shown today, for the showrooms target.</summary>
    public ProgramReport Programme { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || PlaceCode?.Length > 60)
        {
            return BadInput();
        }

        var history = await PlaceHistory.LoadAsync(db, ct);
        IReadOnlyCollection<int>? placeIds = null;
        if (!string.IsNullOrEmpty(PlaceCode))
        {
            if (!history.ByCode.TryGetValue(PlaceCode, out var chosen))
            {
                return BadInput();
            }

            placeIds = history.Covered(chosen);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Showrooms.AsNoTracking().Published(now)
            .OrderBy(s => s.Title)
            .Select(s => new Row(s.Title, s.Slug, s.Address, s.Establishment != null ? s.Establishment.Name : null, s.PlaceId,
                s.YearSupported, s.Summary, s.FeaturedImage, s.FeaturedImageAlt, s.IsSample))
            .ToListAsync(ct);
        AllCount = all.Count;
        Programme = await progress.ReportAsync(ct);
        var filtered = placeIds is null ? all : all.Where(r => r.PlaceId is { } id && placeIds.Contains(id)).ToList();
        Total = filtered.Count;
        Pager = new Pager(page, PageSize, Total, Link);
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Rows = filtered.Skip(Pager.Skip).Take(PageSize).ToList();
        var today = FairSchedule.Today(now);
        PlaceNames = history.All.ToDictionary(p => p.Id, p => history.Show(p, today));
        Places = history.All.OrderBy(p => p.Level).ThenBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(p => (p.Code, p.ValidTo is null ? p.Name : $"{history.Historical(p)} (đến {VietnamTime.Day(p.ValidTo)})")).ToList();
        Images = await Showcase.ImagesAsync(db, Rows.Select(r => r.Image), ct);
        Section = "showrooms";
        PageTitle = "Phòng trưng bày sản phẩm";
        MetaDescription = "Các phòng trưng bày, giới thiệu sản phẩm công nghiệp nông thôn tiêu biểu được Chương trình khuyến công hỗ trợ.";
        CanonicalPath = Link(page);
        Breadcrumbs.Add(("Phòng trưng bày", null));
        return Page();
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
