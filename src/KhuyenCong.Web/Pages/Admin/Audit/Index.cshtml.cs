using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Audit;

/// <summary>The audit log for admins, newest first, filterable by who, action, type and date.</summary>
public class IndexModel(AppDbContext db) : SitePageModel
{
    public const int PageSize = 50;
    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    [FromQuery(Name = "nguoi")] public string? Actor { get; set; }
    [FromQuery(Name = "hanh-dong")] public string? Action { get; set; }
    [FromQuery(Name = "loai")] public string? EntityType { get; set; }
    [FromQuery(Name = "tu-ngay")] public DateOnly? From { get; set; }

    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || Actor?.Length > 256 || Action?.Length > 50 || EntityType?.Length > 50 || !ModelState.IsValid)
        {
            return BadInput();
        }

        PageTitle = "Nhật ký thay đổi";
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.Actor.Contains(Actor));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(a => a.Action == Action);
        }

        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(a => a.EntityType == EntityType);
        }

        if (From is { } from)
        {
            var start = VietnamTime.DayStartUtc(from);
            query = query.Where(a => a.At >= start);
        }

        Actions = (await db.AuditEntries.Select(a => a.Action).Distinct().ToListAsync(ct)).OrderBy(a => AuditText.Action(a), StringComparer.Create(Vi, false)).ToList();
        Types = (await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync(ct)).OrderBy(AuditText.Type, StringComparer.Create(Vi, false)).ToList();
        Pager = new Pager(page, PageSize, await query.CountAsync(ct), Link);
        Rows = await query.OrderByDescending(a => a.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public string Link(int page)
    {
        var parts = new[] { ("nguoi", Actor), ("hanh-dong", Action), ("loai", EntityType), ("tu-ngay", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("trang", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null) };
        var query = string.Join('&', parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        return query.Length == 0 ? "/quan-tri/nhat-ky" : "/quan-tri/nhat-ky?" + query;
    }
}
