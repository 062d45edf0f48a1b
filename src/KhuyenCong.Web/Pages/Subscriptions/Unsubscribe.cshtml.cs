using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Subscriptions;

/// <summary>
/// The unsubscribe link of every news mail, and its List-Unsubscribe header (RFC 8058): a POST to the URL
/// unsubscribes at once, without antiforgery (the mail program posts "List-Unsubscribe=One-Click" from nowhere near
/// the site; the token in the path is the proof); a GET shows the address and a button, so a link scanner
/// unsubscribes no one.
/// </summary>
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(MailSubscriptions subscriptions) : TokenPageModel
{
    public MailSubscriber? Subscriber { get; private set; }
    public bool Done { get; private set; }
    public string? Email { get; private set; }

    public Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var result = await LoadAsync(token, ct);
        if (Subscriber is null)
        {
            return result;
        }

        await subscriptions.UnsubscribeAsync(Subscriber, ct);
        Done = true;
        Describe("Đã hủy nhận tin");
        return Page();
    }

    private async Task<IActionResult> LoadAsync(string token, CancellationToken ct)
    {
        Describe("Hủy nhận tin qua thư điện tử");
        if (!MailSubscriptions.IsToken(token))
        {
            return Malformed("hủy nhận tin");
        }

        Subscriber = await subscriptions.FindByUnsubscribeTokenAsync(token, ct);
        if (Subscriber is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Liên kết hủy nhận tin không còn hiệu lực",
                "Không có đăng ký nhận tin nào với liên kết này: có thể bạn đã hủy trước đó, hoặc đã đăng ký lại với lựa chọn mới (hãy dùng liên kết trong thư mới nhất).");
        }

        Email = Subscriber.Email;
        return Page();
    }
}
