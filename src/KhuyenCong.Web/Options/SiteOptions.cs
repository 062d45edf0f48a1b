using System.ComponentModel.DataAnnotations;

namespace KhuyenCong.Web.Options;

/// <summary>The site's name and the agency's contact block shown on every page (section "Site").</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required] public string Name { get; set; } = "";
    [Required] public string ShortName { get; set; } = "";
    [Required] public string AgencyName { get; set; } = "";
    public string UnitName { get; set; } = "";
    [Required] public string Address { get; set; } = "";
    [Required] public string Phone { get; set; } = "";
    public string UnitPhone { get; set; } = "";
    [Required, EmailAddress] public string Email { get; set; } = "";
    /// <summary>Absolute base URL used in feeds, sitemaps and canonical links when set; otherwise the request's host.</summary>
    [Url] public string? PublicBaseUrl { get; set; }
}
