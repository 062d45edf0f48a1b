using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Mail;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Subscriptions;

/// <summary>After a subscription request: "check your mailbox" (the same words whatever the address's state).</summary>
public class SentModel(IOptions<MailOptions> options) : SitePageModel
{
    public int ConfirmDays => options.Value.ConfirmDays;

    public void OnGet()
    {
        PageTitle = "Hãy mở hộp thư để xác nhận";
        Breadcrumbs.Add((IndexModel.Title, MailSubscriptions.Path));
        Breadcrumbs.Add((PageTitle, null));
    }
}
