using System.Globalization;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Questions;

/// <summary>
/// One question: what was asked and by whom, status workflow, assignment, internal notes, the answer (Markdown
/// through the content sanitiser), publishing as a public item without personal data (publishers), history,
/// export and erasure of the person's data (all audited).
/// Longer than 150 lines on purpose: six short handlers of one record, each reading the record LoadAsync found;
/// the parts shared with the registration page live in <see cref="TriagePageModel"/>, publishing as a public item
/// in Detail.Publish.cs.
/// </summary>
public partial class DetailModel(AppDbContext db, QuestionStore store, AuditLog audit, UserManager<AppUser> users, TimeProvider clock,
    MarkdownRenderer markdown, ContentPublisher publisher, Services.Mail.MailOutbox mail) : TriagePageModel
{
    // For the other part of this class (Detail.Publish.cs).
    private AppDbContext Db => db;
    private TimeProvider Clock => clock;
    private AuditLog Audit => audit;
    private ContentPublisher Publisher => publisher;

    public Question Question { get; private set; } = null!;
    public QaItem? Published { get; private set; }
    public string? PreviewHtml { get; private set; }

    [BindProperty(Name = "trang-thai")] public string? NewStatus { get; set; }
    [BindProperty(Name = "ghi-chu")] public string? NoteText { get; set; }
    [BindProperty(Name = "nguoi")] public string? AssigneeId { get; set; }
    [BindProperty(Name = "tra-loi")] public string? Answer { get; set; }
    [BindProperty(Name = "xem-truoc")] public string? Preview { get; set; }
    [BindProperty(Name = "tieu-de-cong-khai")] public string? PublicTitle { get; set; }
    [BindProperty(Name = "cau-hoi-cong-khai")] public string? PublicText { get; set; }
    [BindProperty(Name = "xac-nhan")] public string? Confirm { get; set; }

    public bool CanPublish => Workflow.CanPublish(User);

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

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (NewStatus is not { Length: 1 } || !int.TryParse(NewStatus, NumberStyles.None, CultureInfo.InvariantCulture, out var raw)
            || !Enum.IsDefined((QuestionStatus)raw) || !QuestionCatalog.NextStatuses[Question.Status].Contains((QuestionStatus)raw))
        {
            return Invalid("trang-thai", "Chọn một trạng thái tiếp theo hợp lệ.");
        }

        var to = (QuestionStatus)raw;
        var now = clock.GetUtcNow().UtcDateTime;
        Question.Events.Add(new QuestionEvent { At = now, Actor = audit.CurrentActor, Kind = QuestionEventKind.StatusChanged, FromStatus = Question.Status, ToStatus = to });
        audit.Add("question-status", nameof(Models.Question), Question.Reference, $"{QuestionCatalog.StatusName(Question.Status)} → {QuestionCatalog.StatusName(to)}");
        Question.Status = to;
        Question.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Done("Đã chuyển trạng thái.");
    }

    public async Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var problem = FormText.Clean(NoteText, "Ghi chú", 2000, true, out var text);
        if (problem is not null || text.Length == 0)
        {
            return Invalid("ghi-chu", problem ?? "Nhập nội dung ghi chú.");
        }

        if (Question.PersonalDataErasedAt is not null)
        {
            return Invalid("ghi-chu", "Câu hỏi đã xóa dữ liệu cá nhân, không thể thêm ghi chú.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Question.Events.Add(new QuestionEvent { At = now, Actor = audit.CurrentActor, Kind = QuestionEventKind.InternalNote, Text = text });
        Question.UpdatedAt = now;
        audit.Add("question-note", nameof(Models.Question), Question.Reference);
        await db.SaveChangesAsync(ct);
        return Done("Đã thêm ghi chú nội bộ.");
    }

    public async Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        AppUser? user = null;
        if (!string.IsNullOrEmpty(AssigneeId) && (AssigneeId.Length > 100 || (user = Staff.FirstOrDefault(u => u.Id == AssigneeId)) is null))
        {
            return Invalid("nguoi", "Chọn một cán bộ trong danh sách.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Question.AssignedToId = user?.Id;
        Question.AssignedToName = user is null ? null : Name(user);
        Question.UpdatedAt = now;
        Question.Events.Add(new QuestionEvent { At = now, Actor = audit.CurrentActor, Kind = QuestionEventKind.Assigned, Text = Question.AssignedToName ?? "(bỏ phân công)" });
        audit.Add("question-assign", nameof(Models.Question), Question.Reference, Question.AssignedToName ?? "(bỏ phân công)");
        await db.SaveChangesAsync(ct);
        return Done("Đã phân công.");
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

        var now = clock.GetUtcNow().UtcDateTime;
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
        Question.Events.Add(new QuestionEvent { At = now, Actor = audit.CurrentActor, Kind = QuestionEventKind.Answered });
        if (Question.Status is QuestionStatus.Received or QuestionStatus.InProgress)
        {
            Question.Events.Add(new QuestionEvent { At = now, Actor = audit.CurrentActor, Kind = QuestionEventKind.StatusChanged, FromStatus = Question.Status, ToStatus = QuestionStatus.Answered });
            Question.Status = QuestionStatus.Answered;
        }

        audit.Add("question-answer", nameof(Models.Question), Question.Reference);
        await db.SaveChangesAsync(ct);
        return Done("Đã lưu câu trả lời; người hỏi xem được khi tra cứu.");
    }

    /// <summary>
    /// Publishes (or updates) the public item: the title and question as edited here, the answer, the topic; never
    /// the asker's name, organisation or contacts. Only with the asker's consent, only once answered, only publishers.
    /// </summary>
    /// <summary>The person's data as JSON (a request under Law 91/2025); audited.</summary>
    public async Task<IActionResult> OnPostExportAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var q = Question;
        var data = new
        {
            maSo = q.Reference, ngayGui = VietnamTime.Iso(q.SubmittedAt), trangThai = QuestionCatalog.StatusName(q.Status),
            linhVuc = QuestionCatalog.TopicName(q.Topic), tieuDe = q.Title, noiDung = q.Text, hoTen = q.AskerName, coSo = q.Organisation,
            thuDienTu = q.Email, dienThoai = q.Phone, dongYDangCongKhai = q.ConsentPublish, phienBanDongY = q.ConsentVersion,
            thoiDiemDongY = VietnamTime.Iso(q.ConsentAt), traLoi = q.AnswerMarkdown.Length == 0 ? null : q.AnswerMarkdown,
        };
        var now = clock.GetUtcNow().UtcDateTime;
        q.Events.Add(new QuestionEvent { At = now, Actor = audit.CurrentActor, Kind = QuestionEventKind.Exported });
        audit.Add("question-export-person", nameof(Models.Question), q.Reference);
        await db.SaveChangesAsync(ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, PersonJson), "application/json; charset=utf-8", $"{q.Reference}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Confirm != Question.Reference)
        {
            return Invalid("xac-nhan", "Gõ đúng mã số câu hỏi để xác nhận xóa dữ liệu cá nhân.");
        }

        QuestionStore.Erase(Question, clock.GetUtcNow().UtcDateTime, audit.CurrentActor, "Theo yêu cầu của người hỏi");
        await Services.Mail.MailOutbox.ForgetAsync(db, Services.Mail.QuestionMails.KeyPrefix(Question.Reference), ct);
        audit.Add("question-erase-person", nameof(Models.Question), Question.Reference, "Theo yêu cầu của người hỏi");
        await db.SaveChangesAsync(ct);
        return Done("Đã xóa dữ liệu cá nhân của câu hỏi.");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } question)
        {
            return false;
        }

        Question = question;
        Published = question.QaItemId is { } itemId ? await db.QaItems.FirstOrDefaultAsync(q => q.Id == itemId, ct) : null;
        PageTitle = "Câu hỏi " + question.Reference;
        await LoadStaffAsync(users, Roles.All);
        return true;
    }

    private RedirectResult Done(string message) => Done("/quan-tri/cau-hoi/", Question.Id, message);
}
