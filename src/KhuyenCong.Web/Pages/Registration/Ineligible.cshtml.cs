namespace KhuyenCong.Web.Pages.Registration;

/// <summary>Explains why an establishment outside the province cannot apply here, and where to turn.</summary>
public class IneligibleModel : SitePageModel
{
    public void OnGet()
    {
        PageTitle = "Cơ sở ngoài tỉnh chưa thể đăng ký tại đây";
        Section = "register";
        Breadcrumbs.Add(("Đăng ký hỗ trợ", "/dang-ky-ho-tro"));
        Breadcrumbs.Add((PageTitle, null));
    }
}
