using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>Paged, sortable, filterable admin list of one content type (status, text; subclasses add more).</summary>
public abstract class ContentListModel<T> : SitePageModel where T : RoutedContent
{
    public const int PageSize = 25;

    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "trang-thai")] public ContentStatus? Status { get; set; }
    [FromQuery(Name = "sap-xep")] public string? Sort { get; set; }

    public IReadOnlyList<T> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public abstract string ListPath { get; }
    public abstract string TypeLabel { get; }

    protected abstract IQueryable<T> Source { get; }

    /// <summary>Extra filters of the subclass, applied before sorting.</summary>
    protected virtual IQueryable<T> Filter(IQueryable<T> query) => query;

    protected virtual IEnumerable<(string Name, string? Value)> ExtraQuery() => [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || Query?.Length > 200 || (Status is { } s && !Enum.IsDefined(s)))
        {
            return BadInput();
        }

        var query = Filter(Source.AsNoTracking());
        if (Status is { } status)
        {
            query = query.Where(x => x.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            // The slug is the folded title, so matching it makes the search work without diacritics.
            var q = Query.Trim();
            var folded = Slugifier.Slugify(q);
            query = query.Where(x => x.Title.Contains(q) || x.Slug.Contains(folded));
        }

        query = Sort switch
        {
            "tieu-de" => query.OrderBy(x => x.Title),
            "dang" => query.OrderByDescending(x => x.PublishAt),
            "trang-thai" => query.OrderBy(x => x.Status).ThenByDescending(x => x.UpdatedAt),
            _ => query.OrderByDescending(x => x.UpdatedAt),
        };
        Pager = new Pager(page, PageSize, await query.CountAsync(ct), Link);
        Rows = await query.Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        PageTitle = TypeLabel;
        return Page();
    }

    public string Link(int page) => LinkWith(page, Sort);

    public string LinkWith(int page, string? sort)
    {
        var parts = new List<(string Name, string? Value)> { ("q", Query), ("trang-thai", Status?.ToString()), ("sap-xep", sort) };
        parts.AddRange(ExtraQuery());
        if (page > 1)
        {
            parts.Add(("trang", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var query = string.Join('&', parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? ListPath : $"{ListPath}?{query}";
    }
}
