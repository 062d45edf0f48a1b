using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages;

/// <summary>What the layout needs from every public page: title, description, canonical path, breadcrumb, JSON-LD.</summary>
public abstract class SitePageModel : PageModel
{
    public string PageTitle { get; protected set; } = "";
    public string MetaDescription { get; protected set; } = "";
    /// <summary>Site-relative path of the canonical URL (query strings that matter included).</summary>
    public string? CanonicalPath { get; protected set; }
    public string OpenGraphType { get; protected set; } = "website";
    /// <summary>Site-relative path of the 1200×630 share image, when the page has one.</summary>
    public string? OpenGraphImage { get; protected set; }
    /// <summary>Trail shown above the title; the home page link comes first automatically.</summary>
    public List<(string Name, string? Path)> Breadcrumbs { get; } = [];
    public List<object> StructuredData { get; } = [];
    /// <summary>The main-menu entry to mark as current.</summary>
    public string? Section { get; protected set; }

    /// <summary>"?trang=N" parsed: null when missing, a 400 result when malformed.</summary>
    protected static bool TryParsePage(string? raw, out int page)
    {
        page = 1;
        return string.IsNullOrEmpty(raw)
            || (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= 100_000);
    }

    protected IActionResult BadInput() => StatusCode(StatusCodes.Status400BadRequest);
}
