using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.News;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ArticleModel(AppDbContext db, TimeProvider clock, SiteUrls urls) : FeedbackPageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];
    public string AbsoluteUrl { get; private set; } = "";
    public MediaFile? Image { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().Published(now)
            .Include(a => a.Topic).Include(a => a.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (article is null)
        {
            return await MovedOrNotFoundAsync(db, db.Articles.Published(now), slug, SiteUrls.Article, ct);
        }

        Article = article;
        if (article.FeaturedImage is not null)
        {
            Image = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.StorageName == article.FeaturedImage && m.Kind == MediaKind.Image, ct);
            OpenGraphImage = Image is null ? null : $"/media/{Image.StorageName}-share.jpg";
        }
        var related = db.Articles.AsNoTracking().Published(now).Where(a => a.Id != article.Id);
        related = article.TopicId is { } topicId ? related.InTopic(topicId) : related;
        Related = await related.Newest().Take(4).ToCards().ToListAsync(ct);

        Section = "news";
        PageTitle = article.SeoTitle ?? article.Title;
        MetaDescription = article.SeoDescription ?? article.Summary;
        OpenGraphType = "article";
        CanonicalPath = SiteUrls.Article(article.Slug);
        AbsoluteUrl = urls.Absolute(CanonicalPath);
        Breadcrumbs.Add(("Tin tức", "/tin-tuc"));
        if (article.Topic is not null)
        {
            Breadcrumbs.Add((article.Topic.Name, SiteUrls.Topic(article.Topic.Slug)));
        }

        Breadcrumbs.Add((article.Title, null));
        StructuredData.Add(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Title,
            ["description"] = article.Summary,
            ["datePublished"] = VietnamTime.Iso(article.PublishAt!.Value),
            ["dateModified"] = VietnamTime.Iso(article.UpdatedAt),
            ["inLanguage"] = "vi",
            ["mainEntityOfPage"] = AbsoluteUrl,
            ["author"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = article.Author ?? article.Source ?? "Ban biên tập" },
            ["articleSection"] = article.Topic?.Name,
            ["keywords"] = string.Join(", ", article.Tags.Select(t => t.Name)),
        });
        StructuredData.Add(BreadcrumbData(urls));
        return Page();
    }
}
