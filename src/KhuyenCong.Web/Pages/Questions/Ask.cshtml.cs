using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>
/// The ask form, one page: topic, title, question, who asks and how to answer them, consent to publish. The
/// registration's anti-spam: honeypot, minimum fill time (from a protected ticket made when the form was shown),
/// per-IP limit on POSTs. The ticket's key makes a double submission one question.
/// </summary>
[OutputCache(NoStore = true)]
[EnableRateLimiting(RegistrationOptions.SubmitRateLimit)]
public class AskModel(QuestionStore store, IOptions<RegistrationOptions> options, IOptions<SiteOptions> site) : QuestionPageModel
{
    public SiteOptions Site => site.Value;
    [BindProperty] public AskForm Form { get; set; } = new();
    [BindProperty(Name = "phieu")] public string? Ticket { get; set; }

    public int RetentionDays => options.Value.RetentionDays;

    public void OnGet()
    {
        Describe("Đặt câu hỏi");
        Ticket = store.NewTicket();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe("Đặt câu hỏi");
        if (!string.IsNullOrEmpty(Form.Website))
        {
            return Problem(StatusCodes.Status400BadRequest, "Không thể tiếp nhận dữ liệu",
                "Ô dành cho máy đã được điền nên câu hỏi không được tiếp nhận. Nếu bạn là người gửi, hãy để trống ô đó và thử lại.",
                "/hoi-dap/dat-cau-hoi", "Về biểu mẫu đặt câu hỏi");
        }

        if (store.ReadTicket(Ticket) is not { } ticket)
        {
            return Problem(StatusCodes.Status400BadRequest, "Biểu mẫu không hợp lệ hoặc đã cũ",
                "Trang bạn gửi không phải biểu mẫu đặt câu hỏi của trang này, hoặc đã được mở từ rất lâu. Vui lòng mở lại biểu mẫu và gửi lại câu hỏi.",
                "/hoi-dap/dat-cau-hoi", "Mở lại biểu mẫu");
        }

        var errors = Form.Validate(out var clean);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError("Form." + field, message);
        }

        if (errors.Count == 0 && store.Now - ticket.StartedAt < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            ModelState.AddModelError(string.Empty,
                "Câu hỏi được gửi nhanh hơn thời gian cần để đọc và điền, nên hệ thống chưa tiếp nhận. Vui lòng kiểm tra lại rồi bấm “Gửi câu hỏi” lần nữa.");
        }

        if (!ModelState.IsValid)
        {
            MarkRefused();
            return Page();
        }

        var question = await store.SubmitAsync(clean, ticket.Key, ct);
        TempData[DoneModel.ReferenceKey] = question.Reference;
        return Redirect("/hoi-dap/da-gui");
    }
}
