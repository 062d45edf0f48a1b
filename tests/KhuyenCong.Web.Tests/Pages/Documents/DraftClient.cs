using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Pages.Registration;

namespace KhuyenCong.Web.Tests.Pages.Documents;

/// <summary>"Góp ý dự thảo" as a visitor does it: a draft open for comment, its form opened, a comment sent.</summary>
public static class DraftClient
{
    /// <summary>A published draft whose comment period opens and closes at these offsets from the site's clock.</summary>
    public static async Task<Document> NewDraftAsync(RegistrationSite site, string title, TimeSpan opensIn, TimeSpan closesIn)
    {
        ArgumentNullException.ThrowIfNull(site);
        var now = site.ManualClock.GetUtcNow().UtcDateTime;
        var document = new Document
        {
            Title = title, Slug = KhuyenCong.Web.Services.Content.Slugifier.Slugify(title) + "-" + Guid.NewGuid().ToString("N")[..6], Kind = "Dự thảo Quyết định",
            Issuer = "Sở Công Thương", Summary = "Dự thảo quy định mức hỗ trợ.", BodyMarkdown = "Điều 1. Phạm vi.", Status = ContentStatus.Published,
            PublishAt = now.AddDays(-1), CommentOpensAt = now + opensIn, CommentClosesAt = now + closesIn,
        };
        await site.SaveAsync(document);
        return document;
    }

    public static Dictionary<string, string> ValidComment(string email = "gop@example.vn") => new()
    {
        ["Form.Name"] = "Phạm Văn Góp",
        ["Form.Organisation"] = "HTX Dừa Xanh",
        ["Form.Email"] = email,
        ["Form.Section"] = "Điều 3, khoản 2",
        ["Form.Text"] = "Đề nghị nâng mức hỗ trợ máy móc cho hợp tác xã.",
        ["Form.Consent"] = "yes",
    };

    public static async Task<(string Token, string Ticket)> OpenFormAsync(HttpClient client, string slug)
    {
        var page = await client.GetHtmlAsync($"/van-ban/{slug}/gop-y");
        return (page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, page.QuerySelector("input[name=phieu]")!.GetAttribute("value")!);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string slug, Dictionary<string, string> fields, (string Token, string Ticket) form)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = form.Token, ["phieu"] = form.Ticket };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri($"/van-ban/{slug}/gop-y", UriKind.Relative), content);
    }

    /// <summary>Opens the form, waits past the minimum fill time on the site's clock and sends the comment (302 expected).</summary>
    public static async Task<long> CommentAsync(RegistrationSite site, HttpClient client, Document draft, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(draft);
        var form = await OpenFormAsync(client, draft.Slug);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var sent = await SendAsync(client, draft.Slug, fields, form))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        }

        var email = fields["Form.Email"];
        return await site.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.DocumentComments.Where(c => c.DocumentId == draft.Id && c.Email == email).Select(c => c.Id)));
    }
}
