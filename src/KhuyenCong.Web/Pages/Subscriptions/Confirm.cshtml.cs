using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Subscriptions;

/// <summary>
/// The link of the confirmation mail. The GET shows the choices and a button (a mail scanner that follows links
/// confirms nothing); the POST confirms: from then on, digests are sent.
/// </summary>
public class ConfirmModel(MailSubscriptions subscriptions, AppDbContext db) : TokenPageModel
{
    public MailSubscriber? Subscriber { get; private set; }
    public bool JustConfirmed { get; private set; }
    public IReadOnlyList<string> TopicNames { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var result = await LoadAsync(token, ct);
        if (Subscriber is null)
        {
            return result;
        }

        if (Subscriber.ConfirmedAt is null)
        {
            await subscriptions.ConfirmAsync(Subscriber, ct);
            JustConfirmed = true;
            Describe("Đã xác nhận nhận tin");
        }

        return Page();
    }

    private async Task<IActionResult> LoadAsync(string token, CancellationToken ct)
    {
        Describe("Xác nhận nhận tin qua thư điện tử");
        if (!MailSubscriptions.IsToken(token))
        {
            return Malformed("xác nhận");
        }

        Subscriber = await subscriptions.FindByConfirmTokenAsync(token, ct);
        if (Subscriber is null)
        {
            return Problem(StatusCodes.Status404NotFound, "Liên kết xác nhận không còn hiệu lực",
                "Liên kết đã quá hạn, đã được thay bằng một yêu cầu mới, hoặc địa chỉ đã hủy nhận tin. Bạn có thể đăng ký lại ở trang nhận tin.");
        }

        var slugs = Subscriber.TopicSlugs.ToList();
        TopicNames = await db.Topics.AsNoTracking().Where(t => slugs.Contains(t.Slug)).OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync(ct);
        return Page();
    }
}
