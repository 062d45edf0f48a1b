using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>One published question and its answer, with FAQPage structured data; no personal data exists here.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls, MarkdownRenderer markdown) : SitePageModel
{
    public QaItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.QaItems.AsNoTracking().Published(now).FirstOrDefaultAsync(q => q.Slug == slug, ct);
        if (item is null)
        {
            return await MovedOrNotFoundAsync(db, db.QaItems.Published(now), slug, SiteUrls.Qa, ct);
        }

        Item = item;
        Section = "qa";
        PageTitle = item.SeoTitle ?? item.Title;
        MetaDescription = item.SeoDescription ?? (item.Summary.Length > 0 ? item.Summary : item.QuestionText.Length > 160 ? item.QuestionText[..160] + "…" : item.QuestionText);
        CanonicalPath = SiteUrls.Qa(item.Slug);
        Breadcrumbs.Add(("Hỏi đáp", "/hoi-dap"));
        Breadcrumbs.Add((QuestionCatalog.TopicName(item.Topic), "/hoi-dap?chu-de=" + item.Topic.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Breadcrumbs.Add((item.Title, null));
        StructuredData.Add(JsonLd.Faq(item.Title, item.QuestionText, markdown.ToPlainText(item.BodyMarkdown), urls.Absolute(CanonicalPath)));
        StructuredData.Add(JsonLd.Breadcrumbs(urls, [("Trang chủ", "/"), ("Hỏi đáp", "/hoi-dap"), (item.Title, CanonicalPath)]));
        return Page();
    }
}
