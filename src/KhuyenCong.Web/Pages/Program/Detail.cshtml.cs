using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KhuyenCong.Web.Pages.Program;

/// <summary>/chuong-trinh/so-lieu[/{period}]: every long table of a period, kept off the summary page so it stays light on a phone.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class DetailModel(ProgramProgress progress, SiteUrls urls) : SitePageModel
{
    public ProgramReport Report { get; private set; } = null!;
    public DataTable Table(string name) => Report.Table(name)!;
    public string BackPath { get; private set; } = "/chuong-trinh";

    public async Task<IActionResult> OnGetAsync([FromRoute] string? period, CancellationToken ct)
    {
        Report = await progress.ReportAsync(period, ct);
        if (Report.Period is null)
        {
            return NotFound();
        }

        var shown = Report.Calendar!.Shown?.Code == Report.Period.Code;
        if (period is not null && shown)
        {
            return RedirectPermanent("/chuong-trinh/so-lieu");
        }

        BackPath = shown ? "/chuong-trinh" : "/chuong-trinh/giai-doan/" + Report.Period.Code;
        Section = "program";
        PageTitle = "Số liệu chi tiết – " + Report.Period.Title;
        MetaDescription = $"Bảng số liệu chi tiết của {Report.Period.Title}: từng năm, phụ lục kinh phí, so sánh và số liệu không khớp; tải CSV.";
        CanonicalPath = shown ? "/chuong-trinh/so-lieu" : "/chuong-trinh/so-lieu/" + Report.Period.Code;
        Breadcrumbs.Add(("Chương trình", "/chuong-trinh"));
        Breadcrumbs.Add(("Số liệu chi tiết", null));
        StructuredData.Add(JsonLd.Breadcrumbs(urls, [("Trang chủ", "/"), ("Chương trình", "/chuong-trinh"), ("Số liệu chi tiết", CanonicalPath)]));
        return Page();
    }
}
