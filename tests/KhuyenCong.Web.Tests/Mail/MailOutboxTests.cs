using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Tests.Pages.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>The outbox itself: written with the caller's transaction, once per event and person, composed safely.</summary>
public sealed class MailOutboxTests(OfflineMailSite site) : IClassFixture<OfflineMailSite>
{
    private static OutgoingMail Sample(string to, string key) => new()
    {
        To = to, Kind = MailKinds.RegistrationReceived, EventKey = key, Subject = "Thử <b>tiêu đề</b>\r\nBcc: ke-gian@example.com",
        Greeting = "Kính gửi ông/bà <script>alert(1)</script>,", Paragraphs = ["Đoạn một.", "Dòng một\nDòng hai <img src=x onerror=alert(1)>"],
        Reference = "KC-2026-000001", Links = [new("Tra cứu tình trạng hồ sơ", KhuyenCong.Web.Services.Registrations.RegistrationCatalog.Triage.LookupPath("KC-2026-000001"))],
    };

    private Task<int> CountAsync(string key) => site.WithDbAsync((db, _) => db.OutboxMessages.CountAsync(m => m.EventKey == key));

    [Fact]
    public async Task A_message_is_written_only_by_the_callers_commit()
    {
        var key = "thu:" + Guid.NewGuid().ToString("N");
        var to = $"nguoi-{Guid.NewGuid():N}@example.com";
        await site.WithDbAsync(async (db, sp) =>
        {
            var outbox = sp.GetRequiredService<MailOutbox>();
            Assert.True(outbox.Enabled);
            Assert.NotNull(await outbox.AddAsync(Sample(to, key)));
            Assert.Equal(0, await CountAsync(key));

            // The caller's transaction rolls back: no mail without its change.
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }

            Assert.Equal(0, await CountAsync(key));
            db.ChangeTracker.Clear();
            Assert.NotNull(await outbox.AddAsync(Sample(to, key)));
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(1, await CountAsync(key));
    }

    [Fact]
    public async Task The_same_event_is_never_queued_twice_for_one_person()
    {
        var key = "thu:" + Guid.NewGuid().ToString("N");
        var to = $"nguoi-{Guid.NewGuid():N}@example.com";
        await site.WithDbAsync(async (db, sp) =>
        {
            var outbox = sp.GetRequiredService<MailOutbox>();
            Assert.NotNull(await outbox.AddAsync(Sample(to, key)));
            Assert.Null(await outbox.AddAsync(Sample(to.ToUpperInvariant(), key)));
            await db.SaveChangesAsync();
            Assert.Null(await outbox.AddAsync(Sample(to, key)));
            Assert.NotNull(await outbox.AddAsync(Sample("nguoi-khac-" + to, key)));
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(2, await CountAsync(key));

        // The database refuses a second row for the pair even when written past the service.
        var refused = await site.WithDbAsync(async (db, _) =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Recipient = to, Kind = "x", EventKey = key, Subject = "x", TextBody = "x", MessageId = Guid.NewGuid().ToString("N") + "@x",
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            try
            {
                await db.SaveChangesAsync();
                return false;
            }
            catch (DbUpdateException)
            {
                return true;
            }
        });
        Assert.True(refused);
    }

    [Fact]
    public async Task A_message_has_the_reference_absolute_links_and_no_markup_from_the_text()
    {
        var key = "thu:" + Guid.NewGuid().ToString("N");
        var to = $"nguoi-{Guid.NewGuid():N}@example.com";
        var row = await site.WithDbAsync(async (db, sp) =>
        {
            var added = await sp.GetRequiredService<MailOutbox>().AddAsync(Sample(to, key));
            await db.SaveChangesAsync();
            return added!;
        });
        Assert.DoesNotContain('\n', row.Subject);
        Assert.Contains("KC-2026-000001", row.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://khuyencong.test/dang-ky-ho-tro/tra-cuu?ma-so=KC-2026-000001", row.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://khuyencong.test/dang-ky-ho-tro/tra-cuu?ma-so=KC-2026-000001\"", row.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", row.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dòng một<br>", row.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("@khuyencong.test", row.MessageId, StringComparison.Ordinal);

        // The MIME message: both parts, quoted-printable UTF-8, the row's Message-Id, one recipient.
        var mime = MailSender.Build(row, new KhuyenCong.Web.Options.MailOptions { Host = "x", From = "Khuyến công <khuyencong@khuyencong.test>" });
        Assert.Equal(row.MessageId, mime.MessageId);
        Assert.Single(mime.To.Mailboxes);
        Assert.Empty(mime.Bcc);
        Assert.Contains("KC-2026-000001", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("KC-2026-000001", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Null(mime.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task A_submitted_registration_queues_its_acknowledgement_and_the_staff_notice_in_its_own_commit()
    {
        var email = $"dn-{Guid.NewGuid():N}@example.com";
        var client = site.NewBrowser();
        await site.RegisterAsync(email, client);
        var (reference, rows) = await site.WithDbAsync(async (db, _) =>
        {
            var r = await db.Registrations.Where(x => x.Email == email).Select(x => new { x.Reference, x.SubmittedAt }).SingleAsync();
            var mail = await db.OutboxMessages.Where(m => m.EventKey.StartsWith("dang-ky:" + r.Reference + ":")).ToListAsync();
            Assert.All(mail, m => Assert.Equal(r.SubmittedAt, m.CreatedAt));
            return (r.Reference, mail);
        });
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, m => m.Recipient == email && m.Kind == MailKinds.RegistrationReceived);
        var staff = Assert.Single(rows, m => m.Recipient == site.StaffAddress);
        Assert.Equal(MailKinds.RegistrationStaff, staff.Kind);
        // The staff notice names no person: no name, phone or address.
        Assert.DoesNotContain("Nguyễn Văn Mẫu", staff.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", staff.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(email, staff.TextBody, StringComparison.Ordinal);
        Assert.Contains(reference, staff.Subject, StringComparison.Ordinal);

        // The confirmation page says where the mail goes.
        var done = await client.GetHtmlAsync("/dang-ky-ho-tro/da-gui");
        Assert.Contains("Chúng tôi gửi thư xác nhận tới " + email, done.MainText(), StringComparison.Ordinal);

        // A retried submit (the same key) stores nothing and queues nothing more.
        using (var again = await SubmitAsync(client, await site.WithDbAsync((db, _) => db.Registrations.Where(x => x.Email == email).Select(x => x.IdempotencyKey.ToString()).SingleAsync())))
        {
            Assert.True((int)again.StatusCode < 500);
        }

        Assert.Equal(2, await site.WithDbAsync((db, _) => db.OutboxMessages.CountAsync(m => m.EventKey.StartsWith("dang-ky:" + reference + ":"))));
    }
}

/// <summary>With Mail:Host unset nothing is queued, and the pages that would promise mail say that none is sent.</summary>
public sealed class MailOffTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    [Fact]
    public async Task No_mail_host_means_no_mail_and_the_pages_say_so()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var submit = await SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        var done = await client.GetHtmlAsync("/dang-ky-ho-tro/da-gui");
        Assert.Contains("Trang này không gửi thư điện tử", done.MainText(), StringComparison.Ordinal);
        var lookup = await client.GetHtmlAsync("/dang-ky-ho-tro/tra-cuu");
        Assert.Contains("Trang này không gửi thư điện tử", lookup.MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.OutboxMessages.CountAsync()));

        var subscribe = await client.GetHtmlAsync("/nhan-tin");
        Assert.Contains("chưa gửi được thư điện tử", subscribe.MainText(), StringComparison.Ordinal);
        Assert.Null(subscribe.QuerySelector("main form[action='/nhan-tin']"));
        using var post = await client.PostFormAsync("/nhan-tin", new() { ["thu-dien-tu"] = "ai-do@example.com", ["van-ban"] = "co", ["tan-suat"] = "hang-tuan", ["dong-y"] = "co" }, "/dang-ky-ho-tro/tra-cuu");
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.MailSubscribers.CountAsync()));
    }
}
