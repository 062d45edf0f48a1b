using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>The privacy notice of the registration form (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).</summary>
public class PrivacyModel(IOptions<SiteOptions> site, IOptions<RegistrationOptions> options) : SitePageModel
{
    public SiteOptions Site => site.Value;
    public int RetentionDays => options.Value.RetentionDays;

    public void OnGet()
    {
        PageTitle = "Thông báo xử lý dữ liệu cá nhân";
        Section = "register";
        CanonicalPath = "/dang-ky-ho-tro/chinh-sach-du-lieu";
        Breadcrumbs.Add(("Đăng ký hỗ trợ", "/dang-ky-ho-tro"));
        Breadcrumbs.Add((PageTitle, null));
    }
}
