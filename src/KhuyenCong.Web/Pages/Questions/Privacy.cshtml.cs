using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>The privacy notice of the question form.</summary>
[OutputCache(PolicyName = Services.Caching.PublicCache.Policy)]
public class PrivacyModel(IOptions<SiteOptions> site, IOptions<RegistrationOptions> options) : PrivacyNoticeModel(site, options)
{
    public void OnGet() => Describe("Thông báo xử lý dữ liệu cá nhân – Hỏi đáp", "qa", "/hoi-dap/chinh-sach-du-lieu",
        ("Hỏi đáp", "/hoi-dap"), "Thông báo xử lý dữ liệu cá nhân");
}
