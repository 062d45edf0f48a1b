using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.ContentPages;

/// <summary>Static pages by their path in the page tree ("/chuong-trinh/muc-tieu"); the lowest-priority route.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls) : SitePageModel
{
    public Page Item { get; private set; } = null!;
    public IReadOnlyList<(string Title, string Path, string Summary)> Children { get; private set; } = [];
    public bool ShowContactBlock => Item.Path is "lien-he" or "english";

    public async Task<IActionResult> OnGetAsync(string? path, CancellationToken ct)
    {
        // A path of only white space or control characters (/%20, /%09, /%0A) arrives as no route value at all.
        path = path?.Trim('/') ?? "";
        if (path.Length is 0 or > 300)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var segments = path.Split('/');
        var ancestorPaths = Enumerable.Range(1, segments.Length).Select(n => string.Join('/', segments.Take(n))).ToList();
        var trail = await db.Pages.AsNoTracking().Published(now).Where(p => ancestorPaths.Contains(p.Path)).ToListAsync(ct);
        var page = trail.FirstOrDefault(p => p.Path == path);
        if (page is null)
        {
            // A page's old address (its path before a rename or a move) answers 301 with the current one.
            var current = await db.SlugRedirects.AsNoTracking()
                .Where(r => r.ContentType == nameof(Page) && r.OldSlug == path)
                .Join(db.Pages.Published(now), r => r.ContentId, p => p.Id, (r, p) => p.Path)
                .FirstOrDefaultAsync(ct);
            return current is null ? NotFound() : RedirectPermanent(SiteUrls.Page(current));
        }

        Item = page;
        Children = (await db.Pages.AsNoTracking().Published(now).Where(p => p.ParentId == page.Id)
                .OrderBy(p => p.SortOrder).ThenBy(p => p.Title)
                .Select(p => new { p.Title, p.Path, p.Summary }).ToListAsync(ct))
            .Select(p => (p.Title, p.Path, p.Summary)).ToList();

        Section = segments[0] switch { "chuong-trinh" => "program", "lien-he" => "contact", _ => null };
        PageTitle = page.SeoTitle ?? page.Title;
        MetaDescription = page.SeoDescription ?? page.Summary;
        CanonicalPath = SiteUrls.Page(page.Path);
        foreach (var ancestor in trail.Where(p => p.Path != path).OrderBy(p => p.Path.Length))
        {
            Breadcrumbs.Add((ancestor.Title, SiteUrls.Page(ancestor.Path)));
        }

        Breadcrumbs.Add((page.Title, null));
        StructuredData.Add(BreadcrumbData(urls));
        return Page();
    }
}
