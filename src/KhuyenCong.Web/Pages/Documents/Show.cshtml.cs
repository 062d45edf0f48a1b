using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Documents;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls) : FeedbackPageModel
{
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
            return await MovedOrNotFoundAsync(db, db.Documents.Published(now), slug, SiteUrls.Document, ct);
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

        var title = doc.Number is null ? doc.Title : $"{doc.Kind} {doc.Number}";
        DescribeItem("documents", title, doc.Summary, SiteUrls.Document(doc.Slug), ("Văn bản", "/van-ban"), title);
        StructuredData.Add(BreadcrumbData(urls));
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
