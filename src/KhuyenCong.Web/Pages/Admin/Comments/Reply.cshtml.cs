using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Comments;

/// <summary>
/// The public reply to one approved comment on a draft: Markdown through the content sanitiser (with a preview),
/// shown under the comment on the draft's page; audited; the first reply is mailed to the commenter through the
/// outbox in the same transaction.
/// </summary>
public class ReplyModel(AppDbContext db, AuditLog audit, TimeProvider clock, MarkdownRenderer markdown, MailOutbox mail, IOutputCacheStore cache) : SitePageModel
{
    public DocumentComment Comment { get; private set; } = null!;
    public string? PreviewHtml { get; private set; }

    [BindProperty(Name = "tra-loi")] public string? Reply { get; set; }
    [BindProperty(Name = "xem-truoc")] public string? Preview { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Reply = Comment.ReplyMarkdown;
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Comment.Status != CommentStatus.Approved)
        {
            return Invalid("Chỉ trả lời công khai được góp ý đã duyệt cho hiển thị; hãy duyệt góp ý trước.");
        }

        var problem = FormText.Clean(Reply, "Trả lời", 10_000, true, out var text);
        if (problem is not null || text.Length == 0)
        {
            return Invalid(problem ?? "Nhập nội dung trả lời.");
        }

        string html;
        try
        {
            html = markdown.ToHtml(text);
        }
        catch (MarkdownRejectedException ex)
        {
            return Invalid(ex.Message);
        }

        if (Preview == "1")
        {
            ModelState.Clear();
            PreviewHtml = html;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var first = Comment.RepliedAt is null;
        Comment.ReplyMarkdown = text;
        Comment.ReplyHtml = html;
        Comment.RepliedAt = now;
        Comment.RepliedBy = audit.CurrentActor;
        if (first)
        {
            // Told once, in the same transaction as the reply; a later correction shows on the page.
            await mail.CommentRepliedAsync(Comment, Comment.Document!, ct);
        }

        audit.Add("comment-reply", nameof(DocumentComment), Comment.Id.ToString(CultureInfo.InvariantCulture), first ? "Trả lời mới" : "Sửa trả lời");
        await db.SaveChangesAsync(ct);
        // The draft's cached page shows the reply.
        await ContentChanges.AnnounceAsync(db, cache, ct);
        TempData["Flash"] = first ? "Đã đăng trả lời dưới góp ý." : "Đã cập nhật trả lời.";
        return Redirect("/quan-tri/gop-y/" + Comment.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.DocumentComments.Include(c => c.Document).FirstOrDefaultAsync(c => c.Id == id, ct) is not { } comment)
        {
            return false;
        }

        Comment = comment;
        PageTitle = "Trả lời góp ý số " + id.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private PageResult Invalid(string message)
    {
        ModelState.AddModelError("tra-loi", message);
        MarkRefused();
        return Page();
    }
}
