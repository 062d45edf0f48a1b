using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Program;

/// <summary>
/// /chuong-trinh: the programme's goals (the prose of the static page with that path), its progress against every
/// target, its budget as SVG charts with equal tables, the 2016–2020 comparison and the source's own mismatches.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, ProgramProgress progress, TimeProvider clock, SiteUrls urls) : SitePageModel
{
    public const string DecisionSlug = "quyet-dinh-1625-qd-ubnd";

    public ProgramReport Report { get; private set; } = null!;
    public Page? Intro { get; private set; }
    public Document? Decision { get; private set; }
    public IReadOnlyList<(string Title, string Path, string Summary)> Children { get; private set; } = [];
    public DataTable Table(string name) => ProgramTables.Build(name, Report)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Report = await progress.ReportAsync(ct);
        Intro = await db.Pages.AsNoTracking().Published(now).FirstOrDefaultAsync(p => p.Path == "chuong-trinh", ct);
        if (Intro is not null)
        {
            Children = (await db.Pages.AsNoTracking().Published(now).Where(p => p.ParentId == Intro.Id)
                    .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).Select(p => new { p.Title, p.Path, p.Summary }).ToListAsync(ct))
                .Select(p => (p.Title, p.Path, p.Summary)).ToList();
        }

        Decision = await db.Documents.AsNoTracking().Published(now).FirstOrDefaultAsync(d => d.Slug == DecisionSlug, ct);
        Section = "program";
        PageTitle = Intro?.Title ?? "Chương trình khuyến công tỉnh Bến Tre giai đoạn 2021–2025";
        MetaDescription = "Mục tiêu, kinh phí và tiến độ thực hiện Chương trình khuyến công tỉnh Bến Tre giai đoạn 2021–2025 (Quyết định 1625/QĐ-UBND), cập nhật từ nội dung trên trang.";
        CanonicalPath = "/chuong-trinh";
        Breadcrumbs.Add(("Chương trình", null));
        StructuredData.Add(JsonLd.Breadcrumbs(urls, [("Trang chủ", "/"), ("Chương trình", CanonicalPath)]));
    }
}
