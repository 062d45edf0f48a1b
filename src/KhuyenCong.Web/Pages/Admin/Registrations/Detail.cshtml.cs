using System.Globalization;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Registrations;

/// <summary>One registration: full answers, status workflow, notes and public replies, assignment, history,
/// export and erasure of the person's data (both audited). Longer than 150 lines on purpose: five short handlers of
/// one record; the parts shared with the question page live in <see cref="TriagePageModel"/>.</summary>
public class DetailModel(AppDbContext db, RegistrationStore store, AuditLog audit, UserManager<AppUser> users, TimeProvider clock, MailOutbox mail) : TriagePageModel
{
    public Models.Registration Registration { get; private set; } = null!;

    /// <summary>
    /// The answers as <see cref="RegistrationFields"/> words them, in its order (a field added there shows here too);
    /// an answer erased with the person's data reads "(đã xóa)".
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> Answers => RegistrationFields.All
        .Where(f => f.Shown is not null && f.Asked(Registration))
        .Select(f => (f.Label, Registration.PersonalDataErasedAt is not null && f.Value(Registration) is null ? "(đã xóa)" : f.Shown!(Registration)))
        .ToList();

    [BindProperty(Name = "trang-thai")] public string? NewStatus { get; set; }
    // Not "noi-dung": that is the id of the page's <main> (the skip link's target), and the field's id follows its name.
    [BindProperty(Name = "ghi-chu")] public string? NoteText { get; set; }
    [BindProperty(Name = "cong-khai")] public string? IsPublic { get; set; }
    [BindProperty(Name = "nguoi")] public string? AssigneeId { get; set; }
    [BindProperty(Name = "xac-nhan")] public string? Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!int.TryParse(NewStatus, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) || !Enum.IsDefined((RegistrationStatus)raw)
            || !RegistrationCatalog.NextStatuses[Registration.Status].Contains((RegistrationStatus)raw))
        {
            return Invalid("trang-thai", "Chọn một trạng thái tiếp theo hợp lệ.");
        }

        var to = (RegistrationStatus)raw;
        var now = clock.GetUtcNow().UtcDateTime;
        Registration.Events.Add(new RegistrationEvent { At = now, Actor = audit.CurrentActor, Kind = RegistrationEventKind.StatusChanged, FromStatus = Registration.Status, ToStatus = to });
        audit.Add("registration-status", "Registration", Registration.Reference, $"{RegistrationCatalog.StatusName(Registration.Status)} → {RegistrationCatalog.StatusName(to)}");
        await mail.StatusChangedAsync(Registration, Registration.Status, to, now, ct);
        Registration.Status = to;
        Registration.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Done("Đã chuyển trạng thái.");
    }

    public async Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var problem = FormText.Clean(NoteText, "Nội dung", 2000, true, out var text);
        if (problem is not null || text.Length == 0)
        {
            return Invalid("ghi-chu", problem ?? "Nhập nội dung ghi chú hoặc trả lời.");
        }

        if (Registration.PersonalDataErasedAt is not null)
        {
            return Invalid("ghi-chu", "Hồ sơ đã xóa dữ liệu cá nhân, không thể thêm ghi chú.");
        }

        var isPublic = IsPublic == "1";
        var now = clock.GetUtcNow().UtcDateTime;
        Registration.Events.Add(new RegistrationEvent
        {
            At = now, Actor = audit.CurrentActor, Kind = isPublic ? RegistrationEventKind.PublicReply : RegistrationEventKind.InternalNote, Text = text, IsPublic = isPublic,
        });
        Registration.UpdatedAt = now;
        audit.Add(isPublic ? "registration-reply" : "registration-note", "Registration", Registration.Reference);
        if (isPublic)
        {
            await mail.RepliedAsync(Registration, text, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return Done(isPublic ? "Đã gửi trả lời công khai." : "Đã thêm ghi chú nội bộ.");
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
        Registration.AssignedToId = user?.Id;
        Registration.AssignedToName = user is null ? null : Name(user);
        Registration.UpdatedAt = now;
        Registration.Events.Add(new RegistrationEvent { At = now, Actor = audit.CurrentActor, Kind = RegistrationEventKind.Assigned, Text = Registration.AssignedToName ?? "(bỏ phân công)" });
        audit.Add("registration-assign", "Registration", Registration.Reference, Registration.AssignedToName ?? "(bỏ phân công)");
        await db.SaveChangesAsync(ct);
        return Done("Đã phân công.");
    }

    /// <summary>The person's data as JSON (a request under Law 91/2025); audited.</summary>
    public async Task<IActionResult> OnPostExportAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var r = Registration;
        var prefix = RegistrationMails.KeyPrefix(r.Reference);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.EventKey.StartsWith(prefix) && m.Recipient == r.Email).OrderBy(m => m.Id)
            .Select(m => new { m.Subject, m.CreatedAt, m.SentAt, m.Status }).ToListAsync(ct);
        var data = new
        {
            maSo = r.Reference, ngayGui = VietnamTime.Iso(r.SubmittedAt), trangThai = RegistrationCatalog.StatusName(r.Status),
            loaiHinh = RegistrationCatalog.TypeName(r.EstablishmentType), loaiHinhKhac = r.OtherTypeText, tenCoSo = r.EstablishmentName,
            noiSanXuat = r.PlaceName, nganh = RegistrationCatalog.SectorName(r.Sector), sanPham = r.MainProducts, soLaoDong = r.Workers,
            soNamHoatDong = r.YearsOperating, noiDungHoTro = r.Lines.Select(RegistrationCatalog.LineName).ToList(), noiDungKhac = r.OtherSupportText,
            mayMoc = r.MachineDescription, giaTriMayMoc = r.MachineCost, duAn = r.ProjectSummary, tongVon = r.Investment, vonTuCo = r.OwnContribution,
            thoiGian = RegistrationCatalog.TimingName(r.Timing), nguoiLienHe = r.ContactName, chucVu = r.ContactRole, dienThoai = r.Phone,
            thuDienTu = r.Email, maSoThue = r.TaxCode, dongYXuLy = r.ConsentHandling, dongYNhanTin = r.ConsentNews,
            phienBanDongY = r.ConsentVersion, thoiDiemDongY = VietnamTime.Iso(r.ConsentAt),
            traLoi = r.Events.Where(e => e.IsPublic).Select(e => new { luc = VietnamTime.Iso(e.At), noiDung = e.Text }).ToList(),
            thuDaGui = mails.Select(m => new
            {
                tieuDe = m.Subject, ghiLuc = VietnamTime.Iso(m.CreatedAt), guiLuc = m.SentAt is { } at ? VietnamTime.Iso(at) : null, trangThai = OutboxStatusText.Name(m.Status),
            }).ToList(),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        r.Events.Add(new RegistrationEvent { At = now, Actor = audit.CurrentActor, Kind = RegistrationEventKind.Exported });
        audit.Add("registration-export-person", "Registration", r.Reference);
        await db.SaveChangesAsync(ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(data, PersonJson);
        return File(json, "application/json; charset=utf-8", $"{r.Reference}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Confirm != Registration.Reference)
        {
            return Invalid("xac-nhan", "Gõ đúng mã số hồ sơ để xác nhận xóa dữ liệu cá nhân.");
        }

        RegistrationStore.Erase(Registration, clock.GetUtcNow().UtcDateTime, audit.CurrentActor, "Theo yêu cầu của người đăng ký");
        // The mail about the registration holds the person's address and words: it goes too (unsent mail is not sent).
        await MailOutbox.ForgetAsync(db, RegistrationMails.KeyPrefix(Registration.Reference), ct);
        audit.Add("registration-erase-person", "Registration", Registration.Reference, "Theo yêu cầu của người đăng ký");
        await db.SaveChangesAsync(ct);
        return Done("Đã xóa dữ liệu cá nhân của hồ sơ.");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } registration)
        {
            return false;
        }

        Registration = registration;
        PageTitle = "Hồ sơ " + registration.Reference;
        await LoadStaffAsync(users, [Roles.Admin, Roles.Publisher, Roles.Editor]);
        return true;
    }

    private RedirectResult Done(string message) => Done("/quan-tri/dang-ky/", Registration.Id, message);
}
