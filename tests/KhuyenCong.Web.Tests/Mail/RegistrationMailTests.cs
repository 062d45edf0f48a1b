using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Xunit.Abstractions;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// A registration's mail through the real SMTP server of the test run: the enterprise's acknowledgement, the staff
/// notice, a mail for each status change and public reply (none for an internal note), each arriving once, parsed
/// back with MimeKit.
/// </summary>
public sealed class RegistrationMailTests(MailSite site, ITestOutputHelper output) : IClassFixture<MailSite>
{
    private static void AssertParts(MimeMessage message, string reference)
    {
        Assert.Contains(reference, Maildir.Text(message), StringComparison.Ordinal);
        Assert.Contains(reference, Maildir.Html(message), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Maildir.Html(message), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("khuyencong@khuyencong.test", message.From.Mailboxes.Single().Address);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Null(message.Headers["List-Unsubscribe"]);
    }

    [ServicesFact(Service.Smtp)]
    public async Task The_enterprise_and_the_staff_mailbox_get_each_message_once_with_the_reference_and_the_lookup_link()
    {
        ExternalServices.Require(Service.Smtp);
        var mailbox = Maildir.Shared;
        var email = $"dn-{Guid.NewGuid():N}@example.com";
        var client = site.NewBrowser();
        await site.RegisterAsync(email, client);
        var (id, reference) = await site.WithDbAsync(async (db, _) =>
            await db.Registrations.Where(r => r.Email == email).Select(r => new ValueTuple<long, string>(r.Id, r.Reference)).SingleAsync());
        var lookup = "https://khuyencong.test/dang-ky-ho-tro/tra-cuu?ma-so=" + reference;

        var received = Assert.Single(await mailbox.WaitAsync(email));
        Assert.Equal(email, received.To.Mailboxes.Single().Address);
        Assert.Contains(reference, received.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Đã nhận đăng ký", received.Subject, StringComparison.Ordinal);
        AssertParts(received, reference);
        Assert.Contains(lookup, Maildir.Text(received), StringComparison.Ordinal);
        Assert.Contains($"href=\"{lookup}\"", Maildir.Html(received), StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Mẫu", Maildir.Text(received), StringComparison.Ordinal);

        // The staff mailbox is the site's: other tests of the class register too.
        await mailbox.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        var staff = Assert.Single(mailbox.For(site.StaffAddress), m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        Assert.Contains(reference, staff.Subject, StringComparison.Ordinal);
        AssertParts(staff, reference);
        Assert.Contains("https://khuyencong.test/quan-tri/dang-ky?q=" + reference, Maildir.Text(staff), StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", Maildir.Text(staff), StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Mẫu", Maildir.Text(staff), StringComparison.Ordinal);
        Assert.DoesNotContain(email, Maildir.Text(staff), StringComparison.Ordinal);

        // The link in the mail opens the lookup with the reference filled in.
        var form = await client.GetHtmlAsync("/dang-ky-ho-tro/tra-cuu?ma-so=" + reference);
        Assert.Equal(reference, form.QuerySelector("input[name=ma-so]")!.GetAttribute("value"));

        // Triage: a status change and a public reply each send one mail; an internal note sends none.
        var editor = await site.SignInAsync(Roles.Editor);
        using (var status = await editor.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Status", new() { ["trang-thai"] = "1" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        }

        using (var note = await editor.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Note", new() { ["ghi-chu"] = "Ghi chú nội bộ bí mật" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }

        site.ManualClock.Advance(TimeSpan.FromSeconds(1));
        using (var reply = await editor.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Note", new() { ["ghi-chu"] = "Cán bộ sẽ gọi điện <b>trong tuần</b>.", ["cong-khai"] = "1" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }

        var all = await mailbox.WaitAsync(email, 3);
        var statusMail = Assert.Single(all, m => (m.Subject ?? "").Contains("chuyển sang “Đang xem xét”", StringComparison.Ordinal));
        AssertParts(statusMail, reference);
        Assert.Contains(lookup, Maildir.Text(statusMail), StringComparison.Ordinal);
        var replyMail = Assert.Single(all, m => (m.Subject ?? "").Contains("trả lời của cán bộ", StringComparison.Ordinal));
        Assert.Contains("Cán bộ sẽ gọi điện <b>trong tuần</b>.", Maildir.Text(replyMail), StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;trong tuần&lt;/b&gt;", Maildir.Html(replyMail), StringComparison.Ordinal);
        Assert.DoesNotContain(all, m => Maildir.Text(m).Contains("bí mật", StringComparison.Ordinal));

        // Passes later, still one of each: every row Sent once, each with its own Message-Id.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await site.Sender.RunOnceAsync();
        Assert.Equal(3, mailbox.For(email).Count);
        Assert.Single(mailbox.For(site.StaffAddress), m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        Assert.Equal(3, mailbox.For(email).Select(m => m.MessageId).Distinct().Count());
        var rows = await site.WithDbAsync((db, _) => db.OutboxMessages.AsNoTracking().Where(m => m.EventKey.StartsWith("dang-ky:" + reference + ":")).ToListAsync());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.All(rows, r => Assert.StartsWith("250 ", r.LastResponse!, StringComparison.Ordinal));
        var counts = rows.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"registration {reference}: messages sent per kind: {string.Join(", ", counts)}; received by the SMTP server: {mailbox.For(email).Count} to the enterprise, {mailbox.For(site.StaffAddress).Count(m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal))} to the staff mailbox");
    }

    [ServicesFact(Service.Smtp)]
    public async Task Erasing_the_persons_data_removes_the_mail_about_the_registration()
    {
        ExternalServices.Require(Service.Smtp);
        var email = $"dn-{Guid.NewGuid():N}@example.com";
        await site.RegisterAsync(email);
        var (id, reference) = await site.WithDbAsync(async (db, _) =>
            await db.Registrations.Where(r => r.Email == email).Select(r => new ValueTuple<long, string>(r.Id, r.Reference)).SingleAsync());
        await Maildir.Shared.WaitAsync(email);
        var admin = await site.SignInAsync(Roles.Admin);
        using (var erase = await admin.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Erase", new() { ["xac-nhan"] = reference }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        }

        Assert.Equal(0, await site.WithDbAsync((db, _) => db.OutboxMessages.CountAsync(m => m.Recipient == email)));
        // Erased: a later status change sends nothing to anyone.
        using (var status = await admin.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Status", new() { ["trang-thai"] = "1" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        }

        Assert.Equal(0, await site.WithDbAsync((db, _) => db.OutboxMessages.CountAsync(m => m.EventKey.StartsWith("dang-ky:" + reference + ":trang-thai"))));
    }

    [ServicesFact(Service.Smtp)]
    public async Task An_applicant_writing_from_the_staff_mailbox_address_gets_the_receipt_and_the_staff_notice_both()
    {
        ExternalServices.Require(Service.Smtp);
        var answers = ValidAnswers();
        answers["lien-he"] = [.. answers["lien-he"].Where(f => f.Key != "Form.Email"), new("Form.Email", site.StaffAddress)];
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client, answers: answers);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var submit = await SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        var reference = await site.WithDbAsync((db, _) => db.Registrations.Where(r => r.Email == site.StaffAddress).Select(r => r.Reference).SingleAsync());
        await Maildir.Shared.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").StartsWith("Đã nhận đăng ký", StringComparison.Ordinal) && m.Subject!.Contains(reference, StringComparison.Ordinal));
        await Maildir.Shared.WaitForAsync(site.StaffAddress, m => (m.Subject ?? "").StartsWith("Đăng ký hỗ trợ mới", StringComparison.Ordinal) && m.Subject!.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(2, Maildir.Shared.For(site.StaffAddress).Count(m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal)));
    }
}
