using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Tags;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public Tag Tag { get; private set; } = null!;
    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page))
        {
            return BadInput();
        }

        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is null)
        {
            return NotFound();
        }

        Tag = tag;
        var articles = db.Articles.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime).WithTag(tag.Id);
        Pager = new Pager(page, News.IndexModel.PageSize, await articles.CountAsync(ct), Pager.Simple(SiteUrls.Tag(tag.Slug)));
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Articles = await articles.Newest().Skip(Pager.Skip).Take(Pager.PageSize).ToCards().ToListAsync(ct);
        Section = "news";
        PageTitle = $"Từ khóa: {tag.Name}";
        MetaDescription = $"Tin bài có từ khóa “{tag.Name}”.";
        CanonicalPath = Pager.Link(page);
        Breadcrumbs.Add(("Tin tức", "/tin-tuc"));
        Breadcrumbs.Add(($"Từ khóa: {tag.Name}", null));
        return Page();
    }
}
