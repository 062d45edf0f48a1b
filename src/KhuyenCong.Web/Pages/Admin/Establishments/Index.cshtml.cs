using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Establishments;

/// <summary>Establishments shared by products, showrooms and fairs: search by name (without diacritics), paged.</summary>
public class IndexModel(AppDbContext db) : SitePageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Name, string Slug, EstablishmentKind Kind, string? Place, int Products, bool ConsentedToPublish, DateTime UpdatedAt);

    [FromQuery(Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || Query?.Length > 200)
        {
            return BadInput();
        }

        var query = db.Establishments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim();
            var folded = Slugifier.Slugify(q);
            query = query.Where(e => e.Name.Contains(q) || e.Slug.Contains(folded));
        }

        Pager = new Pager(page, PageSize, await query.CountAsync(ct), Link);
        Rows = await query.OrderBy(e => e.Slug).Skip(Pager.Skip).Take(PageSize)
            .Select(e => new Row(e.Id, e.Name, e.Slug, e.Kind, e.Place != null ? e.Place.Name : null, e.Products.Count, e.ConsentedToPublish, e.UpdatedAt))
            .ToListAsync(ct);
        PageTitle = "Cơ sở";
        return Page();
    }

    public string Link(int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            parts.Add("q=" + Uri.EscapeDataString(Query));
        }

        if (page > 1)
        {
            parts.Add("trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/quan-tri/co-so" : "/quan-tri/co-so?" + string.Join('&', parts);
    }
}
