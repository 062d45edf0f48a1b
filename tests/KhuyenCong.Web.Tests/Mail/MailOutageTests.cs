using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// The SMTP server goes away and comes back (an aiosmtpd of the test's own, stopped and started on its port): the
/// outbox keeps the messages with the error, sends each once when the server returns; a row a dead sender left
/// claimed is never resent by itself; admins see failures with the server's answer and may send again.
/// </summary>
public sealed class MailOutageTests(ITestOutputHelper output)
{
    /// <summary>Asserts the count a sender pass returned, naming each row's state and last answer when it differs.</summary>
    private static async Task SentAsync(MailSite site, string reference, int expected)
    {
        var sent = await site.Sender.RunOnceAsync();
        Assert.True(sent == expected, $"sent {sent}, expected {expected}: " + string.Join("; ", (await RowsAsync(site, reference)).Select(r => $"{r.Recipient} {r.Status} {r.Attempts} {r.LastResponse}")));
    }

    private static Task<List<OutboxMessage>> RowsAsync(MailSite site, string reference) =>
        site.WithDbAsync((db, _) => db.OutboxMessages.AsNoTracking().Where(m => m.EventKey.StartsWith("dang-ky:" + reference + ":")).OrderBy(m => m.Id).ToListAsync());

    [ServicesFact(Service.Smtp)]
    public async Task Mail_queued_while_the_server_is_down_waits_with_the_error_and_arrives_once_when_it_returns()
    {
        ExternalServices.Require(Service.Smtp);
        using var smtp = new SmtpProcess(start: false);
        await using var site = new ManualSendSite(smtp.Port);
        var email = $"dn-{Guid.NewGuid():N}@example.com";
        var reference = await site.RegisterAsync(email);
        var queued = await RowsAsync(site, reference);
        Assert.Equal(2, queued.Count);

        // Down: two passes, nothing sent, the error kept, the attempt counted, the next one later (back-off).
        await SentAsync(site, reference, 0);
        var failed = await RowsAsync(site, reference);
        Assert.All(failed, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.All(failed, r => Assert.Equal(1, r.Attempts));
        Assert.All(failed, r => Assert.Contains("ConnectionRefused", r.LastResponse!, StringComparison.Ordinal));
        Assert.All(failed, r => Assert.True(r.NextAttemptAt > site.ManualClock.GetUtcNow().UtcDateTime));
        await SentAsync(site, reference, 0);
        Assert.All(await RowsAsync(site, reference), r => Assert.Equal(1, r.Attempts));
        site.ManualClock.Advance(TimeSpan.FromSeconds(61));
        await SentAsync(site, reference, 0);
        var second = await RowsAsync(site, reference);
        Assert.All(second, r => Assert.Equal(2, r.Attempts));
        // The second wait is twice the first.
        Assert.All(second, r => Assert.Equal(site.ManualClock.GetUtcNow().UtcDateTime.AddSeconds(120), r.NextAttemptAt, TimeSpan.FromSeconds(1)));

        // The admin sees the failure and the server's answer (the connection error).
        var admin = await site.SignInAsync(Roles.Admin);
        var page = await admin.GetHtmlAsync("/quan-tri/thu-gui?trang-thai=0");
        Assert.Contains(email, page.MainText(), StringComparison.Ordinal);
        Assert.Contains("ConnectionRefused", page.MainText(), StringComparison.Ordinal);

        // Back: each message arrives once.
        smtp.Start();
        await SentAsync(site, reference, 0);
        site.ManualClock.Advance(TimeSpan.FromSeconds(121));
        await SentAsync(site, reference, 2);
        await SentAsync(site, reference, 0);
        site.ManualClock.Advance(TimeSpan.FromHours(1));
        await SentAsync(site, reference, 0);
        var mine = smtp.Maildir.For(email);
        var staff = smtp.Maildir.For(site.StaffAddress);
        Assert.Single(mine);
        Assert.Single(staff);
        Assert.Contains(reference, mine[0].Subject, StringComparison.Ordinal);
        var sent = await RowsAsync(site, reference);
        Assert.All(sent, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.All(sent, r => Assert.Equal(3, r.Attempts));
        Assert.Equal(sent.Select(r => r.MessageId).Order(), mine.Concat(staff).Select(m => m.MessageId).Order());
        output.WriteLine($"outage: {queued.Count} messages queued while the SMTP server was down, 2 failed passes each recorded ({failed[0].LastResponse}); after it returned: {mine.Count + staff.Count} received, each exactly once ({string.Join(", ", sent.Select(r => r.Kind))})");
    }

    [ServicesFact(Service.Smtp)]
    public async Task A_row_left_claimed_by_a_dead_sender_becomes_unknown_is_not_resent_and_an_admin_may_send_it_again()
    {
        ExternalServices.Require(Service.Smtp);
        using var smtp = new SmtpProcess();
        await using var site = new ManualSendSite(smtp.Port);
        var email = $"dn-{Guid.NewGuid():N}@example.com";
        var reference = await site.RegisterAsync(email);

        // A sender claimed the enterprise's mail, then died (no mark): the row stays Sending.
        var row = (await RowsAsync(site, reference)).Single(r => r.Recipient == email);
        var claimedAt = site.ManualClock.GetUtcNow().UtcDateTime;
        await site.WithDbAsync((db, _) => db.OutboxMessages.Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, claimedAt)
                .SetProperty(m => m.ClaimedBy, "dead-node").SetProperty(m => m.Attempts, 1)));
        await SentAsync(site, reference, 1);
        Assert.Empty(smtp.Maildir.For(email));
        site.ManualClock.Advance(TimeSpan.FromMinutes(11));
        await SentAsync(site, reference, 0);
        var unknown = (await RowsAsync(site, reference)).Single(r => r.Id == row.Id);
        Assert.Equal(OutboxStatus.Unknown, unknown.Status);
        Assert.Contains("Không rõ đã gửi hay chưa", unknown.LastResponse, StringComparison.Ordinal);
        site.ManualClock.Advance(TimeSpan.FromHours(2));
        await SentAsync(site, reference, 0);
        Assert.Empty(smtp.Maildir.For(email));

        // The admin sees it and sends it again, consciously: it arrives once.
        var admin = await site.SignInAsync(Roles.Admin);
        var page = await admin.GetHtmlAsync("/quan-tri/thu-gui?trang-thai=4");
        Assert.Contains(email, page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[action='/quan-tri/thu-gui?handler=Retry'] input[value='{row.Id}']"));
        using (var retry = await admin.PostFormAsync("/quan-tri/thu-gui?handler=Retry", new() { ["id"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/thu-gui"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        }

        await SentAsync(site, reference, 1);
        Assert.Single(await smtp.Maildir.WaitAsync(email));
        Assert.Equal(1, await site.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "mail-retry")));

        // A row that is not Failed or Unknown is not sent again (409, the reason on the page); a malformed id is a
        // 400; an editor may not look.
        using (var again = await admin.PostFormAsync("/quan-tri/thu-gui?handler=Retry", new() { ["id"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/thu-gui"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("Chỉ gửi lại được thư", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await SentAsync(site, reference, 0);
        using (var bad = await admin.PostFormAsync("/quan-tri/thu-gui?handler=Retry", new() { ["id"] = "1; DROP TABLE" }, "/quan-tri/thu-gui"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var editor = await site.SignInAsync(Roles.Editor);
        using var refused = await editor.GetAsync(new Uri("/quan-tri/thu-gui", UriKind.Relative));
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.ToString().Contains("/loi/403", StringComparison.Ordinal) == true);
        Assert.Single(smtp.Maildir.For(email));
        output.WriteLine($"stale claim: 1 row left Sending by a dead sender → Unknown, 0 resent by the sender, 1 received after the admin's retry");
    }
}
