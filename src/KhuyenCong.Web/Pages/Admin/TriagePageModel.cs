using System.Globalization;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>
/// Shared by the triage pages of registrations and questions (and the generic page below): the staff who may be
/// assigned, a refused field, the flash message after a change, and the person's data as JSON.
/// </summary>
public abstract class TriagePageModel : SitePageModel
{
    public IReadOnlyList<AppUser> Staff { get; private set; } = [];

    protected static readonly JsonSerializerOptions PersonJson = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>"Name (address)", or the address when the account has no name.</summary>
    public static string Name(AppUser user) => string.IsNullOrEmpty(user?.DisplayName) ? user?.Email ?? "" : $"{user.DisplayName} ({user.Email})";

    /// <summary>The enabled accounts of <paramref name="roles"/>, by name.</summary>
    protected async Task LoadStaffAsync(UserManager<AppUser> users, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        var staff = new Dictionary<string, AppUser>();
        foreach (var role in roles)
        {
            foreach (var u in await users.GetUsersInRoleAsync(role))
            {
                if (!u.IsDisabled)
                {
                    staff[u.Id] = u;
                }
            }
        }

        Staff = staff.Values.OrderBy(Name, StringComparer.Ordinal).ToList();
    }

    protected PageResult Invalid(string field, string message)
    {
        ModelState.AddModelError(field, message);
        MarkRefused();
        return Page();
    }

