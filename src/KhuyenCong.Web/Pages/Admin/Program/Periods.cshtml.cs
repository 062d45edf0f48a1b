using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Program;

/// <summary>
/// /quan-tri/chuong-trinh/giai-doan (administrators): the programme periods, and a form to add the next one with its
/// targets, budget lines and support lines, checked like content/program/periods.yml (dates, overlap, unique target
/// codes, sources adding up to totals, lines to the total row). A period added here survives every import.
/// </summary>
public class PeriodsModel(AppDbContext db, ProgramPeriods periods, AuditLog audit, ContentPublisher publisher, TimeProvider clock) : SitePageModel
{
    [BindProperty] public ProgramPeriods.Draft Input { get; set; } = new();
    public ProgramCalendar Calendar { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> TargetCounts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var existing = await db.ProgramPeriods.AsNoTracking().ToListAsync(ct);
        var codes = (await db.ProgramTargets.AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (parsed, errors) = ProgramPeriods.Validate(Input, existing, codes, ProgramPeriodOrigins.Admin, "quan-tri");
        if (parsed is null)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }

            await LoadAsync(ct);
            MarkRefused();
            return Page();
        }

        parsed.Period.CreatedAt = clock.GetUtcNow().UtcDateTime;
        parsed.Period.CreatedBy = audit.CurrentActor;
        db.ProgramPeriods.Add(parsed.Period);
        db.ProgramTargets.AddRange(parsed.Targets);
        db.ProgramFigures.AddRange(parsed.Figures);
        await publisher.SaveOtherAsync("create", "program-period", () => (parsed.Period.Code,
            $"{parsed.Period.Title}; {ProgramCalendar.Day(parsed.Period.StartsOn)}–{ProgramCalendar.Day(parsed.Period.EndsOn)}; {parsed.Targets.Count} chỉ tiêu, {parsed.Figures.Count / 4} dòng kinh phí"),
            [], ct: ct);
        TempData["Flash"] = $"Đã thêm giai đoạn {parsed.Period.YearsText}.";
        return Redirect("/quan-tri/chuong-trinh/giai-doan");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageTitle = "Chương trình: các giai đoạn";
        Calendar = await periods.CalendarAsync(ct);
        TargetCounts = (await db.ProgramTargets.AsNoTracking().GroupBy(t => t.PeriodCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.N);
    }
}
