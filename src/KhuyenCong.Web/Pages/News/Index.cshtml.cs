using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.News;

[OutputCache(PolicyName = KhuyenCong.Web.Services.PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
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

        var published = db.Articles.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime);
        Pager = new Pager(page, PageSize, await published.CountAsync(ct), Pager.Simple("/tin-tuc"));
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Articles = await published.Newest().Skip(Pager.Skip).Take(PageSize).ToCards().ToListAsync(ct);
        Topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        Section = "news";
        PageTitle = page == 1 ? "Tin tức" : $"Tin tức – trang {page}";
        MetaDescription = "Tin tức về hoạt động khuyến công, chính sách, sản xuất sạch hơn, sản phẩm công nghiệp nông thôn tiêu biểu.";
        CanonicalPath = Pager.Link(page);
        Breadcrumbs.Add(("Tin tức", null));
        return Page();
    }
}
