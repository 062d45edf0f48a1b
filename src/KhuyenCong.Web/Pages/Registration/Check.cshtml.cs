using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>Check answers, each with a Change link; submitting stores the registration once (idempotency key).</summary>
[EnableRateLimiting(RegistrationOptions.SubmitRateLimit)]
public class CheckModel(RegistrationStore store, IOptions<RegistrationOptions> options, Services.Programme.ProgramPeriods periods) : RegistrationPageModel(store)
{
    public sealed record Row(string Label, string Value, string Step, string Field);

    [BindProperty(Name = "khoa")] public string? Key { get; set; }
    [BindProperty(Name = "Form.Website")] public string? Website { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GuardGetAsync(RegistrationSteps.Check, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await GuardPostAsync(RegistrationSteps.Check, Website, ct, Stale) is { } refused)
        {
            return refused;
        }

        // A draft begun before the current period started may name lines it does not offer.
        var calendar = await periods.CalendarAsync(ct);
        if (calendar.LinesOutsideCurrent(Draft!.Data.Lines) is { Count: > 0 } outside)
        {
            return Problem(StatusCodes.Status400BadRequest, "Cần chọn lại nội dung hỗ trợ", calendar.LinesOutsideText(outside),
                StepPath(RegistrationSteps.Support) + "?doi=1", "Chọn lại nội dung hỗ trợ");
        }

        if (Store.Now - Draft.Data.StartedAt < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return Problem(StatusCodes.Status400BadRequest, "Đơn được gửi quá nhanh",
                "Đơn được gửi nhanh hơn thời gian cần để đọc và điền, nên hệ thống chưa tiếp nhận. Vui lòng kiểm tra lại thông tin và bấm “Gửi đăng ký” lần nữa.",
                StepPath(RegistrationSteps.Check), "Kiểm tra lại thông tin");
        }

        await Store.SubmitAsync(Draft, ct);
        return Redirect(SentPath);
    }

    /// <summary>A page whose key is not the draft's (opened in another window, or an older form) is refused.</summary>
    private IActionResult? Stale(Draft draft) => Guid.TryParse(Key, out var key) && key == draft.Data.Key ? null
        : Problem(StatusCodes.Status409Conflict, "Trang gửi đơn đã cũ",
            "Trang bạn gửi không khớp với đơn đang điền (có thể đã mở ở một cửa sổ khác). Vui lòng kiểm tra lại thông tin rồi gửi.",
            StepPath(RegistrationSteps.Check), "Kiểm tra lại thông tin");

    /// <summary>The rows of the check page: every answer asked of this draft (<see cref="RegistrationFields"/>).</summary>
    private async Task PrepareAsync(CancellationToken ct)
    {
        var d = Draft!.Data;
        Total = RegistrationSteps.Total(d);
        Describe(RegistrationSteps.Titles[RegistrationSteps.Check]);
        Key = d.Key.ToString();
        var answers = RegistrationFields.FromDraft(d, await Store.PlacesAsync(ct), Store.Now);
        Rows = RegistrationFields.All.Where(f => f.Shown is not null && f.Asked(answers))
            .Select(f => new Row(f.Label, f.Shown!(answers), f.Step, f.InputId)).ToList();
    }
}
