using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Questions;

/// <summary>The questions inbox: filters (status, topic, assignee, text), paging, CSV export of the filtered list.</summary>
public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 50;
    public const int ExportLimit = 50_000;

    [FromQuery(Name = "trang-thai")] public string? Status { get; set; }
    [FromQuery(Name = "chu-de")] public string? Topic { get; set; }
    [FromQuery(Name = "phu-trach")] public string? Assignee { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }

    public IReadOnlyList<Question> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public static readonly string[] Header =
    [
        "Mã số", "Ngày gửi", "Trạng thái", "Lĩnh vực", "Tiêu đề", "Nội dung", "Người hỏi", "Cơ sở, tổ chức", "Thư điện tử", "Điện thoại",
        "Đồng ý đăng công khai", "Người phụ trách", "Ngày trả lời",
    ];

    public bool IsValid =>
        (string.IsNullOrEmpty(Status) || (Status.Length == 1 && int.TryParse(Status, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && Enum.IsDefined((QuestionStatus)s)))
        && (string.IsNullOrEmpty(Topic) || (Topic.Length <= 2 && int.TryParse(Topic, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && QuestionCatalog.IsTopic(t)))
        && (string.IsNullOrEmpty(Assignee) || Assignee is "toi" or "chua")
        && (Text is null || Text.Length <= 200);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || !ModelState.IsValid || !IsValid)
        {
            return BadInput();
        }

        PageTitle = "Hỏi đáp: hộp câu hỏi";
        var query = Apply(db.Questions.AsNoTracking());
        Pager = new Pager(page, PageSize, await query.CountAsync(ct), Link);
        Rows = await query.OrderByDescending(q => q.SubmittedAt).ThenByDescending(q => q.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || !IsValid)
        {
            return BadInput();
        }

        var rows = await Apply(db.Questions.AsNoTracking()).OrderBy(q => q.Id).Take(ExportLimit).ToListAsync(ct);
        await audit.WriteAsync("question-export-list", nameof(Question), null, $"csv, {rows.Count} câu hỏi, bộ lọc: {Query()}", ct: ct);
        var stamp = VietnamTime.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var csv = RegistrationExport.Csv(Header, rows.Select(q => new object?[]
        {
            q.Reference, VietnamTime.DateAndTime(q.SubmittedAt), QuestionCatalog.StatusName(q.Status), QuestionCatalog.TopicName(q.Topic),
            q.Title, q.Text, q.AskerName, q.Organisation, q.Email, q.Phone, q.ConsentPublish ? "Có" : "Không", q.AssignedToName,
            q.AnsweredAt is null ? null : VietnamTime.DateAndTime(q.AnsweredAt),
        }));
        return File(csv, "text/csv; charset=utf-8", $"cau-hoi-{stamp}.csv");
    }

    private IQueryable<Question> Apply(IQueryable<Question> query)
    {
        if (!string.IsNullOrEmpty(Status))
        {
            var status = (QuestionStatus)int.Parse(Status, CultureInfo.InvariantCulture);
            query = query.Where(q => q.Status == status);
        }

        if (!string.IsNullOrEmpty(Topic))
        {
            var topic = int.Parse(Topic, CultureInfo.InvariantCulture);
            query = query.Where(q => q.Topic == topic);
        }

        if (Assignee == "chua")
        {
            query = query.Where(q => q.AssignedToId == null);
        }
        else if (Assignee == "toi")
        {
            var me = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
            query = query.Where(q => q.AssignedToId == me);
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim().Normalize(System.Text.NormalizationForm.FormC);
            var upper = text.ToUpperInvariant();
            var digits = FormText.Digits(text);
            var lower = text.ToLowerInvariant();
            query = query.Where(q => q.Reference.Contains(upper) || (q.Title != null && q.Title.Contains(text)) || (q.Text != null && q.Text.Contains(text))
                || (q.AskerName != null && q.AskerName.Contains(text)) || (q.Organisation != null && q.Organisation.Contains(text))
                || (q.Email != null && q.Email.Contains(lower)) || (digits.Length >= 4 && q.Phone != null && q.Phone.Contains(digits)));
        }

        return query;
    }

    public string Query(string? extra = null)
    {
        var parts = new[] { ("trang-thai", Status), ("chu-de", Topic), ("phu-trach", Assignee), ("q", Text) };
        var list = parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}").ToList();
        if (extra is not null)
        {
            list.Add(extra);
        }

        return list.Count == 0 ? "" : "?" + string.Join('&', list);
    }

    public string Link(int page) => "/quan-tri/cau-hoi" + Query(page > 1 ? "trang=" + page.ToString(CultureInfo.InvariantCulture) : null);
}
