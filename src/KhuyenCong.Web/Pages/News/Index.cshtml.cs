using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.News;

[OutputCache(PolicyName = KhuyenCong.Web.Services.Caching.PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock, KhuyenCong.Web.Services.Content.ArticleLists lists) : SitePageModel
{
    public const int PageSize = 10;

    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    /// <summary>The topic archives, so each is reachable from its parent list.</summary>
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page))
        {
            return BadInput();
        }

        // Page N is a slice of the list's order kept in memory: no OFFSET, the last page costs what page 2 costs.
        var now = clock.GetUtcNow().UtcDateTime;
        var slice = await lists.AllAsync(db, now, (page - 1) * PageSize, PageSize, ct);
        Pager = new Pager(page, PageSize, slice.Total, Pager.Simple("/tin-tuc"));
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Articles = await db.Articles.AsNoTracking().Published(now).CardsOfAsync(slice.Ids, ct);
        Topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Section = "news";
        PageTitle = page == 1 ? "Tin tức" : $"Tin tức – trang {page}";
        MetaDescription = "Tin tức về hoạt động khuyến công, chính sách, sản xuất sạch hơn, sản phẩm công nghiệp nông thôn tiêu biểu.";
        CanonicalPath = Pager.Link(page);
        Breadcrumbs.Add(("Tin tức", null));
        return Page();
    }
}
