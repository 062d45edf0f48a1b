using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Mail;

/// <summary>
/// The outbox, for admins: every message with its state, attempts and the SMTP server's last answer; a status
/// filter; "send again" for failed rows and for Unknown ones (maybe sent: the admin checks first), audited.
/// </summary>
public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock, MailOutbox outbox) : SitePageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<OutboxMessage> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public OutboxStatus? Status { get; private set; }
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public IReadOnlyList<(string Kind, int Count)> Kinds { get; private set; } = [];
    public bool MailOn => outbox.Enabled;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang-thai")] string? status, [FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        PageTitle = "Thư gửi đi";
        if (!string.IsNullOrEmpty(status))
        {
            if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) || !Enum.IsDefined((OutboxStatus)raw))
            {
                return BadInput();
            }

            Status = (OutboxStatus)raw;
        }

        if (!TryParsePage(trang, out var page))
        {
            return BadInput();
        }

        var query = db.OutboxMessages.AsNoTracking();
        if (Status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        Pager = new Pager(page, PageSize, await query.CountAsync(ct), n => Link(Status, n));
        Rows = await query.OrderByDescending(m => m.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        Counts = (await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        Kinds = (await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent).GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, x.Count)).ToList();
        return Page();
    }

    /// <summary>Failed or Unknown → Pending now; the attempts start again. Anything else is left alone.</summary>
    public async Task<IActionResult> OnPostRetryAsync([FromForm(Name = "id")] string? id, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
        {
            return BadInput();
        }

        var row = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == key, ct);
        if (row is null)
        {
            return NotFound();
        }

        if (row.Status is not (OutboxStatus.Failed or OutboxStatus.Unknown))
        {
            // Refused for the message's state (409): the outbox again, with the reason in the error summary.
            ModelState.AddModelError(string.Empty, "Chỉ gửi lại được thư “Gửi không được” hoặc “Không rõ”.");
            await OnGetAsync(null, null, ct);
            MarkRefused(StatusCodes.Status409Conflict);
            return Page();
        }

        var was = row.Status;
        row.Status = OutboxStatus.Pending;
        row.Attempts = 0;
        row.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        row.ClaimedAt = null;
        row.ClaimedBy = null;
        audit.Add("mail-retry", "OutboxMessage", row.Id.ToString(CultureInfo.InvariantCulture), $"{MailKinds.Name(row.Kind)}: {OutboxStatusText.Name(was)} → {OutboxStatusText.Name(OutboxStatus.Pending)}");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã xếp thư vào hàng chờ gửi lại.";
        return Redirect("/quan-tri/thu-gui?trang-thai=" + ((int)OutboxStatus.Pending).ToString(CultureInfo.InvariantCulture));
    }

    public static string Link(OutboxStatus? status, int page)
    {
        var parts = new List<string>();
        if (status is { } s)
        {
            parts.Add("trang-thai=" + ((int)s).ToString(CultureInfo.InvariantCulture));
        }

        if (page > 1)
        {
            parts.Add("trang=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return "/quan-tri/thu-gui" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }
}
