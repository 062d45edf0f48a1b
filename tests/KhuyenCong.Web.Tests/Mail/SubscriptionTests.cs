using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>The site's clock starts now (content published in the test goes live "now") and moves by hand.</summary>
public sealed class SubscriptionSite() : MailSite(null, DateTimeOffset.UtcNow);

/// <summary>
/// "Nhận tin qua e-mail" end to end through the run's SMTP server: the form (no JavaScript), double opt-in (only
/// the confirmation is sent before confirming), the digest with only what is new and chosen, nothing when nothing is
/// new, the List-Unsubscribe headers and the one-click unsubscribe (a POST without antiforgery).
/// </summary>
public sealed partial class SubscriptionTests(SubscriptionSite site, ITestOutputHelper output) : IClassFixture<SubscriptionSite>
{
    [GeneratedRegex(@"https://khuyencong\.test/nhan-tin/xac-nhan/([A-Za-z0-9_-]{43})")]
    private static partial Regex ConfirmLink();

    /// <summary>Fills the form like a person without JavaScript: GET, wait, POST with the page's hidden fields.</summary>
    public static async Task<HttpResponseMessage> SubscribeAsync(SubscriptionSiteClient browser, Dictionary<string, string> fields, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await browser.Client.GetHtmlAsync("/nhan-tin");
        var form = page.QuerySelector("main form[action='/nhan-tin']")!;
        var all = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("bat-dau", form.QuerySelector("input[name=bat-dau]")!.GetAttribute("value")!),
        };
        browser.Clock.Advance(wait ?? TimeSpan.FromSeconds(10));
        foreach (var (key, value) in fields)
        {
            foreach (var v in value.Split('\n'))
            {
                all.Add(new(key, v));
            }
        }

