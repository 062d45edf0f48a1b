using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>The start page: who can apply, what is supported, what is needed; starting creates a draft.</summary>
[EnableRateLimiting(RegistrationOptions.SubmitRateLimit)]
public class IndexModel(RegistrationStore store, IOptions<RegistrationOptions> options, ProgramPeriods periods) : RegistrationPageModel(store)
{
    public bool HasOpenDraft { get; private set; }
    public bool WasExpired { get; private set; }
    public int DraftMinutes => options.Value.DraftMinutes;
    public int RetentionDays => options.Value.RetentionDays;
    /// <summary>Which programme the registration is for: the period running now, or none (interest for the next one).</summary>
    public ProgramCalendar Calendar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "het-han")] string? expired, CancellationToken ct)
    {
        Calendar = await periods.CalendarAsync(ct);
        Describe(Calendar.Current is null ? "Đăng ký nhu cầu hỗ trợ khuyến công" : "Đăng ký nhận hỗ trợ khuyến công");
        Breadcrumbs.RemoveAt(Breadcrumbs.Count - 1);
        Breadcrumbs[0] = ("Đăng ký hỗ trợ", null);
        MetaDescription = Calendar.Current is { } open
            ? $"Cơ sở công nghiệp nông thôn tỉnh Bến Tre đăng ký nhận hỗ trợ từ {open.Title}: máy móc, mô hình trình diễn, hội chợ, tư vấn, đào tạo."
            : "Chương trình khuyến công giai đoạn mới đang được chuẩn bị: cơ sở công nghiệp nông thôn đăng ký nhu cầu hỗ trợ để được liên hệ khi chương trình nhận hồ sơ.";
        CanonicalPath = Start;
        var draft = await Store.LoadAsync(HttpContext, ct);
        HasOpenDraft = draft is not null && draft.Row.RegistrationId is null && !Store.IsExpired(draft);
        WasExpired = expired == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Store.StartAsync(HttpContext, ct);
        return Redirect("/dang-ky-ho-tro/" + RegistrationSteps.Type);
    }
}
