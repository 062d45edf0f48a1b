using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>The privacy notice of the question form (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).</summary>
[OutputCache(PolicyName = Services.Caching.PublicCache.Policy)]
public class PrivacyModel(IOptions<SiteOptions> site, IOptions<RegistrationOptions> options) : SitePageModel
{
    public SiteOptions Site => site.Value;
    public int RetentionDays => options.Value.RetentionDays;

    public void OnGet()
    {
        PageTitle = "Thông báo xử lý dữ liệu cá nhân – Hỏi đáp";
        Section = "qa";
        CanonicalPath = "/hoi-dap/chinh-sach-du-lieu";
        Breadcrumbs.Add(("Hỏi đáp", "/hoi-dap"));
        Breadcrumbs.Add(("Thông báo xử lý dữ liệu cá nhân", null));
    }
}