        using var content = new FormUrlEncodedContent(all);
        return await browser.Client.PostAsync(new Uri("/nhan-tin", UriKind.Relative), content);
    }

    private Task<int> DigestsAsync(string email) =>
        site.WithDbAsync((db, _) => db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Kind == MailKinds.Digest));

    [ServicesFact(Service.Smtp)]
    public async Task Subscribe_confirm_receive_only_new_chosen_items_and_unsubscribe_in_one_click()
    {
        ExternalServices.Require(Service.Smtp);
        var mailbox = Maildir.Shared;
        var email = $"doc-gia-{Guid.NewGuid():N}@example.com";
        var topics = await site.WithDbAsync((db, _) => db.Topics.OrderBy(t => t.SortOrder).Select(t => t.Slug).Take(2).ToListAsync());
        var browser = new SubscriptionSiteClient(site.NewBrowser(), site.ManualClock);

        var form = await browser.Client.GetHtmlAsync("/nhan-tin");
        Assert.Equal("post", form.QuerySelector("main form[action='/nhan-tin']")!.GetAttribute("method"));
        Assert.Null(form.QuerySelector("input[name=dong-y][checked]"));
        Assert.Contains(MailSubscriptions.ConsentVersion, form.MainText(), StringComparison.Ordinal);
        using (var posted = await SubscribeAsync(browser, new() { ["thu-dien-tu"] = " " + email.ToUpperInvariant() + " ", ["chuyen-muc"] = topics[0], ["van-ban"] = "co", ["tan-suat"] = "hang-ngay", ["dong-y"] = "co" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal("/nhan-tin/da-gui", posted.Headers.Location?.ToString());
        }

        var sentPage = await browser.Client.GetHtmlAsync("/nhan-tin/da-gui");
        Assert.Contains("Hãy mở hộp thư", sentPage.MainText(), StringComparison.Ordinal);

        // Only the confirmation mail, with the consent stored.
        var confirmation = Assert.Single(await mailbox.WaitAsync(email));
        Assert.Equal("Xác nhận đăng ký nhận tin qua thư điện tử", confirmation.Subject);
        var token = ConfirmLink().Match(Maildir.Text(confirmation)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), Maildir.Text(confirmation));
        Assert.Contains("https://khuyencong.test/nhan-tin/xac-nhan/" + token, Maildir.Html(confirmation), StringComparison.Ordinal);
        var stored = await site.WithDbAsync((db, _) => db.MailSubscribers.AsNoTracking().SingleAsync(s => s.Email == email));
        Assert.Equal(MailSubscriptions.ConsentVersion, stored.ConsentVersion);
        Assert.Null(stored.ConfirmedAt);
        Assert.Equal($"|{topics[0]}|", stored.Topics);
        Assert.NotEqual(token, stored.ConfirmTokenHash);
        Assert.Equal($"<https://khuyencong.test/nhan-tin/huy/{stored.UnsubscribeToken}>", confirmation.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", confirmation.Headers["List-Unsubscribe-Post"]);

        // A second request within the hour sends nothing more (no one can flood an address with confirmations).
        using (var again = await SubscribeAsync(browser, new() { ["thu-dien-tu"] = email, ["van-ban"] = "co", ["tan-suat"] = "hang-ngay", ["dong-y"] = "co" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        // Before confirming nothing else is sent, however much is published.
        var early = await site.NewArticleAsync("Tin trước khi xác nhận " + Guid.NewGuid().ToString("N")[..6], topicSlug: topics[0], publishAt: site.ManualClock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        site.ManualClock.Advance(TimeSpan.FromDays(2));
        await site.Digest.RunOnceAsync();
        await site.Sender.RunOnceAsync();
        Assert.Equal(0, await DigestsAsync(email));
        Assert.Single(mailbox.For(email));

        // Confirm: the GET shows a button, only the POST confirms.
        var confirmPage = await browser.Client.GetHtmlAsync("/nhan-tin/xac-nhan/" + token);
        Assert.Contains("Xác nhận nhận tin", confirmPage.MainText(), StringComparison.Ordinal);
        Assert.Null(await site.WithDbAsync((db, _) => db.MailSubscribers.Where(s => s.Email == email).Select(s => s.ConfirmedAt).SingleAsync()));
        using (var confirmed = await browser.Client.PostFormAsync("/nhan-tin/xac-nhan/" + token, []))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            var html = await Pages.Registration.RegistrationClient.ParseAsync(confirmed);
            Assert.Contains("Đã xác nhận nhận tin", html.MainText(), StringComparison.Ordinal);
        }

        // A day with nothing new: nothing sent.
        site.ManualClock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));
        await site.Digest.RunOnceAsync();
        Assert.Equal(0, await DigestsAsync(email));

        // New: an article of the chosen topic, one of another topic, a document. The digest lists the chosen ones.
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        var now = site.ManualClock.GetUtcNow().UtcDateTime;
        var chosen = await site.NewArticleAsync("Tin chuyên mục đã chọn " + Guid.NewGuid().ToString("N")[..6], topicSlug: topics[0], publishAt: now.AddMinutes(-1));
        var other = await site.NewArticleAsync("Tin chuyên mục khác " + Guid.NewGuid().ToString("N")[..6], topicSlug: topics[1], publishAt: now.AddMinutes(-1));
        var document = await site.WithDbAsync(async (db, _) => await db.Documents.AsNoTracking().FirstAsync());
        await site.WithDbAsync(async (db, sp) =>
        {
            var d = await db.Documents.FirstAsync(x => x.Id == document.Id);
            d.WentLiveAt = now;
            await db.SaveChangesAsync();
            return 0;
        });
        await site.Digest.RunOnceAsync();
        Assert.Equal(0, await DigestsAsync(email));
        site.ManualClock.Advance(TimeSpan.FromDays(1));
        await site.Digest.RunOnceAsync();
        await site.Digest.RunOnceAsync();
        Assert.Equal(1, await DigestsAsync(email));
        var messages = await mailbox.WaitAsync(email, 2);
        var digest = messages.Single(m => (m.Subject ?? "").StartsWith("Tin mới", StringComparison.Ordinal));
        var text = Maildir.Text(digest);
        Assert.Contains("https://khuyencong.test" + SiteUrls.Article(chosen.Slug), text, StringComparison.Ordinal);
        Assert.Contains("https://khuyencong.test" + SiteUrls.Document(document.Slug), text, StringComparison.Ordinal);
        Assert.DoesNotContain(SiteUrls.Article(other.Slug), text, StringComparison.Ordinal);
        Assert.DoesNotContain(SiteUrls.Article(early.Slug), text, StringComparison.Ordinal);
        Assert.Contains("2 nội dung mới", digest.Subject, StringComparison.Ordinal);
        var unsubscribe = $"https://khuyencong.test/nhan-tin/huy/{stored.UnsubscribeToken}";
        Assert.Equal($"<{unsubscribe}>", digest.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe, text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{unsubscribe}\"", Maildir.Html(digest), StringComparison.Ordinal);

        // The next day, nothing new: no mail.
        site.ManualClock.Advance(TimeSpan.FromDays(1));
        await site.Digest.RunOnceAsync();
        Assert.Equal(1, await DigestsAsync(email));

        // The unsubscribe page: a GET shows a button and changes nothing.
        var unsubscribePage = await site.NewBrowser().GetHtmlAsync("/nhan-tin/huy/" + stored.UnsubscribeToken);
        Assert.Contains(email, unsubscribePage.MainText(), StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync((db, _) => db.MailSubscribers.CountAsync(s => s.Email == email)));

        // One click (RFC 8058): a POST from the mail program, no cookie, no antiforgery token.
        using var plain = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        using (var oneClick = await plain.PostAsync(new Uri("/nhan-tin/huy/" + stored.UnsubscribeToken, UriKind.Relative), body))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
            Assert.Contains("Đã hủy nhận tin", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await site.WithDbAsync((db, _) => db.MailSubscribers.CountAsync(s => s.Email == email)));
        using (var gone = await plain.GetAsync(new Uri("/nhan-tin/huy/" + stored.UnsubscribeToken, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Contains("không còn hiệu lực", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        site.ManualClock.Advance(TimeSpan.FromDays(1));
        await site.NewArticleAsync("Tin sau khi hủy " + Guid.NewGuid().ToString("N")[..6], topicSlug: topics[0], publishAt: site.ManualClock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        site.ManualClock.Advance(TimeSpan.FromDays(1));
        await site.Digest.RunOnceAsync();
        await site.Sender.RunOnceAsync();
        Assert.Equal(1, await DigestsAsync(email));
        Assert.Equal(2, mailbox.For(email).Count);
        var kinds = await site.WithDbAsync((db, _) => db.OutboxMessages.Where(m => m.Recipient == email).GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        output.WriteLine($"subscription: messages per kind: {string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Count}"))}; received: {mailbox.For(email).Count} (the confirmation and one digest)");
    }

    [ServicesFact(Service.Smtp)]
    public async Task Confirming_again_replaces_the_earlier_choices_and_old_links_stop_working()
    {
        ExternalServices.Require(Service.Smtp);
        var email = $"doc-gia-{Guid.NewGuid():N}@example.com";
        var browser = new SubscriptionSiteClient(site.NewBrowser(), site.ManualClock);
        using (var first = await SubscribeAsync(browser, new() { ["thu-dien-tu"] = email, ["hoi-cho"] = "co", ["tan-suat"] = "hang-tuan", ["dong-y"] = "co" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var token1 = ConfirmLink().Match(Maildir.Text((await Maildir.Shared.WaitAsync(email))[0])).Groups[1].Value;
        using (var c1 = await browser.Client.PostFormAsync("/nhan-tin/xac-nhan/" + token1, []))
        {
            Assert.Equal(HttpStatusCode.OK, c1.StatusCode);
        }

        site.ManualClock.Advance(TimeSpan.FromHours(2));
        using (var second = await SubscribeAsync(browser, new() { ["thu-dien-tu"] = email, ["van-ban"] = "co", ["tan-suat"] = "hang-ngay", ["dong-y"] = "co" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        var token2 = ConfirmLink().Match(Maildir.Text((await Maildir.Shared.WaitAsync(email, 2))[1])).Groups[1].Value;
        Assert.NotEqual(token1, token2);
        using (var c2 = await browser.Client.PostFormAsync("/nhan-tin/xac-nhan/" + token2, []))
        {
            Assert.Equal(HttpStatusCode.OK, c2.StatusCode);
        }

        var rows = await site.WithDbAsync((db, _) => db.MailSubscribers.AsNoTracking().Where(s => s.Email == email).ToListAsync());
        var row = Assert.Single(rows);
        Assert.True(row.Documents);
        Assert.False(row.Fairs);
        Assert.Equal(DigestFrequency.Daily, row.Frequency);
        using var old = await site.NewBrowser().GetAsync(new Uri("/nhan-tin/xac-nhan/" + token1, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}

/// <summary>A browser and the site's clock (the form's minimum fill time is measured on it).</summary>
public sealed record SubscriptionSiteClient(HttpClient Client, ManualClock Clock);
