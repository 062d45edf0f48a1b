using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Comments;

/// <summary>
/// Moderation of comments on draft documents: approve (shown on the draft's page without name or e-mail), reject,
/// erase one person's data. Every change is audited and evicts the cached pages.
/// </summary>
public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache) : SitePageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "trang-thai")] public string? Status { get; set; }
    [BindProperty(Name = "id")] public string? CommentId { get; set; }

    public IReadOnlyList<DocumentComment> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public static string StatusName(CommentStatus status) => status switch
    {
        CommentStatus.Pending => "Chờ duyệt",
        CommentStatus.Approved => "Đã duyệt, hiển thị",
        CommentStatus.Rejected => "Không hiển thị",
        _ => status.ToString(),
    };

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || !TryStatus(out var status))
        {
            return BadInput();
        }

        PageTitle = "Góp ý dự thảo";
        var query = db.DocumentComments.AsNoTracking().Include(c => c.Document).Where(c => c.Status == status);
        Pager = new Pager(page, PageSize, await query.CountAsync(ct),
            n => "/quan-tri/gop-y?trang-thai=" + ((int)status).ToString(CultureInfo.InvariantCulture) + (n > 1 ? "&trang=" + n.ToString(CultureInfo.InvariantCulture) : ""));
        Rows = await query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ModerateAsync(CommentStatus.Approved, "comment-approve", "Đã duyệt: góp ý hiển thị trên trang dự thảo.", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => ModerateAsync(CommentStatus.Rejected, "comment-reject", "Đã chuyển góp ý sang “Không hiển thị”.", ct);

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } comment)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Erase(comment, now);
        await Services.Mail.MailOutbox.ForgetAsync(db, Services.Mail.QuestionMails.CommentKeyPrefix(comment.IdempotencyKey), ct);
        audit.Add("comment-erase-person", nameof(DocumentComment), comment.Id.ToString(CultureInfo.InvariantCulture), "Theo yêu cầu của người góp ý");
        await db.SaveChangesAsync(ct);
        await ContentChanges.AnnounceAsync(db, cache, ct);
        TempData["Flash"] = "Đã xóa dữ liệu cá nhân của người góp ý.";
        return Redirect("/quan-tri/gop-y?trang-thai=" + ((int)comment.Status).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Clears who commented (name, organisation, e-mail); the text stays for the summary.</summary>
    public static void Erase(DocumentComment comment, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(comment);
        comment.Name = null;
        comment.Organisation = null;
        comment.Email = null;
        comment.PersonalDataErasedAt = now;
    }

    private async Task<IActionResult> ModerateAsync(CommentStatus to, string action, string message, CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } comment)
        {
            return NotFound();
        }

        var from = comment.Status;
        comment.Status = to;
        comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
        comment.ModeratedBy = audit.CurrentActor;
        audit.Add(action, nameof(DocumentComment), comment.Id.ToString(CultureInfo.InvariantCulture), $"{StatusName(from)} → {StatusName(to)}");
        await db.SaveChangesAsync(ct);
        // The draft's cached page lists approved comments.
        await ContentChanges.AnnounceAsync(db, cache, ct);
        TempData["Flash"] = message;
        return Redirect("/quan-tri/gop-y?trang-thai=" + ((int)from).ToString(CultureInfo.InvariantCulture));
    }

    private async Task<DocumentComment?> FindAsync(CancellationToken ct) =>
        CommentId is { Length: > 0 and <= 18 } && long.TryParse(CommentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.DocumentComments.FirstOrDefaultAsync(c => c.Id == id, ct)
            : null;

    private bool TryStatus(out CommentStatus status)
    {
        status = CommentStatus.Pending;
        if (string.IsNullOrEmpty(Status))
        {
            return true;
        }

        if (Status.Length == 1 && int.TryParse(Status, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) && Enum.IsDefined((CommentStatus)raw))
        {
            status = (CommentStatus)raw;
            return true;
        }

        return false;
    }
}
