using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.SupportRequest;

/// <summary>The start page: who can apply, what is supported, what is needed; starting creates a draft.</summary>
[EnableRateLimiting(RegistrationOptions.SubmitRateLimit)]
public class IndexModel(RegistrationStore store, IOptions<RegistrationOptions> options) : RegistrationPageModel(store)
{
    public bool HasOpenDraft { get; private set; }
    public bool WasExpired { get; private set; }
    public int DraftMinutes => options.Value.DraftMinutes;
    public int RetentionDays => options.Value.RetentionDays;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "het-han")] string? expired, CancellationToken ct)
    {
        Describe("Đăng ký nhận hỗ trợ khuyến công");
        Breadcrumbs.RemoveAt(Breadcrumbs.Count - 1);
        Breadcrumbs[0] = ("Đăng ký hỗ trợ", null);
        MetaDescription = "Cơ sở công nghiệp nông thôn tỉnh Bến Tre đăng ký nhận hỗ trợ từ Chương trình khuyến công 2021–2025: máy móc, mô hình trình diễn, hội chợ, tư vấn, đào tạo.";
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
