using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Program;

/// <summary>
/// /chuong-trinh: the period the site shows today (the one running, else the final results of the last one), as a
/// summary first: status, key figures, progress against every target, the budget charts with equal tables. The long
/// tables (per year, the appendices, the source's mismatches) are on <see cref="DetailModel"/>.
/// /chuong-trinh/giai-doan/{period} shows any other period the same way.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, ProgramProgress progress, TimeProvider clock, SiteUrls urls) : FeedbackPageModel
{
    public const string DecisionSlug = "quyet-dinh-1625-qd-ubnd";

    public ProgramReport Report { get; private set; } = null!;
    public Page? Intro { get; private set; }
    public Document? Decision { get; private set; }
    public IReadOnlyList<(string Title, string Path, string Summary)> Children { get; private set; } = [];
    public DataTable Table(string name) => Report.Table(name)!;
    public IReadOnlyList<string> TableNames => ProgramTables.NamesFor(Report);
    public string DetailPath { get; private set; } = "/chuong-trinh/so-lieu";

    /// <summary>The contents with a page of their own (the shown period's, when it has targets or budget by content).</summary>
    public IReadOnlyList<ContentSummary> Contents { get; private set; } = [];

    public sealed record ContentSummary(ProgramContent Content, long Budget, int Targets, int Reached);

    public async Task<IActionResult> OnGetAsync([FromRoute] string? period, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Report = await progress.ReportAsync(period, ct);
        if (Report.Period is null)
        {
            return NotFound();
        }

        var shown = Report.Calendar!.Shown?.Code == Report.Period.Code;
        if (period is not null && shown)
        {
            return RedirectPermanent("/chuong-trinh");
        }

        if (shown)
        {
            Contents = ContentModel.Summaries(Report);
        }

        DetailPath = shown ? "/chuong-trinh/so-lieu" : "/chuong-trinh/so-lieu/" + Report.Period.Code;
        if (Report.Period.Code == ProgramSource.DecisionPeriod)
        {
            Intro = await db.Pages.AsNoTracking().Published(now).FirstOrDefaultAsync(p => p.Path == "chuong-trinh", ct);
        }

        var root = Intro is not null
            ? Intro.Id
            : await db.Pages.AsNoTracking().Published(now).Where(p => p.Path == "chuong-trinh").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (root is not null && shown)
        {
            Children = (await db.Pages.AsNoTracking().Published(now).Where(p => p.ParentId == root)
                    .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).Select(p => new { p.Title, p.Path, p.Summary }).ToListAsync(ct))
                .Select(p => (p.Title, p.Path, p.Summary)).ToList();
        }

        if (Report.Period.DecisionSlug is { } slug)
        {
            Decision = await db.Documents.AsNoTracking().Published(now).FirstOrDefaultAsync(d => d.Slug == slug, ct);
        }

        Section = "program";
        PageTitle = Report.Period.Title;
        var state = Report.HasEnded ? "kết quả cuối cùng" : "mục tiêu, kinh phí và tiến độ";
        MetaDescription = $"{Report.Period.Title}: {state}" + (Report.Period.DecisionNumber is { } n ? $" (Quyết định {n})" : "") + ", cập nhật từ nội dung trên trang.";
        CanonicalPath = shown ? "/chuong-trinh" : "/chuong-trinh/giai-doan/" + Report.Period.Code;
        Breadcrumbs.Add(("Chương trình", shown ? null : "/chuong-trinh"));
        if (!shown)
        {
            Breadcrumbs.Add(("Giai đoạn " + Report.Period.YearsText, null));
        }

        StructuredData.Add(JsonLd.Breadcrumbs(urls, [("Trang chủ", "/"), ("Chương trình", CanonicalPath)]));
        return Page();
    }
}
