using System.Net;
using System.Text.Json;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>Subscribers are personal data: an admin exports and erases an address's data (audited without it); unconfirmed requests expire.</summary>
public sealed class SubscriberDataTests(OfflineMailSite site) : IClassFixture<OfflineMailSite>
{
    private async Task SubscribeAsync(string email) => await site.WithDbAsync(async (_, sp) =>
    {
        await sp.GetRequiredService<MailSubscriptions>().SubscribeAsync(email, [], documents: true, fairs: false, DigestFrequency.Weekly);
        return 0;
    });

    [Fact]
    public async Task An_admin_exports_and_erases_an_address_and_the_audit_does_not_name_it()
    {
        var email = $"nguoi-nhan-{Guid.NewGuid():N}@example.com";
        await SubscribeAsync(email);
        var admin = await site.SignInAsync(Roles.Admin);
        var page = await admin.GetHtmlAsync("/quan-tri/thu-gui/nguoi-nhan-tin?thu-dien-tu=" + Uri.EscapeDataString(email.ToUpperInvariant()));
        Assert.Contains("1 thư trong hàng thư gửi đi", page.MainText(), StringComparison.Ordinal);

        using (var export = await admin.PostFormAsync("/quan-tri/thu-gui/nguoi-nhan-tin?handler=Export", new() { ["thu-dien-tu"] = email }, "/quan-tri/thu-gui/nguoi-nhan-tin"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
            Assert.Equal(email, json.RootElement.GetProperty("thuDienTu").GetString());
            var subscription = json.RootElement.GetProperty("dangKyNhanTin")[0];
            Assert.Equal(MailSubscriptions.ConsentVersion, subscription.GetProperty("phienBanDongY").GetString());
            Assert.True(subscription.GetProperty("vanBan").GetBoolean());
            Assert.Equal("Xác nhận đăng ký nhận tin qua thư điện tử", json.RootElement.GetProperty("thuDaGui")[0].GetProperty("tieuDe").GetString());
        }

        using (var wrong = await admin.PostFormAsync("/quan-tri/thu-gui/nguoi-nhan-tin?handler=Erase", new() { ["thu-dien-tu"] = email, ["xac-nhan"] = "khac@example.com" }, "/quan-tri/thu-gui/nguoi-nhan-tin"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        Assert.Equal(1, await site.WithDbAsync((db, _) => db.MailSubscribers.CountAsync(s => s.Email == email)));
        using (var erase = await admin.PostFormAsync("/quan-tri/thu-gui/nguoi-nhan-tin?handler=Erase", new() { ["thu-dien-tu"] = email, ["xac-nhan"] = email }, "/quan-tri/thu-gui/nguoi-nhan-tin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        }

        Assert.Equal((0, 0), await site.WithDbAsync(async (db, _) => (await db.MailSubscribers.CountAsync(s => s.Email == email), await db.OutboxMessages.CountAsync(m => m.Recipient == email))));
        var audits = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == "MailSubscriber").OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audits, a => a.Action == "subscriber-export-person");
        Assert.Contains(audits, a => a.Action == "subscriber-erase-person");
        Assert.DoesNotContain(audits, a => (a.EntityId + a.Detail).Contains(email, StringComparison.OrdinalIgnoreCase));

        // Bad input on the admin form: a 400 with the message, never a 500.
        using var bad = await admin.PostFormAsync("/quan-tri/thu-gui/nguoi-nhan-tin?handler=Export", new() { ["thu-dien-tu"] = "<script>alert(1)</script>" }, "/quan-tri/thu-gui/nguoi-nhan-tin");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.DoesNotContain("<script>alert", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_what_the_outbox_page_shows_is_text_never_markup()
    {
        var key = "thu:" + Guid.NewGuid().ToString("N");
        await site.WithDbAsync(async (db, _) =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Recipient = "x@example.com", Kind = "<b>loai</b>", EventKey = key, Subject = "<script>alert(1)</script>", TextBody = "x",
                MessageId = Guid.NewGuid().ToString("N") + "@x", Status = OutboxStatus.Failed, LastResponse = "550 <img src=x onerror=alert(1)>",
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var admin = await site.SignInAsync(Roles.Admin);
        using var response = await admin.GetAsync(new Uri("/quan-tri/thu-gui?trang-thai=3", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>loai", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unconfirmed_requests_and_old_mail_are_deleted_by_the_digest_pass()
    {
        var email = $"chua-xac-nhan-{Guid.NewGuid():N}@example.com";
        await SubscribeAsync(email);
        site.ManualClock.Advance(TimeSpan.FromDays(6));
        await site.Digest.RunOnceAsync();
        Assert.Equal(1, await site.WithDbAsync((db, _) => db.MailSubscribers.CountAsync(s => s.Email == email)));
        site.ManualClock.Advance(TimeSpan.FromDays(2));
        await site.Digest.RunOnceAsync();
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.MailSubscribers.CountAsync(s => s.Email == email)));
    }
}