    /// <summary>Back to the record's page (<paramref name="path"/> + id) with the message shown once.</summary>
    protected RedirectResult Done(string path, long id, string message)
    {
        TempData["Flash"] = message;
        return Redirect(path + id.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The staff page of one triage record (a question, a registration): loading it, the status workflow, internal
/// notes, assignment, the person's data as JSON and its erasure, each with its history event, audit entry
/// ("{Code}-status", "{Code}-note", "{Code}-assign", "{Code}-export-person", "{Code}-erase-person") and flash
/// message. A page says only what differs: how its record is found, its <see cref="TriageType{TStatus}"/>, what
/// its export holds, and its own extra handlers or hooks (a status mail, a public reply).
/// </summary>
public abstract class TriagePageModel<TRecord, TStatus>(AppDbContext db, AuditLog audit, UserManager<AppUser> users, TimeProvider clock) : TriagePageModel
    where TRecord : class, ITriageRecord<TStatus>
    where TStatus : struct, Enum
{
    protected AppDbContext Db => db;
    protected AuditLog Audit => audit;
    protected TimeProvider Clock => clock;
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The record of the page, once <see cref="LoadAsync"/> found it.</summary>
    public TRecord Record { get; private set; } = null!;

    [BindProperty(Name = "trang-thai")] public string? NewStatus { get; set; }
    // Not "noi-dung": that is the id of the page's <main> (the skip link's target), and the field's id follows its name.
    [BindProperty(Name = "ghi-chu")] public string? NoteText { get; set; }
    [BindProperty(Name = "nguoi")] public string? AssigneeId { get; set; }
    [BindProperty(Name = "xac-nhan")] public string? Confirm { get; set; }

    protected abstract TriageType<TStatus> Type { get; }

    /// <summary>The record with its history (tracked), or null.</summary>
    protected abstract Task<TRecord?> FindAsync(long id, CancellationToken ct);

    /// <summary>Whatever else the page reads once the record is found.</summary>
    protected virtual Task LoadedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Called before a status change is saved (a mail to the person, in the same transaction).</summary>
    protected virtual Task StatusChangingAsync(TStatus from, TStatus status, DateTime at, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The label of the note field in its messages, and the message when it is empty.</summary>
    protected virtual (string Label, string Missing) NoteWords => ("Ghi chú", "Nhập nội dung ghi chú.");

    /// <summary>Adds the note's event and audit entry; returns the flash message.</summary>
    protected virtual Task<string> AddNoteAsync(string text, DateTime at, CancellationToken ct)
    {
        Record.AddEvent(TriageEventKind.InternalNote, at, audit.CurrentActor, text);
        audit.Add($"{Type.Code}-note", Type.EntityName, Record.Reference);
        return Task.FromResult("Đã thêm ghi chú nội bộ.");
    }

    /// <summary>The person's data, serialised as the JSON of <see cref="OnPostExportAsync"/>.</summary>
    protected abstract Task<object> PersonDataAsync(CancellationToken ct);

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var from = Record.Status;
        var to = NewStatus is { Length: 1 } && int.TryParse(NewStatus, NumberStyles.None, CultureInfo.InvariantCulture, out var raw)
            ? (TStatus)Enum.ToObject(typeof(TStatus), raw) : (TStatus?)null;
        if (to is not { } next || !Enum.IsDefined(next) || !Type.NextStatuses[from].Contains(next))
        {
            return Invalid("trang-thai", "Chọn một trạng thái tiếp theo hợp lệ.");
        }

        var now = Now;
        audit.Add($"{Type.Code}-status", Type.EntityName, Record.Reference, $"{Type.StatusName(from)} → {Type.StatusName(next)}");
        await StatusChangingAsync(from, next, now, ct);
        Record.MoveTo(next, now, audit.CurrentActor);
        await db.SaveChangesAsync(ct);
        return Done("Đã chuyển trạng thái.");
    }

    public async Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var problem = FormText.Clean(NoteText, NoteWords.Label, 2000, true, out var text);
        if (problem is not null || text.Length == 0)
        {
            return Invalid("ghi-chu", problem ?? NoteWords.Missing);
        }

        if (Record.PersonalDataErasedAt is not null)
        {
            return Invalid("ghi-chu", $"{Type.Title} đã xóa dữ liệu cá nhân, không thể thêm ghi chú.");
        }

        var now = Now;
        var message = await AddNoteAsync(text, now, ct);
        Record.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Done(message);
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

        var now = Now;
        Record.AssignedToId = user?.Id;
        Record.AssignedToName = user is null ? null : Name(user);
        Record.UpdatedAt = now;
        var who = Record.AssignedToName ?? "(bỏ phân công)";
        Record.AddEvent(TriageEventKind.Assigned, now, audit.CurrentActor, who);
        audit.Add($"{Type.Code}-assign", Type.EntityName, Record.Reference, who);
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

        var data = await PersonDataAsync(ct);
        Record.AddEvent(TriageEventKind.Exported, Now, audit.CurrentActor);
        audit.Add($"{Type.Code}-export-person", Type.EntityName, Record.Reference);
        await db.SaveChangesAsync(ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, PersonJson), "application/json; charset=utf-8", $"{Record.Reference}.json");
    }

    /// <summary>Erases the person's data on their request, once the reference is typed to confirm; audited.</summary>
    public async Task<IActionResult> OnPostEraseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Confirm != Record.Reference)
        {
            return Invalid("xac-nhan", $"Gõ đúng mã số {Type.Noun} để xác nhận xóa dữ liệu cá nhân.");
        }

        await Triage.EraseAsync(db, audit, Type, Record, Now, audit.CurrentActor, "Theo yêu cầu của " + Type.Person, "person", ct);
        await db.SaveChangesAsync(ct);
        return Done($"Đã xóa dữ liệu cá nhân của {Type.Noun}.");
    }

    /// <summary>Finds the record, titles the page and reads the staff who may be assigned; false when there is no such record.</summary>
    protected async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } record)
        {
            return false;
        }

        Record = record;
        PageTitle = $"{Type.Title} {record.Reference}";
        await LoadedAsync(ct);
        await LoadStaffAsync(users, Roles.All);
        return true;
    }

    /// <summary>Back to the record's page with the message shown once.</summary>
    protected RedirectResult Done(string message) => Done(Type.AdminPath, Record.Id, message);
}
