using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>The privacy notice of the registration form.</summary>
public class PrivacyModel(IOptions<SiteOptions> site, IOptions<RegistrationOptions> options) : PrivacyNoticeModel(site, options)
{
    public void OnGet() => Describe("Thông báo xử lý dữ liệu cá nhân", "register", RegistrationPageModel.Start + "/chinh-sach-du-lieu",
        ("Đăng ký hỗ trợ", RegistrationPageModel.Start), "Thông báo xử lý dữ liệu cá nhân");
}
