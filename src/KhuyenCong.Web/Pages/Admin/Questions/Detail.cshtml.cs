using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Questions;

/// <summary>
/// One question: what was asked and by whom, status workflow, assignment, internal notes, the answer (Markdown
/// through the content sanitiser), publishing as a public item without personal data (publishers), history,
/// export and erasure of the person's data (all audited). The handlers shared with the registration page live in
/// <see cref="TriagePageModel{TRecord, TStatus}"/>; this page adds the answer, what its export holds, and
/// publishing as a public item (Detail.Publish.cs).
/// </summary>
public partial class DetailModel(AppDbContext db, QuestionStore store, AuditLog audit, UserManager<AppUser> users, TimeProvider clock,
    MarkdownRenderer markdown, ContentPublisher publisher, Services.Mail.MailOutbox mail) : TriagePageModel<Question, QuestionStatus>(db, audit, users, clock)
{
    // For the other part of this class (Detail.Publish.cs).
    private ContentPublisher Publisher => publisher;

    public Question Question => Record;
    public QaItem? Published { get; private set; }
    public string? PreviewHtml { get; private set; }

    [BindProperty(Name = "tra-loi")] public string? Answer { get; set; }
    [BindProperty(Name = "xem-truoc")] public string? Preview { get; set; }
    [BindProperty(Name = "tieu-de-cong-khai")] public string? PublicTitle { get; set; }
    [BindProperty(Name = "cau-hoi-cong-khai")] public string? PublicText { get; set; }

    public bool CanPublish => Workflow.CanPublish(User);

    protected override TriageType<QuestionStatus> Type => QuestionCatalog.Triage;

    protected override Task<Question?> FindAsync(long id, CancellationToken ct) => store.FindAsync(id, ct);

    protected override async Task LoadedAsync(CancellationToken ct) =>
        Published = Question.QaItemId is { } itemId ? await Db.QaItems.FirstOrDefaultAsync(q => q.Id == itemId, ct) : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Answer = Question.AnswerMarkdown;
        PublicTitle = Published?.Title ?? Question.Title;
        PublicText = Published?.QuestionText ?? Question.Text;
        return Page();
    }

    /// <summary>Saves the answer the asker sees in the lookup (or previews it); a first answer moves the question to "answered".</summary>
    public async Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var problem = FormText.Clean(Answer, "Câu trả lời", 20_000, true, out var text);
        if (problem is not null || text.Length == 0)
        {
            return Invalid("tra-loi", problem ?? "Nhập câu trả lời.");
        }

        string html;
        try
        {
            html = markdown.ToHtml(text);
        }
        catch (MarkdownRejectedException ex)
        {
            return Invalid("tra-loi", ex.Message);
        }

        if (Preview == "1")
        {
            ModelState.Clear();
            PreviewHtml = html;
            return Page();
        }

        if (Question.Status == QuestionStatus.Closed)
        {
            return Invalid("tra-loi", "Câu hỏi đã đóng; mở lại (chuyển sang “Đang xử lý”) trước khi trả lời.");
        }

        var now = Now;
        var first = Question.AnsweredAt is null;
        Question.AnswerMarkdown = text;
        Question.AnswerHtml = html;
        Question.AnsweredAt ??= now;
        if (first)
        {
            // Told once, in the same transaction as the answer; a later correction is seen in the lookup.
            await Services.Mail.QuestionMails.QuestionAnsweredAsync(mail, Question, ct);
        }

        Question.UpdatedAt = now;
        Question.AddEvent(QuestionEventKind.Answered, now, Audit.CurrentActor);
        if (Question.Status is QuestionStatus.Received or QuestionStatus.InProgress)
        {
            Question.MoveTo(QuestionStatus.Answered, now, Audit.CurrentActor);
        }

        Audit.Add("question-answer", Type.EntityName, Question.Reference);
        await Db.SaveChangesAsync(ct);
        return Done("Đã lưu câu trả lời; người hỏi xem được khi tra cứu.");
    }

    /// <summary>What was asked, by whom, consent and the answer.</summary>
    protected override Task<object> PersonDataAsync(CancellationToken ct)
    {
        var q = Question;
        object data = new
        {
            maSo = q.Reference, ngayGui = VietnamTime.Iso(q.SubmittedAt), trangThai = QuestionCatalog.StatusName(q.Status),
            linhVuc = QuestionCatalog.TopicName(q.Topic), tieuDe = q.Title, noiDung = q.Text, hoTen = q.AskerName, coSo = q.Organisation,
            thuDienTu = q.Email, dienThoai = q.Phone, dongYDangCongKhai = q.ConsentPublish, phienBanDongY = q.ConsentVersion,
            thoiDiemDongY = VietnamTime.Iso(q.ConsentAt), traLoi = q.AnswerMarkdown.Length == 0 ? null : q.AnswerMarkdown,
        };
        return Task.FromResult(data);
    }
}
