using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: list, form, save with evidence and history, and withdrawal of achievements on one page; the save's
// checks are inline.
namespace KhuyenCong.Web.Pages.Admin.Program;

/// <summary>
/// Achievements toward the programme's targets, entered with evidence; every change is kept (AchievementChange and
/// the audit log) and evicts the programme page and API from the output cache. A saved achievement is public at
/// once, so only publishers and admins (who may publish) add, edit or withdraw one; editors read.
/// </summary>
public class IndexModel(AppDbContext db, ProgramProgress progress, AuditLog audit, ContentPublisher publisher, TimeProvider clock) : SitePageModel
{
    public sealed class AchievementInput
    {
        public int Id { get; set; }

        [Required(ErrorMessage = "Chọn chỉ tiêu.")]
        [Display(Name = "Chỉ tiêu")]
        public string? TargetCode { get; set; }

        [Required(ErrorMessage = "Nhập ngày đạt được (ngày/tháng/năm).")]
        [Display(Name = "Ngày đạt được")]
        public string? Date { get; set; }

        [Range(1, 100_000, ErrorMessage = "Số lượng là số nguyên từ 1 đến 100.000.")]
        [Display(Name = "Số lượng đạt được")]
        public int Quantity { get; set; } = 1;

        [Required(ErrorMessage = "Ghi chú ngắn gọn việc đã làm được.")]
        [StringLength(1000, ErrorMessage = "Ghi chú tối đa 1.000 ký tự.")]
        [Display(Name = "Ghi chú (việc đã làm, đơn vị thực hiện)")]
        public string? Note { get; set; }

        [StringLength(500, ErrorMessage = "Đường dẫn tối đa 500 ký tự.")]
        [Display(Name = "Đường dẫn minh chứng (https://… hoặc /van-ban/…, /media/…)")]
        public string? EvidenceUrl { get; set; }

        [Display(Name = "Hoặc văn bản minh chứng đã đăng trên trang")]
        public int? EvidenceDocumentId { get; set; }
    }

    [BindProperty] public AchievementInput Input { get; set; } = new();
    public ProgramReport Report { get; private set; } = null!;
    public IReadOnlyList<Achievement> Achievements { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "sua")] string? edit, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(edit))
        {
            if (!int.TryParse(edit, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return BadInput();
            }

            var a = await db.Achievements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted, ct);
            if (a is null)
            {
                return NotFound();
            }

            Input = new AchievementInput
            {
                Id = a.Id, TargetCode = a.TargetCode, Date = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Quantity = a.Quantity,
                Note = a.Note, EvidenceUrl = a.EvidenceUrl, EvidenceDocumentId = a.EvidenceDocumentId,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Whether this user may change achievements (they are public the moment they are saved).</summary>
    public bool CanEdit => Workflow.CanPublish(User);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var targets = await db.ProgramTargets.AsNoTracking().Select(t => t.Code).ToListAsync(ct);
        if (Input.TargetCode is not null && !targets.Contains(Input.TargetCode))
        {
            ModelState.AddModelError("Input.TargetCode", "Chỉ tiêu không có trong Chương trình.");
        }

        var today = VietnamTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date;
        DateTime date = default;
        if (Input.Date is not null && (!DateTime.TryParseExact(Input.Date.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
                                       || date < new DateTime(2021, 1, 1) || date > today))
        {
            ModelState.AddModelError("Input.Date", $"Ngày đạt được phải từ 01/01/2021 đến hôm nay ({today:dd/MM/yyyy}).");
        }

        var url = Input.EvidenceUrl?.Trim();
        if (!string.IsNullOrEmpty(url) && !IsEvidenceUrl(url))
        {
            ModelState.AddModelError("Input.EvidenceUrl", "Đường dẫn minh chứng phải bắt đầu bằng https://, http:// hoặc / (một trang của trang này).");
        }

        if (Input.EvidenceDocumentId is { } docId && !await db.Documents.AnyAsync(d => d.Id == docId, ct))
        {
            ModelState.AddModelError("Input.EvidenceDocumentId", "Văn bản minh chứng không tồn tại.");
        }

        if (string.IsNullOrEmpty(url) && Input.EvidenceDocumentId is null)
        {
            ModelState.AddModelError("Input.EvidenceUrl", "Cần một minh chứng: đường dẫn hoặc văn bản đã đăng.");
        }

        Achievement? item = null;
        if (Input.Id != 0)
        {
            item = await db.Achievements.FirstOrDefaultAsync(x => x.Id == Input.Id && !x.IsDeleted, ct);
            if (item is null)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            MarkRefused();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var action = item is null ? "create" : "update";
        if (item is null)
        {
            item = new Achievement { TargetCode = Input.TargetCode!, CreatedBy = audit.CurrentActor, CreatedAt = now };
            db.Achievements.Add(item);
        }
        else
        {
            item.UpdatedBy = audit.CurrentActor;
            item.UpdatedAt = now;
        }

        item.TargetCode = Input.TargetCode!;
        item.Date = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        item.Quantity = Input.Quantity;
        item.Note = Input.Note!.Trim();
        item.EvidenceUrl = string.IsNullOrEmpty(url) ? null : url;
        item.EvidenceDocumentId = Input.EvidenceDocumentId;
        await RecordAsync(item, action, now, ct);
        TempData["Flash"] = action == "create" ? "Đã thêm kết quả." : "Đã lưu thay đổi.";
        return Redirect("/quan-tri/chuong-trinh");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var item = await db.Achievements.FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted, ct);
        if (item is null)
        {
            return NotFound();
        }

        item.IsDeleted = true;
        item.UpdatedBy = audit.CurrentActor;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await RecordAsync(item, "delete", item.UpdatedAt.Value, ct);
        TempData["Flash"] = "Đã rút kết quả (vẫn giữ trong lịch sử).";
        return Redirect("/quan-tri/chuong-trinh");
    }

    private async Task RecordAsync(Achievement item, string action, DateTime now, CancellationToken ct)
    {
        var snapshot = $"{item.TargetCode}; ngày {item.Date:dd/MM/yyyy}; số lượng {item.Quantity}; {item.Note}; minh chứng: {item.EvidenceUrl ?? (item.EvidenceDocumentId is { } d ? "văn bản #" + d : "")}";
        item.Changes.Add(new AchievementChange { At = now, By = audit.CurrentActor, Action = action, Snapshot = snapshot });
        await publisher.SaveOtherAsync(action, "achievement", () => (item.Id.ToString(CultureInfo.InvariantCulture), snapshot), [], ct: ct);
    }

    public static bool IsEvidenceUrl(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && !string.IsNullOrEmpty(u.Host));

    private async Task LoadAsync(CancellationToken ct)
    {
        PageTitle = "Chương trình: kết quả thực hiện";
        Report = await progress.ReportAsync(ct);
        Achievements = await db.Achievements.AsNoTracking().Include(a => a.Changes).Include(a => a.EvidenceDocument)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
        Documents = (await db.Documents.AsNoTracking().OrderByDescending(d => d.IssuedOn).Select(d => new { d.Id, d.Title, d.Number }).Take(500).ToListAsync(ct))
            .Select(d => (d.Id, d.Number is null ? d.Title : d.Number + " – " + d.Title)).ToList();
    }
}
