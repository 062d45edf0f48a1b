using KhuyenCong.Web.Services.Mail;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Subscriptions;

/// <summary>The confirmation and unsubscribe pages: a token in the path, a Vietnamese answer when it is not usable.</summary>
public abstract class TokenPageModel : SitePageModel
{
    public string? ProblemHeading { get; private set; }
    public string? ProblemText { get; private set; }

    protected void Describe(string title)
    {
        PageTitle = title;
        Breadcrumbs.Add((IndexModel.Title, MailSubscriptions.Path));
        Breadcrumbs.Add((title, null));
    }

    /// <summary>400 for a token that cannot be one (wrong length or characters).</summary>
    protected IActionResult Malformed(string what) => Problem(StatusCodes.Status400BadRequest, "Liên kết không đúng",
        $"Liên kết {what} không đúng dạng: có thể nó bị cắt hoặc sửa khi sao chép. Hãy mở lại liên kết trong thư, hoặc sao chép cả dòng.");

    protected IActionResult Problem(int status, string heading, string text)
    {
        (ProblemHeading, ProblemText) = (heading, text);
        MarkRefused(status, heading);
        return Page();
    }
}
