using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>
/// "Nhận tin qua e-mail" in the browser gate. The app sends mail to the run's SMTP server (tests/services.sh:
/// KC_TEST_SMTP, messages written to KC_TEST_SMTP_MAILDIR) when there is one, else towards a closed port (the form
/// shows either way). With the server, the confirmation link is read from the mail itself, as a person would,
/// and the confirmation pages join the page types.
/// </summary>
public static partial class SubscriptionFixture
{
    public static string? Smtp => Environment.GetEnvironmentVariable("KC_TEST_SMTP") is { Length: > 0 } v ? v : null;

    public static string? Maildir => Environment.GetEnvironmentVariable("KC_TEST_SMTP_MAILDIR") is { Length: > 0 } v ? v : null;

    public static bool HasMail => Smtp is not null && Maildir is not null;

    /// <summary>The confirmation page (its button) and its result, when mail really arrives.</summary>
    public static IReadOnlyList<string> PageTypes => HasMail ? ["subscribe-confirm", "subscribe-confirmed"] : [];

    public static Dictionary<string, string> MailSettings() => new()
    {
        ["Mail__Host"] = "127.0.0.1",
        ["Mail__Port"] = Smtp?.Split(':')[^1] ?? "9",
        ["Mail__UseTls"] = "false",
        ["Mail__From"] = "Khuyến công Bến Tre <khuyencong@khuyencong.test>",
        ["Mail__PollSeconds"] = "1",
        ["Mail__MinimumFillSeconds"] = "0",
        ["Mail__SubscribesPerWindow"] = "10000",
    };

    /// <summary>A unique address for one subscription of the gate.</summary>
    public static string NewAddress() => $"trinh-duyet-{Guid.NewGuid():N}@example.com";

    /// <summary>Subscribes a new address through the form (HTTP) and returns the site path of the link in its mail.</summary>
    public static async Task<string> ConfirmUrlAsync(HttpClient client, bool confirm)
    {
        ArgumentNullException.ThrowIfNull(client);
        var email = NewAddress();
        var form = await client.GetStringAsync(new Uri("/nhan-tin", UriKind.Relative));
        using (var content = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Hidden(form, "__RequestVerificationToken")), new("bat-dau", Hidden(form, "bat-dau")),
            new("thu-dien-tu", email), new("van-ban", "co"), new("hoi-cho", "co"), new("tan-suat", "hang-tuan"), new("dong-y", "co"),
        ]))
        {
            using var posted = await client.PostAsync(new Uri("/nhan-tin", UriKind.Relative), content);
            if ((int)posted.StatusCode != 302)
            {
                throw new InvalidOperationException($"subscribing {email}: {(int)posted.StatusCode}");
            }
        }

        var path = await LinkFromMailAsync(email);
        if (confirm)
        {
            var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", Hidden(page, "__RequestVerificationToken"))]);
            using var confirmed = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            if ((int)confirmed.StatusCode != 200)
            {
                throw new InvalidOperationException($"confirming {email}: {(int)confirmed.StatusCode}");
            }
        }

        return path;
    }

    /// <summary>Waits for the confirmation mail to the address in the Maildir; the site path of its link.</summary>
    public static async Task<string> LinkFromMailAsync(string email)
    {
        var folder = Path.Combine(Maildir ?? throw new InvalidOperationException("KC_TEST_SMTP_MAILDIR is unset (bash tests/run.sh starts an SMTP server)"), "new");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                var raw = await File.ReadAllTextAsync(file);
                if (!raw.Contains("X-RcptTo: " + email, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // Quoted-printable: soft line breaks joined (the link holds no '=').
                var text = raw.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
                var match = ConfirmLink().Match(text);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no confirmation mail to {email} in {folder} within 60 s");
    }

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        if (!match.Success)
        {
            throw new InvalidOperationException($"no hidden field {name} on the page");
        }

        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex(@"https?://[^/\s]+(/nhan-tin/xac-nhan/[A-Za-z0-9_-]{43})")]
    private static partial Regex ConfirmLink();
}
