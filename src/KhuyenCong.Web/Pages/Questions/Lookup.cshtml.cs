using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>Status lookup by reference and the e-mail or phone given (POST only, so neither sits in a URL); rate-limited.</summary>
[OutputCache(NoStore = true)]
[EnableRateLimiting(RegistrationOptions.LookupRateLimit)]
public class LookupModel(QuestionStore store) : QuestionPageModel
{
    [BindProperty(Name = "ma-so")] public string? Reference { get; set; }
    [BindProperty(Name = "lien-he")] public string? Contact { get; set; }

    public Question? Found { get; private set; }

    /// <summary>"?ma-so=HD-…" (the link in the mail) fills in the reference; the e-mail or phone is always typed.</summary>
    public void OnGet([FromQuery(Name = "ma-so")] string? reference)
    {
        Describe("Tra cứu câu hỏi");
        Reference = QuestionCatalog.Triage.ParseReference(reference);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe("Tra cứu câu hỏi");
        Found = await TriageLookup.FindAsync(this, QuestionCatalog.Triage, Reference,
            new TriageLookup.Proof("lien-he", Contact, "Nhập thư điện tử hoặc số điện thoại đã dùng khi gửi câu hỏi.",
                "Nhập một thư điện tử (ví dụ ten@example.com) hoặc số điện thoại 10 chữ số bắt đầu bằng 0.", QuestionStore.TryContact),
            (code, contact) => store.LookupAsync(code, contact, ct),
            // The same words whether the reference is unknown or the contact does not match.
            "Không tìm thấy câu hỏi với mã số và thông tin liên hệ này. Vui lòng kiểm tra lại.");
        return Page();
    }
}
