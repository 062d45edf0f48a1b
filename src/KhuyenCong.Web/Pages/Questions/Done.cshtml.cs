using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>The confirmation after a question was stored: its reference, what happens next, how to look it up.</summary>
[OutputCache(NoStore = true)]
public class DoneModel(QuestionStore store, IOptions<SiteOptions> site, Services.Mail.MailOutbox mail) : QuestionPageModel
{
    /// <summary>Mail is configured: the page may promise a message; otherwise it says none is sent.</summary>
    public bool MailOn => mail.Enabled;

    /// <summary>TempData key holding the reference of the question just sent (kept so a reload shows it again).</summary>
    public const string ReferenceKey = "hoi-dap-ma-so";

    public Question Question { get; private set; } = null!;
    public SiteOptions Site => site.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (TempData.Peek(ReferenceKey) is not string reference || await store.FindByReferenceAsync(reference, ct) is not { } question)
        {
            return Redirect("/hoi-dap/dat-cau-hoi");
        }

        Question = question;
        Describe("Đã gửi câu hỏi");
        return Page();
    }
}
