using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Tags;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, ArticleLists lists) : SitePageModel
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
        var now = clock.GetUtcNow().UtcDateTime;
        var size = News.IndexModel.PageSize;
        var slice = await lists.TagAsync(db, tag.Id, now, (page - 1) * size, size, ct);
        Pager = new Pager(page, size, slice.Total, Pager.Simple(SiteUrls.Tag(tag.Slug)));
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Articles = await db.Articles.AsNoTracking().Published(now).CardsOfAsync(slice.Ids, ct);
        Section = "news";
        PageTitle = $"Từ khóa: {tag.Name}";
        MetaDescription = $"Tin bài có từ khóa “{tag.Name}”.";
        CanonicalPath = Pager.Link(page);
        Breadcrumbs.Add(("Tin tức", "/tin-tuc"));
        Breadcrumbs.Add(($"Từ khóa: {tag.Name}", null));
        return Page();
    }
}
