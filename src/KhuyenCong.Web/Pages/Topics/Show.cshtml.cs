using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Topics;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, ArticleLists lists) : SitePageModel
{
    public Topic Topic { get; private set; } = null!;
    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page))
        {
            return BadInput();
        }

        var topic = await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (topic is null)
        {
            return NotFound();
        }

        Topic = topic;
        var now = clock.GetUtcNow().UtcDateTime;
        var size = News.IndexModel.PageSize;
        var slice = await lists.TopicAsync(db, topic.Id, now, (page - 1) * size, size, ct);
        Pager = new Pager(page, size, slice.Total, Pager.Simple(SiteUrls.Topic(topic.Slug)));
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Articles = await db.Articles.AsNoTracking().Published(now).CardsOfAsync(slice.Ids, ct);
        Section = "news";
        PageTitle = page == 1 ? topic.Name : $"{topic.Name} – trang {page}";
        MetaDescription = topic.Description;
        CanonicalPath = Pager.Link(page);
        Breadcrumbs.Add(("Tin tức", "/tin-tuc"));
        Breadcrumbs.Add((topic.Name, null));
        return Page();
    }
}
