using System.Net;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Web.Tests.Pages.Questions.QuestionClient;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// "Hỏi đáp" and "Góp ý dự thảo" mail through the real SMTP server of the test run: the asker's acknowledgement and
/// answer notice, the staff notices (naming nobody), each once.
/// </summary>
public sealed class QuestionMailTests(MailSite site) : IClassFixture<MailSite>
{
    [ServicesFact(Service.Smtp)]
    public async Task The_asker_gets_the_receipt_and_the_answer_and_staff_get_each_question_and_comment_once()
    {
        ExternalServices.Require(Service.Smtp);
        var mailbox = Maildir.Shared;
        var email = $"hoi-{Guid.NewGuid():N}@example.com";
        var fields = Valid("Hỏi về thủ tục nhận hỗ trợ đào tạo");
        fields["Form.Email"] = email;
        var client = site.NewBrowser();
        var form = await OpenAsync(client);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var ask = await AskAsync(client, fields, form))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        var (id, reference) = await site.WithDbAsync(async (db, _) =>
            await db.Questions.Where(q => q.Email == email).Select(q => new ValueTuple<long, string>(q.Id, q.Reference)).SingleAsync());
        var receipt = Assert.Single(await mailbox.WaitAsync(email));
        Assert.Contains(reference, receipt.Subject, StringComparison.Ordinal);
        Assert.Contains(reference, Maildir.Text(receipt), StringComparison.Ordinal);
        Assert.Contains("https://khuyencong.test/hoi-dap/tra-cuu?ma-so=" + reference, Maildir.Text(receipt), StringComparison.Ordinal);
        Assert.Contains("href=\"https://khuyencong.test/hoi-dap/tra-cuu?ma-so=" + reference + "\"", Maildir.Html(receipt), StringComparison.Ordinal);
        // The link opens the lookup with the reference filled in.
        Assert.Equal(reference, (await client.GetHtmlAsync("/hoi-dap/tra-cuu?ma-so=" + reference)).QuerySelector("input[name=ma-so]")!.GetAttribute("value"));
        Assert.DoesNotContain("<img", Maildir.Html(receipt), StringComparison.OrdinalIgnoreCase);

        await mailbox.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        var staff = Assert.Single(mailbox.For(site.StaffAddress), m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        Assert.Contains(reference, staff.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Thị Hoa", Maildir.Text(staff), StringComparison.Ordinal);
        Assert.DoesNotContain(email, Maildir.Text(staff), StringComparison.Ordinal);

        var editor = await site.SignInAsync(Roles.Editor);
        foreach (var text in new[] { "Lớp học mở vào tháng 6.", "Lớp học mở vào tháng 6 (sửa)." })
        {
            using var answer = await editor.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Answer", new() { ["tra-loi"] = text }, $"/quan-tri/cau-hoi/{id}");
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        var both = await mailbox.WaitAsync(email, count: 2);
        Assert.Equal(2, both.Count);
        var answered = Assert.Single(both, m => (m.Subject ?? "").Contains("đã có câu trả lời", StringComparison.Ordinal));
        Assert.Contains(reference, Maildir.Text(answered), StringComparison.Ordinal);
        Assert.Contains("https://khuyencong.test/hoi-dap/tra-cuu?ma-so=" + reference, Maildir.Text(answered), StringComparison.Ordinal);
        Assert.Contains("https://khuyencong.test/quan-tri/cau-hoi?q=" + reference, Maildir.Text(staff), StringComparison.Ordinal);

        // A comment on an open draft: one notice to staff.
        var document = new Document
        {
            Title = "Dự thảo thử thư góp ý", Slug = "du-thao-thu-thu-gop-y-" + Guid.NewGuid().ToString("N")[..6], Kind = "Dự thảo", Issuer = "Sở Công Thương",
            Status = ContentStatus.Published, PublishAt = site.ManualClock.GetUtcNow().UtcDateTime.AddDays(-1),
            CommentOpensAt = site.ManualClock.GetUtcNow().UtcDateTime.AddDays(-1), CommentClosesAt = site.ManualClock.GetUtcNow().UtcDateTime.AddDays(5),
        };
        await site.SaveAsync(document);
        var page = await client.GetHtmlAsync($"/van-ban/{document.Slug}/gop-y");
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var comment = await client.PostAsync(new Uri($"/van-ban/{document.Slug}/gop-y", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["Form.Name"] = "Người góp ý", ["Form.Email"] = "gop-y@example.com", ["Form.Text"] = "Góp ý thử.", ["Form.Consent"] = "yes",
                   ["phieu"] = page.QuerySelector("input[name=phieu]")!.GetAttribute("value")!,
                   ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
               })))
        {
            Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        }

        await mailbox.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").Contains(document.Title, StringComparison.Ordinal));
        var staffMail = mailbox.For(site.StaffAddress);
        Assert.DoesNotContain(staffMail, m => Maildir.Text(m).Contains("gop-y@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasing_a_persons_data_forgets_their_mail()
    {
        await using var offline = new OfflineMailSite();
        var email = $"xoa-{Guid.NewGuid():N}@example.com";
        var fields = Valid("Câu hỏi rồi xóa");
        fields["Form.Email"] = email;
        var client = offline.NewBrowser();
        var form = await OpenAsync(client);
        offline.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var ask = await AskAsync(client, fields, form))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        var (id, reference) = await offline.WithDbAsync(async (db, _) =>
            await db.Questions.Where(q => q.Email == email).Select(q => new ValueTuple<long, string>(q.Id, q.Reference)).SingleAsync());
        var kinds = await offline.WithDbAsync((db, _) => db.OutboxMessages.Where(m => m.EventKey.StartsWith("hoi-dap:" + reference)).Select(m => m.Kind).ToListAsync());
        Assert.Equal(["question-received", "question-staff"], kinds.Order(StringComparer.Ordinal));
        var staff = await offline.SignInAsync(Roles.Editor);
        using (var erase = await staff.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Erase", new() { ["xac-nhan"] = reference }, $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        }

        Assert.Equal(0, await offline.WithDbAsync((db, _) => db.OutboxMessages.CountAsync(m => m.Recipient == email)));
    }

    [ServicesFact(Service.Smtp)]
    public async Task An_asker_writing_from_the_staff_mailbox_address_gets_the_receipt_and_the_staff_notice_both()
    {
        ExternalServices.Require(Service.Smtp);
        var fields = Valid("Câu hỏi từ hộp thư của cán bộ");
        fields["Form.Email"] = site.StaffAddress;
        var client = site.NewBrowser();
        var form = await OpenAsync(client);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var ask = await AskAsync(client, fields, form))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        var reference = await site.WithDbAsync((db, _) => db.Questions.Where(q => q.Email == site.StaffAddress).Select(q => q.Reference).SingleAsync());
        await Maildir.Shared.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").StartsWith("Đã nhận câu hỏi", StringComparison.Ordinal) && m.Subject!.Contains(reference, StringComparison.Ordinal));
        await Maildir.Shared.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").StartsWith("Câu hỏi mới", StringComparison.Ordinal) && m.Subject!.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(2, Maildir.Shared.For(site.StaffAddress).Count(m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal)));
    }
}
