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
    /// <summary>
    /// Absolute base URL of every absolute link (canonical, og:url, feeds, sitemaps, robots.txt, .ics, the API) and,
    /// outside Development, the only host accepted. Required outside Development; in Development, unset means the
    /// request's own host.
    /// </summary>
    [Url] public string? PublicBaseUrl { get; set; }
}
