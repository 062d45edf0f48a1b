using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Documents;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls) : SitePageModel
{
    /// <summary>"cam-on" after a vote on this page ("Thông tin có hữu ích không?"); part of the cache key.</summary>
    [BindProperty(SupportsGet = true, Name = PageFeedbacks.ResultKey)] public string? FeedbackResult { get; set; }

    public Document Document { get; private set; } = null!;
    /// <summary>Approved comments of a draft for comment (no names or e-mails are loaded).</summary>
    public IReadOnlyList<ShownComment> Comments { get; private set; } = [];

    /// <summary>An approved comment as the public sees it, with staff's reply (sanitised HTML) when there is one.</summary>
    public sealed record ShownComment(long Id, DateTime At, string? Organisation, string? Section, string Text, string? ReplyHtml, DateTime? RepliedAt);
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var doc = await db.Documents.AsNoTracking().Published(now).FirstOrDefaultAsync(d => d.Slug == slug, ct);
        if (doc is null)
        {
            // An old address (renamed in the editor or in content/) answers 301 with the current one.
            var current = await Showcase.RedirectedSlugAsync(db, db.Documents.Published(now), slug, ct);
            return current is null ? NotFound() : RedirectPermanent(SiteUrls.Document(current));
        }

        Document = doc;
        Now = now;
        if (doc.IsDraftForComment)
        {
            Comments = (await db.DocumentComments.AsNoTracking()
                    .Where(c => c.DocumentId == doc.Id && c.Status == CommentStatus.Approved && c.Text != null)
                    .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id)
                    .Select(c => new { c.Id, c.SubmittedAt, c.Organisation, c.Section, c.Text, c.ReplyHtml, c.RepliedAt }).ToListAsync(ct))
                .Select(c => new ShownComment(c.Id, c.SubmittedAt, c.Organisation, c.Section, c.Text!, c.ReplyHtml, c.RepliedAt)).ToList();
        }

        Section = "documents";
        PageTitle = doc.Number is null ? doc.Title : $"{doc.Kind} {doc.Number}";
        MetaDescription = doc.Summary;
        CanonicalPath = SiteUrls.Document(doc.Slug);
        Breadcrumbs.Add(("Văn bản", "/van-ban"));
        Breadcrumbs.Add((PageTitle, null));
        StructuredData.Add(JsonLd.Breadcrumbs(urls, [("Trang chủ", "/"), ("Văn bản", "/van-ban"), (PageTitle, CanonicalPath)]));
        return Page();
    }

    public static string FileLabel(Document d)
    {
        var ext = Path.GetExtension(d.FileName ?? "").TrimStart('.').ToUpperInvariant();
        var size = d.FileSize ?? 0;
        var sizeText = size >= 1024 * 1024 ? $"{size / 1024.0 / 1024.0:0.0} MB" : $"{Math.Max(1, size / 1024)} KB";
        return $"{ext}, {sizeText.Replace('.', ',')}";
    }
}
