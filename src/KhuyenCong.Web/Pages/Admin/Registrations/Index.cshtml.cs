using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Registrations;

/// <summary>The registrations inbox: filters, text search, paging, CSV and .xlsx export of the filtered list.</summary>
public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 50;
    public const int ExportLimit = 50_000;

    [BindProperty(SupportsGet = true)] public RegistrationFilter Filter { get; set; } = new();

    public IReadOnlyList<Models.Registration> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyList<RegistrationPlace> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        Places = await RegistrationPlaces.LoadAsync(db, ct);
        if (!TryParsePage(trang, out var page) || !ModelState.IsValid || !Filter.IsValid(Places))
        {
            return BadInput();
        }

        PageTitle = "Đăng ký hỗ trợ";
        var query = Filter.Apply(db.Registrations.AsNoTracking());
        Pager = new Pager(page, PageSize, await query.CountAsync(ct), Link);
        Rows = await query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync("csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync("xlsx", ct);

    private async Task<IActionResult> ExportAsync(string format, CancellationToken ct)
    {
        if (!ModelState.IsValid || !Filter.IsValid(await RegistrationPlaces.LoadAsync(db, ct)))
        {
            return BadInput();
        }

        var rows = await Filter.Apply(db.Registrations.AsNoTracking()).OrderBy(r => r.Id).Take(ExportLimit).ToListAsync(ct);
        await audit.WriteAsync("registration-export-list", "Registration", null, $"{format}, {rows.Count} hồ sơ, bộ lọc: {Filter.Query()}", ct: ct);
        var stamp = VietnamTime.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return format == "csv"
            ? File(RegistrationExport.Csv(rows), "text/csv; charset=utf-8", $"dang-ky-{stamp}.csv")
            : File(RegistrationExport.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"dang-ky-{stamp}.xlsx");
    }

    public string Link(int page) => "/quan-tri/dang-ky" + Filter.Query(page > 1 ? "trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
}
