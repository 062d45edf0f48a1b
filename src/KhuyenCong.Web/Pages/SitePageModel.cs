using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
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

    /// <summary>
    /// A published item not found by its slug: 301 to its current address when the slug is an old one of a published
    /// item (renamed in the editor or in content/), else 404.
    /// </summary>
    protected async Task<IActionResult> MovedOrNotFoundAsync<T>(AppDbContext db, IQueryable<T> published, string slug, Func<string, string> pathOf, CancellationToken ct)
        where T : RoutedContent
    {
        ArgumentNullException.ThrowIfNull(pathOf);
        var current = await Showcase.RedirectedSlugAsync(db, published, slug, ct);
        return current is null ? NotFound() : RedirectPermanent(pathOf(current));
    }

    /// <summary>What a refused page's title starts with.</summary>
    public const string RefusedTitlePrefix = "Lỗi: ";

    /// <summary>
    /// The one way a page refuses a form or a request it answers in its own layout: "Lỗi: " before the title (read
    /// first by screen readers, WCAG 3.3.1) and a 4xx status (400 unless given: 409 for a conflict, 404 for a link
    /// that no longer leads anywhere, 429 for too many attempts…). With a heading, the title is that heading
    /// ("Lỗi: " + heading); without, the page's own title. Marking twice adds the prefix once.
    /// </summary>
    public void MarkRefused(int status = StatusCodes.Status400BadRequest, string? heading = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 499);
        var title = heading ?? PageTitle;
        PageTitle = title.StartsWith(RefusedTitlePrefix, StringComparison.Ordinal) ? title : RefusedTitlePrefix + title;
        Response.StatusCode = status;
    }

    /// <summary>One item's page: its menu section, title, description and canonical path, and the trail list › item.</summary>
    protected void DescribeItem(string section, string title, string description, string canonicalPath, (string Name, string Path) list, string name)
    {
        Section = section;
        PageTitle = title;
        MetaDescription = description;
        CanonicalPath = canonicalPath;
        Breadcrumbs.Add(list);
        Breadcrumbs.Add((name, null));
    }

    /// <summary>The breadcrumb trail as JSON-LD: the home page, then each step (the last one the canonical path).</summary>
    protected object BreadcrumbData(SiteUrls urls) =>
        JsonLd.Breadcrumbs(urls, new[] { ("Trang chủ", "/") }.Concat(Breadcrumbs.Select(b => (b.Name, b.Path ?? CanonicalPath ?? ""))));
}

/// <summary>A public page with the "Thông tin có hữu ích không?" vote (<see cref="PageFeedbacks"/>).</summary>
public abstract class FeedbackPageModel : SitePageModel
{
    /// <summary>"cam-on" after a vote on this page; part of the cache key.</summary>
    [BindProperty(SupportsGet = true, Name = PageFeedbacks.ResultKey)] public string? FeedbackResult { get; set; }
}
