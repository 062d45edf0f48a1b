using System.Text.RegularExpressions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>Status lookup by reference and phone (POST only, so the phone never sits in a URL); rate-limited.</summary>
[EnableRateLimiting(RegistrationOptions.LookupRateLimit)]
public partial class LookupModel(RegistrationStore store) : RegistrationPageModel(store)
{
    [BindProperty(Name = "ma-so")] public string? Reference { get; set; }
    [BindProperty(Name = "dien-thoai")] public string? Phone { get; set; }

    public Models.Registration? Found { get; private set; }

    [GeneratedRegex(@"^KC-\d{4}-\d{6}$")]
    private static partial Regex ReferenceShape();

    /// <summary>"?ma-so=KC-…" (the link in the mail) fills in the reference; the phone is always typed.</summary>
    public void OnGet([FromQuery(Name = "ma-so")] string? reference)
    {
        Describe("Tra cứu tình trạng hồ sơ");
        var given = (reference ?? "").Trim().ToUpperInvariant();
        Reference = given.Length <= 20 && ReferenceShape().IsMatch(given) ? given : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe("Tra cứu tình trạng hồ sơ");
        var reference = (Reference ?? "").Trim().ToUpperInvariant();
        if (reference.Length == 0)
        {
            ModelState.AddModelError("ma-so", "Nhập mã số hồ sơ.");
        }
        else if (reference.Length > 20 || !ReferenceShape().IsMatch(reference))
        {
            ModelState.AddModelError("ma-so", "Mã số hồ sơ có dạng KC-2026-000123.");
        }

        var phone = "";
        if (string.IsNullOrWhiteSpace(Phone))
        {
            ModelState.AddModelError("dien-thoai", "Nhập số điện thoại đã đăng ký.");
        }
        else if (Phone.Length > 30 || !FormText.TryPhone(Phone, out phone))
        {
            ModelState.AddModelError("dien-thoai", "Số điện thoại phải có 10 chữ số và bắt đầu bằng 0, ví dụ 0912 345 678.");
        }

        if (ModelState.IsValid)
        {
            Found = await Store.LookupAsync(reference, phone, ct);
            if (Found is null)
            {
                // The same words whether the reference is unknown or the phone does not match.
                ModelState.AddModelError(string.Empty, "Không tìm thấy hồ sơ với mã số và số điện thoại này. Vui lòng kiểm tra lại.");
            }
        }

        if (!ModelState.IsValid)
        {
            PageTitle = "Lỗi: " + PageTitle;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
