using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>Status lookup by reference and phone (POST only, so the phone never sits in a URL); rate-limited.</summary>
[EnableRateLimiting(RegistrationOptions.LookupRateLimit)]
public class LookupModel(RegistrationStore store) : RegistrationPageModel(store)
{
    [BindProperty(Name = "ma-so")] public string? Reference { get; set; }
    [BindProperty(Name = "dien-thoai")] public string? Phone { get; set; }

    public Models.Registration? Found { get; private set; }

    /// <summary>"?ma-so=KC-…" (the link in the mail) fills in the reference; the phone is always typed.</summary>
    public void OnGet([FromQuery(Name = "ma-so")] string? reference)
    {
        Describe("Tra cứu tình trạng hồ sơ");
        Reference = RegistrationCatalog.Triage.ParseReference(reference);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe("Tra cứu tình trạng hồ sơ");
        Found = await TriageLookup.FindAsync(this, RegistrationCatalog.Triage, Reference,
            new TriageLookup.Proof("dien-thoai", Phone, "Nhập số điện thoại đã đăng ký.",
                "Số điện thoại phải có 10 chữ số và bắt đầu bằng 0, ví dụ 0912 345 678.", TryPhone),
            (code, phone) => Store.LookupAsync(code, phone, ct),
            // The same words whether the reference is unknown or the phone does not match.
            "Không tìm thấy hồ sơ với mã số và số điện thoại này. Vui lòng kiểm tra lại.");
        return Page();
    }

    private static bool TryPhone(string typed, out string phone)
    {
        phone = "";
        return typed.Length <= 30 && FormText.TryPhone(typed, out phone);
    }
}
