using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

// Over 150 lines: the public comment form with the registration's anti-spam and the draft's open/closed window.
namespace KhuyenCong.Web.Pages.Documents;

/// <summary>
/// The comment form of a draft document open for comment (not cached: it carries an antiforgery token). The
/// registration's anti-spam; closed or not yet open drafts refuse with a Vietnamese message (the site's clock).
/// </summary>
[OutputCache(NoStore = true)]
[EnableRateLimiting(RegistrationOptions.SubmitRateLimit)]
public class CommentModel(AppDbContext db, QuestionStore tickets, TimeProvider clock, IOptions<RegistrationOptions> options, Services.Mail.MailOutbox mail) : Questions.QuestionPageModel
{
    public const string SentKey = "gop-y-da-gui";

    [BindProperty] public CommentForm Form { get; set; } = new();
    [BindProperty(Name = "phieu")] public string? Ticket { get; set; }

    public Document Document { get; private set; } = null!;
    public int RetentionDays => options.Value.RetentionDays;
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } missing)
        {
            return missing;
        }

        if (TempData.Peek(SentKey) is string sentSlug && sentSlug == slug && Request.Query.ContainsKey("da-gui"))
        {
            Sent = true;
            return Page();
        }

        if (Closed() is { } closed)
        {
            return closed;
        }

        Ticket = tickets.NewTicket();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } missing)
        {
            return missing;
        }

        if (Closed() is { } closed)
        {
            return closed;
        }

        if (!string.IsNullOrEmpty(Form.Website))
        {
            return Problem(StatusCodes.Status400BadRequest, "Không thể tiếp nhận dữ liệu",
                "Ô dành cho máy đã được điền nên góp ý không được tiếp nhận. Nếu bạn là người gửi, hãy để trống ô đó và thử lại.",
                SiteUrls.Document(slug) + "/gop-y", "Về biểu mẫu góp ý");
        }

        if (tickets.ReadTicket(Ticket) is not { } ticket)
        {
            return Problem(StatusCodes.Status400BadRequest, "Biểu mẫu không hợp lệ hoặc đã cũ",
                "Trang bạn gửi không phải biểu mẫu góp ý của trang này, hoặc đã được mở từ rất lâu. Vui lòng mở lại biểu mẫu và gửi lại.",
                SiteUrls.Document(slug) + "/gop-y", "Mở lại biểu mẫu");
        }

        var errors = Form.Validate(out var clean);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError("Form." + field, message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (errors.Count == 0 && now - ticket.StartedAt < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            ModelState.AddModelError(string.Empty,
                "Góp ý được gửi nhanh hơn thời gian cần để đọc và điền, nên hệ thống chưa tiếp nhận. Vui lòng kiểm tra lại rồi bấm “Gửi góp ý” lần nữa.");
        }

        if (!ModelState.IsValid)
        {
            MarkRefused();
            return Page();
        }

        if (!await db.DocumentComments.AnyAsync(c => c.IdempotencyKey == ticket.Key, ct))
        {
            var comment = new DocumentComment
            {
                DocumentId = Document.Id, SubmittedAt = now, IdempotencyKey = ticket.Key, Status = CommentStatus.Pending,
                Name = clean.Name, Organisation = clean.Organisation, Email = clean.Email, Section = clean.Section, Text = clean.Text,
                ConsentVersion = CommentForm.ConsentVersion, ConsentAt = now,
            };
            db.DocumentComments.Add(comment);
            // The notice to staff commits with the comment.
            await Services.Mail.QuestionMails.CommentReceivedAsync(mail, comment, Document, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same form sent twice at once: the first one is stored.
                db.ChangeTracker.Clear();
            }
        }

        TempData[SentKey] = slug;
        return Redirect(SiteUrls.Document(slug) + "/gop-y?da-gui=1");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var document = await db.Documents.AsNoTracking().Published(now).FirstOrDefaultAsync(d => d.Slug == slug, ct);
        if (document is null || !document.IsDraftForComment)
        {
            return NotFound();
        }

        Document = document;
        PageTitle = "Góp ý dự thảo";
        Section = "documents";
        Breadcrumbs.Add(("Văn bản", "/van-ban"));
        Breadcrumbs.Add(("Dự thảo lấy ý kiến", "/van-ban/du-thao"));
        Breadcrumbs.Add((document.Title, SiteUrls.Document(slug)));
        Breadcrumbs.Add(("Góp ý", null));
        return null;
    }

    private IActionResult? Closed()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Document.CommentOpensAt > now)
        {
            return Problem(StatusCodes.Status409Conflict, "Dự thảo chưa mở lấy ý kiến",
                $"Dự thảo này nhận góp ý từ {VietnamTime.DateAndTime(Document.CommentOpensAt)} đến {VietnamTime.DateAndTime(Document.CommentClosesAt)}. Vui lòng quay lại khi thời gian lấy ý kiến bắt đầu.",
                SiteUrls.Document(Document.Slug), "Về trang dự thảo");
        }

        if (Document.CommentClosesAt <= now)
        {
            return Problem(StatusCodes.Status409Conflict, "Đã hết hạn lấy ý kiến",
                $"Thời gian lấy ý kiến về dự thảo này đã kết thúc lúc {VietnamTime.DateAndTime(Document.CommentClosesAt)}; dự thảo không nhận thêm góp ý. Bản tổng hợp ý kiến (khi có) được đăng trên trang dự thảo.",
                SiteUrls.Document(Document.Slug), "Về trang dự thảo");
        }

        return null;
    }
}
