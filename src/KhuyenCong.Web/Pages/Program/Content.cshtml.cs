using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KhuyenCong.Web.Pages.Program;

/// <summary>
/// /chuong-trinh/noi-dung/{slug}: one of the six contents of the shown period (<see cref="ProgramContents"/>): its
/// targets with progress, per year and with their source, and its budget lines of Appendix 2. The summary page lists
/// the six with a line each, so it stays light.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class ContentModel(ProgramProgress progress, SiteUrls urls) : SitePageModel
{
    public ProgramReport Report { get; private set; } = null!;
    public ProgramContent Item { get; private set; } = null!;
    public IReadOnlyList<TargetProgress> Targets { get; private set; } = [];
    public IReadOnlyList<ProgramFigure> BudgetRows { get; private set; } = [];

    /// <summary>The budget columns of a line: the whole period, then each year.</summary>
    public IReadOnlyList<int?> BudgetYears { get; } = [null, .. ProgramSource.Years.Select(y => (int?)y)];

    /// <summary>One line a content for the summary page: only contents that have targets or budget lines in the report.</summary>
    public static IReadOnlyList<IndexModel.ContentSummary> Summaries(ProgramReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ProgramContents.All
            .Select(c => (c, Targets: report.Targets.Where(t => t.Target.Content == c.Number).ToList()))
            .Select(x => new IndexModel.ContentSummary(x.c, report.Amount("appendix2", x.c.Group, null, ProgramSources.Total),
                x.Targets.Count(t => t.Percent is not null), x.Targets.Count(t => t.Percent >= 100)))
            .Where(s => s.Targets > 0 || report.Index.Find("appendix2", s.Content.Group, null, ProgramSources.Total) is not null)
            .ToList();
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (ProgramContents.FindBySlug(slug) is not { } content)
        {
            return NotFound();
        }

        Report = await progress.ReportAsync(ct);
        if (Report.Period is null)
        {
            return NotFound();
        }

        Item = content;
        Targets = Report.Targets.Where(t => t.Target.Content == content.Number).ToList();
        BudgetRows = Report.Rows("appendix2").Where(r => r.RowCode == content.Group || r.RowCode.StartsWith(content.Group + ".", StringComparison.Ordinal)).ToList();
        if (Targets.Count == 0 && BudgetRows.Count == 0)
        {
            return NotFound();
        }

        Section = "program";
        PageTitle = $"Nội dung {content.Number}: {content.Title}";
        MetaDescription = $"{Report.Period.Title}, nội dung {content.Number} ({content.Title}): chỉ tiêu, tiến độ và kinh phí theo Quyết định.";
        CanonicalPath = content.Path;
        Breadcrumbs.Add(("Chương trình", "/chuong-trinh"));
        Breadcrumbs.Add(("Nội dung " + content.Number, null));
        StructuredData.Add(JsonLd.Breadcrumbs(urls, [("Trang chủ", "/"), ("Chương trình", "/chuong-trinh"), ("Nội dung " + content.Number, CanonicalPath)]));
        return Page();
    }
}
