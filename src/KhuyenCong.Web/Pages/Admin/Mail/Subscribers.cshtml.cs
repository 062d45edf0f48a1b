using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Mail;

/// <summary>
/// A person's rights over "Nhận tin qua e-mail" (Law 91/2025), for admins: find an address, export what is stored
/// about it (subscriptions, consent, mail sent) as JSON, or erase it (subscriptions and every outbox row to it).
/// Both are audited under a short hash of the address, never the address itself.
/// </summary>
public class SubscribersModel(AppDbContext db, MailSubscriptions subscriptions, AuditLog audit) : SitePageModel
{
    [BindProperty(SupportsGet = true, Name = "thu-dien-tu")] public string? Email { get; set; }
    [BindProperty(Name = "xac-nhan")] public string? Confirm { get; set; }

    public string? Address { get; private set; }
    public IReadOnlyList<MailSubscriber> Found { get; private set; } = [];
    public int MailCount { get; private set; }
    public int ConfirmedTotal { get; private set; }
    public int PendingTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Address is null)
        {
            return Invalid("thu-dien-tu", "Nhập địa chỉ thư điện tử cần xuất dữ liệu.");
        }

        var data = await subscriptions.ExportAsync(Address, ct);
        await audit.WriteAsync("subscriber-export-person", "MailSubscriber", AuditId(Address), ct: ct);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, PersonJson), "application/json; charset=utf-8", "nhan-tin.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Address is null)
        {
            return Invalid("thu-dien-tu", "Nhập địa chỉ thư điện tử cần xóa dữ liệu.");
        }

        if (!string.Equals((Confirm ?? "").Trim(), Address, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("xac-nhan", "Gõ lại đúng địa chỉ thư điện tử để xác nhận xóa.");
        }

        var removed = await subscriptions.EraseAsync(Address, ct);
        await audit.WriteAsync("subscriber-erase-person", "MailSubscriber", AuditId(Address), $"{removed} dòng", ct: ct);
        TempData["Flash"] = $"Đã xóa dữ liệu nhận tin của địa chỉ ({removed} dòng).";
        return Redirect("/quan-tri/thu-gui/nguoi-nhan-tin");
    }

    /// <summary>False when the address given is not usable (the error is in ModelState).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        PageTitle = "Người nhận tin qua thư điện tử";
        ConfirmedTotal = await db.MailSubscribers.CountAsync(s => s.ConfirmedAt != null, ct);
        PendingTotal = await db.MailSubscribers.CountAsync(s => s.ConfirmedAt == null, ct);
        if (string.IsNullOrEmpty(Email))
        {
            return true;
        }

        var problem = FormText.Clean(Email, "Thư điện tử", 254, false, out var email);
        if (problem is not null || !MailOutbox.IsAddress(email))
        {
            ModelState.AddModelError("thu-dien-tu", problem ?? "Địa chỉ thư điện tử không đúng dạng, ví dụ ten@example.com.");
            MarkRefused();
            return false;
        }

        Address = email.ToLowerInvariant();
        Found = await db.MailSubscribers.AsNoTracking().Where(s => s.Email == Address).OrderBy(s => s.Id).ToListAsync(ct);
        MailCount = await db.OutboxMessages.CountAsync(m => m.Recipient == Address, ct);
        return true;
    }

    private PageResult Invalid(string field, string message)
    {
        if (ModelState.IsValid)
        {
            ModelState.AddModelError(field, message);
        }

        MarkRefused();
        return Page();
    }

    /// <summary>The audit names the address by the start of its SHA-256, never by itself.</summary>
    public static string AuditId(string address) => MailSubscriptions.Hash(address)[..12].ToLowerInvariant();

    private static readonly JsonSerializerOptions PersonJson = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string Frequency(DigestFrequency f) => f == DigestFrequency.Weekly ? "hằng tuần" : "hằng ngày";

    public static string When(DateTime? at) => at is null ? "chưa" : VietnamTime.DateAndTime(at.Value);
}
