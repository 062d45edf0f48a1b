using System.Globalization;
using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Web.Tests.Pages.Documents.DraftClient;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// "Góp ý dự thảo" mail through the real SMTP server of the test run: the staff notice of a new comment and the
/// commenter's notice of the public reply (once), with the link to the comment on the draft's page.
/// </summary>
public sealed class CommentMailTests(MailSite site) : IClassFixture<MailSite>
{
    [ServicesFact(Service.Smtp)]
    public async Task Staff_hear_of_each_comment_and_the_commenter_of_the_public_reply_once_with_the_link_to_it()
    {
        ExternalServices.Require(Service.Smtp);
        var mailbox = Maildir.Shared;
        var draft = await NewDraftAsync(site, "Dự thảo thư trả lời góp ý", TimeSpan.FromDays(-1), TimeSpan.FromDays(10));
        var email = $"gop-y-{Guid.NewGuid():N}@example.com";
        var visitor = site.NewBrowser();
        var id = await CommentAsync(site, visitor, draft, ValidComment(email));
        var ids = id.ToString(CultureInfo.InvariantCulture);

        // Staff: one notice naming the draft, with the moderation link, and nobody's name or address.
        var staff = await mailbox.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").Contains(draft.Title, StringComparison.Ordinal));
        Assert.Equal(site.StaffAddress, staff.To.Mailboxes.Single().Address);
        Assert.Contains("https://khuyencong.test/quan-tri/gop-y", Maildir.Text(staff), StringComparison.Ordinal);
        Assert.Contains("href=\"https://khuyencong.test/quan-tri/gop-y", Maildir.Html(staff), StringComparison.Ordinal);
        Assert.DoesNotContain(email, Maildir.Text(staff), StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm Văn Góp", Maildir.Text(staff), StringComparison.Ordinal);

        // A reply only to a comment shown on the page.
        var editor = await site.SignInAsync(Roles.Editor);
        var url = $"/quan-tri/gop-y/{ids}";
        using (var early = await editor.PostFormAsync(url + "?handler=Reply", new() { ["tra-loi"] = "Trả lời quá sớm." }, url))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("góp ý đã duyệt", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var approve = await editor.PostFormAsync("/quan-tri/gop-y?handler=Approve", new() { ["id"] = ids }, "/quan-tri/gop-y"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        // The cached page of the draft, as a visitor saw it before the reply.
        Assert.Null((await visitor.GetHtmlAsync("/van-ban/" + draft.Slug)).QuerySelector(".comment-reply"));
        using (var empty = await editor.PostFormAsync(url + "?handler=Reply", new() { ["tra-loi"] = "  " }, url))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        const string reply = "**Tiếp thu**: mức hỗ trợ máy móc được nâng trong Điều 3. <script>alert(1)</script>";
        using (var preview = await editor.PostFormAsync(url + "?handler=Reply", new() { ["tra-loi"] = reply, ["xem-truoc"] = "1" }, url))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        }

        Assert.Null(await site.WithDbAsync((db, _) => db.DocumentComments.Where(c => c.Id == id).Select(c => c.RepliedAt).SingleAsync()));
        foreach (var text in new[] { reply, reply + "\n\nĐã sửa." })
        {
            using var saved = await editor.PostFormAsync(url + "?handler=Reply", new() { ["tra-loi"] = text }, url);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // Shown under the comment, sanitised, at once (the cached page was evicted).
        var page = await visitor.GetHtmlAsync("/van-ban/" + draft.Slug);
        var shown = page.QuerySelector($"#gop-y-{ids} .comment-reply");
        Assert.NotNull(shown);
        Assert.Equal("Tiếp thu", shown.QuerySelector("strong")?.TextContent);
        Assert.Contains("Đã sửa.", shown.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Equal(2, await site.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "comment-reply" && a.EntityId == ids)));

        // The commenter: one mail, the first reply's words and the link to the comment; the correction sends nothing.
        var link = $"https://khuyencong.test/van-ban/{draft.Slug}#gop-y-{ids}";
        var mail = Assert.Single(await mailbox.WaitAsync(email));
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);
        Assert.Contains(draft.Title, mail.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Trả lời góp ý", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Kính gửi ông/bà Phạm Văn Góp", Maildir.Text(mail), StringComparison.Ordinal);
        Assert.Contains("mức hỗ trợ máy móc được nâng", Maildir.Text(mail), StringComparison.Ordinal);
        Assert.Contains(link, Maildir.Text(mail), StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", Maildir.Html(mail), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Maildir.Html(mail), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", Maildir.Html(mail), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        var rows = await site.WithDbAsync((db, _) => db.OutboxMessages.Where(m => m.Recipient == email).Select(m => m.Kind).ToListAsync());
        Assert.Equal([MailKinds.CommentReply], rows);
    }
}
