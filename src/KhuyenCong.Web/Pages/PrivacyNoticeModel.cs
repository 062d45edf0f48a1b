using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages;

/// <summary>
/// A privacy notice of a public form (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the controller's contacts and the
/// retention period; each form's page gives its title, address and place in the site.
/// </summary>
public abstract class PrivacyNoticeModel(IOptions<SiteOptions> site, IOptions<RegistrationOptions> options) : SitePageModel
{
    public SiteOptions Site => site.Value;
    public int RetentionDays => options.Value.RetentionDays;

    protected void Describe(string title, string section, string path, (string Name, string Path) parent, string crumb)
    {
        PageTitle = title;
        Section = section;
        CanonicalPath = path;
        Breadcrumbs.Add(parent);
        Breadcrumbs.Add((crumb, null));
    }
}
