using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Registrations;

/// <summary>
/// One registration: full answers, status workflow (each change mailed to the applicant), notes and public
/// replies, assignment, history, export and erasure of the person's data (both audited). The handlers shared with
/// the question page live in <see cref="TriagePageModel{TRecord, TStatus}"/>; this page adds the answers, the
/// mails and the public reply, and what its export holds.
/// </summary>
public class DetailModel(AppDbContext db, RegistrationStore store, AuditLog audit, UserManager<AppUser> users, TimeProvider clock, MailOutbox mail)
    : TriagePageModel<Models.Registration, RegistrationStatus>(db, audit, users, clock)
{
    public Models.Registration Registration => Record;

    /// <summary>
    /// The answers as <see cref="RegistrationFields"/> words them, in its order (a field added there shows here too);
    /// an answer erased with the person's data reads "(đã xóa)".
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> Answers => RegistrationFields.All
        .Where(f => f.Shown is not null && f.Asked(Registration))
        .Select(f => (f.Label, Registration.PersonalDataErasedAt is not null && f.Value(Registration) is null ? "(đã xóa)" : f.Shown!(Registration)))
        .ToList();

    [BindProperty(Name = "cong-khai")] public string? IsPublic { get; set; }

    protected override TriageType<RegistrationStatus> Type => RegistrationCatalog.Triage;

    protected override Task<Models.Registration?> FindAsync(long id, CancellationToken ct) => store.FindAsync(id, ct);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    protected override Task StatusChangingAsync(RegistrationStatus from, RegistrationStatus status, DateTime at, CancellationToken ct) =>
        mail.StatusChangedAsync(Registration, from, status, at, ct);

    protected override (string Label, string Missing) NoteWords => ("Nội dung", "Nhập nội dung ghi chú hoặc trả lời.");

    /// <summary>A note, or with "cong-khai" a reply the applicant reads in the lookup and receives by mail.</summary>
    protected override async Task<string> AddNoteAsync(string text, DateTime at, CancellationToken ct)
    {
        if (IsPublic != "1")
        {
            return await base.AddNoteAsync(text, at, ct);
        }

        Registration.AddEvent(RegistrationEventKind.PublicReply, at, Audit.CurrentActor, text).IsPublic = true;
        Audit.Add("registration-reply", Type.EntityName, Registration.Reference);
        await mail.RepliedAsync(Registration, text, at, ct);
        return "Đã gửi trả lời công khai.";
    }

    /// <summary>Every answer of the form (<see cref="RegistrationFields"/>), consent, the public replies and the mail sent.</summary>
    protected override async Task<object> PersonDataAsync(CancellationToken ct)
    {
        var r = Registration;
        var prefix = Type.KeyPrefix(r.Reference);
        var mails = await Db.OutboxMessages.AsNoTracking().Where(m => m.EventKey.StartsWith(prefix) && m.Recipient == r.Email).OrderBy(m => m.Id)
            .Select(m => new { m.Subject, m.CreatedAt, m.SentAt, m.Status }).ToListAsync(ct);
        return RegistrationFields.PersonalData(r,
            ("traLoi", r.Events.Where(e => e.IsPublic).Select(e => new { luc = VietnamTime.Iso(e.At), noiDung = e.Text }).ToList()),
            ("thuDaGui", mails.Select(m => new
            {
                tieuDe = m.Subject, ghiLuc = VietnamTime.Iso(m.CreatedAt), guiLuc = m.SentAt is { } at ? VietnamTime.Iso(at) : null, trangThai = OutboxStatusText.Name(m.Status),
            }).ToList()));
    }
}
