using System.Net;
using System.Text;
using KhuyenCong.Web.Tests.Pages.Registration;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// The registration's bad-input corpus on the subscription form (every field), the confirmation and unsubscribe
/// links (GET and POST): a Vietnamese message and a 4xx, never a 5xx, never a partial write; the anti-spam rules
/// (honeypot, minimum fill time, per-IP limit) answer in Vietnamese too.
/// </summary>
public sealed class SubscriptionBadInputTests(OfflineMailSite site) : IClassFixture<OfflineMailSite>
{
    private static bool HasVietnamese(string text) => text.Any(c => c is 'ả' or 'ộ' or 'ệ' or 'ư' or 'ơ' or 'đ' or 'ấ' or 'ờ' or 'ị' or 'ể' or 'ọ' or 'ố');

    private static readonly (string Key, string Value)[] Valid =
    [
        ("thu-dien-tu", "hop-le@example.com"), ("van-ban", "co"), ("hoi-cho", "co"), ("tan-suat", "hang-tuan"), ("dong-y", "co"), ("website", ""),
    ];

    private Task<(int Subscribers, int Mail)> CountsAsync() => site.WithDbAsync(async (db, _) => (await db.MailSubscribers.CountAsync(), await db.OutboxMessages.CountAsync()));

    /// <summary>GETs the form (antiforgery token, start time), lets the fill time pass, posts the fields as encoded.</summary>
    private async Task<HttpResponseMessage> RawPostAsync(HttpClient client, IEnumerable<(string Key, string Encoded)> fields, bool wait = true)
    {
        var page = await client.GetHtmlAsync("/nhan-tin");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var started = page.QuerySelector("input[name=bat-dau]")!.GetAttribute("value")!;
        if (wait)
        {
            site.ManualClock.Advance(TimeSpan.FromSeconds(10));
        }

        var list = fields.ToList();
        if (!list.Any(f => f.Key == "bat-dau"))
        {
            list.Add(("bat-dau", Uri.EscapeDataString(started)));
        }

        var body = string.Join('&', list.Select(f => Uri.EscapeDataString(f.Key) + "=" + f.Encoded).Append("__RequestVerificationToken=" + Uri.EscapeDataString(token)));
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri("/nhan-tin", UriKind.Relative), content);
    }

    [Fact]
    public async Task Every_field_and_payload_is_refused_in_vietnamese_without_5xx_or_writes()
    {
        var client = site.NewBrowser();
        var tried = 0;
        var refused = 0;
        foreach (var field in Valid.Select(v => v.Key).Append("chuyen-muc").Append("bat-dau"))
        {
            foreach (var (name, encoded) in RegistrationBadInputTests.Corpus())
            {
                var before = await CountsAsync();
                var fields = Valid.Where(v => v.Key != field).Select(v => (v.Key, Uri.EscapeDataString(v.Value))).ToList();
                // Each try its own address, so an accepted one is not hidden by the one-request-per-hour rule.
                if (field != "thu-dien-tu")
                {
                    fields.RemoveAll(f => f.Key == "thu-dien-tu");
                    fields.Add(("thu-dien-tu", Uri.EscapeDataString($"thu-{tried}-{Guid.NewGuid():N}@example.com")));
                }

                fields.Add((field, encoded));
                using var response = await RawPostAsync(client, fields);
                tried++;
                var code = (int)response.StatusCode;
                Assert.True(code < 500, $"{field} {name}: {code}");
                var html = await response.Content.ReadAsStringAsync();
                if (code >= 400)
                {
                    refused++;
                    Assert.True(HasVietnamese(html) && (html.Contains("error-summary", StringComparison.Ordinal) || html.Contains("error-page", StringComparison.Ordinal)), $"{field} {name}: no Vietnamese message ({code})");
                    Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
                    Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
                    Assert.Equal(before, await CountsAsync());
                }
                else
                {
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    var after = await CountsAsync();
                    Assert.Equal((before.Subscribers + 1, before.Mail + 1), after);
                }
            }
        }

        Assert.True(tried > 200 && refused > 100, $"{tried} tried, {refused} refused");
    }

    [Theory]
    [InlineData("/nhan-tin/xac-nhan/")]
    [InlineData("/nhan-tin/huy/")]
    public async Task Bad_or_unknown_tokens_answer_4xx_in_vietnamese_and_change_nothing(string path)
    {
        var before = await CountsAsync();
        var client = site.NewBrowser();
        var form = await client.GetHtmlAsync("/nhan-tin");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var payloads = RegistrationBadInputTests.Corpus().Select(c => c.Encoded)
            // A NUL in a path never reaches the app (the test host refuses to build such a request; Kestrel answers 400).
            .Where(e => e.Length is > 0 and < 3000 && !e.Contains("%00", StringComparison.Ordinal))
            .Append(new string('A', 43)).Append(new string('-', 43)).Append("..%2F..%2Fetc%2Fpasswd");
        foreach (var payload in payloads)
        {
            var url = new Uri(path + payload.Replace("%2F", "%252F", StringComparison.Ordinal), UriKind.Relative);
            using var get = await client.GetAsync(url);
            Assert.True((int)get.StatusCode is >= 400 and < 500, $"GET {url}: {(int)get.StatusCode}");
            Assert.True(HasVietnamese(await get.Content.ReadAsStringAsync()), $"GET {url}");
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("List-Unsubscribe", "One-Click")]);
            using var post = await client.PostAsync(url, content);
            Assert.True((int)post.StatusCode is >= 400 and < 500, $"POST {url}: {(int)post.StatusCode}");
            Assert.True(HasVietnamese(await post.Content.ReadAsStringAsync()), $"POST {url}");
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_honeypot_a_too_fast_post_a_made_up_start_time_and_missing_answers_are_refused_in_vietnamese()
    {
        var client = site.NewBrowser();
        var before = await CountsAsync();
        var valid = Valid.Select(v => (v.Key, Uri.EscapeDataString(v.Value))).ToList();

        using (var bot = await RawPostAsync(client, valid.Where(f => f.Key != "website").Append(("website", "http%3A%2F%2Fspam.example"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
            Assert.Contains("Ô dành cho máy", await bot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var fast = await RawPostAsync(client, valid, wait: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
            Assert.Contains("nhanh hơn thời gian cần", await fast.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var madeUp = await RawPostAsync(client, valid.Append(("bat-dau", "638000000000000000"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, madeUp.StatusCode);
            Assert.Contains("Biểu mẫu đã cũ", await madeUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var empty = await RawPostAsync(client, [("thu-dien-tu", ""), ("website", "")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            var page = await RegistrationClient.ParseAsync(empty);
            var summary = page.QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("Nhập địa chỉ thư điện tử", summary, StringComparison.Ordinal);
            Assert.Contains("Chọn ít nhất một loại tin", summary, StringComparison.Ordinal);
            Assert.Contains("Chọn nhận tin hằng ngày hoặc hằng tuần", summary, StringComparison.Ordinal);
            Assert.Contains("Đánh dấu ô đồng ý", summary, StringComparison.Ordinal);
            Assert.Equal("thu-dien-tu", page.QuerySelector(".error-summary a")!.GetAttribute("href")!.TrimStart('#'));
            Assert.NotNull(page.QuerySelector("#thu-dien-tu"));
        }

        Assert.Equal(before, await CountsAsync());
    }
}

/// <summary>The per-IP limit of subscription posts (3 here): the fourth in the window is a 429.</summary>
public sealed class SubscriptionLimitTests(LimitedMailSite site) : IClassFixture<LimitedMailSite>
{
    [Fact]
    public async Task The_fourth_post_from_one_address_in_the_window_is_refused()
    {
        var client = site.NewBrowser();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostFormAsync("/nhan-tin", new() { ["thu-dien-tu"] = "" }, "/nhan-tin");
            codes.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], codes);
        // GETs are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/nhan-tin", UriKind.Relative))).StatusCode);
    }
}
