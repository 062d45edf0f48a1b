using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>
/// A generated corpus of bad input posted to every field of every step, the submit and the lookup: no 5xx, no
/// partial write (a refused step leaves the draft exactly as it was), and every refusal explained in Vietnamese.
/// </summary>
public sealed class RegistrationBadInputTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    // A NUL anywhere in a form body is refused by the framework's form reader before any page runs: the
    // generic Vietnamese 400 page answers it (the error page no longer reads the form when re-executed).

    /// <summary>Payloads already percent-encoded, so invalid UTF-8 and lone surrogates reach the server as sent.</summary>
    public static IReadOnlyList<(string Name, string Encoded)> Corpus()
    {
        static string E(string s) => Uri.EscapeDataString(s);
        return
        [
            ("empty", ""),
            ("spaces", E("   \t  ")),
            ("overlong-5k", E(new string('x', 5_000))),
            ("overlong-200k", E(string.Concat(Enumerable.Repeat("Bến Tre ", 25_000)))),
            ("nul", E("a\u0000b")),
            ("escape", E("a\u001B[31mb")),
            ("bidi-override", E("\u202Egnp.exe")),
            ("zero-width", E("a\u200Bb")),
            ("newline-in-line", E("dòng 1\r\ndòng 2")),
            ("lone-high-surrogate-cesu", "a%ED%A0%80b"),
            ("lone-low-surrogate-cesu", "%ED%B0%80"),
            ("invalid-utf8", "%FF%FE%C0%AF"),
            ("replacement-char", E("a\uFFFDb")),
            ("nfd", E("Nguye\u0302\u0303n Va\u0306n Ba\u0301")),
            ("mixed-nfc-nfd", E("Nguyễn Nguye\u0302\u0303n")),
            ("script", E("<script>alert(1)</script>")),
            ("img-onerror", E("\"><img src=x onerror=alert(1)>")),
            ("sql-or", E("' OR 1=1 --")),
            ("sql-drop", E("'; DROP TABLE Registrations; --")),
            ("number-words", E("mười hai")),
            ("negative", E("-1")),
            ("float", E("1.5e9")),
            ("huge-number", E("99999999999999999999999")),
            ("boolean", E("true")),
            ("json", E("{\"a\":[1,2]}")),
            ("emoji", E("🏭🥥")),
        ];
    }

    private async Task<string> DraftDataAsync() =>
        await site.WithDbAsync((db, _) => db.RegistrationDrafts.OrderByDescending(d => d.Id).Select(d => d.Data).FirstAsync());

    private static async Task<HttpResponseMessage> RawPostAsync(HttpClient client, string url, IEnumerable<(string Key, string Encoded)> fields)
    {
        var token = await TokenAsync(client);
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + f.Encoded).Append("__RequestVerificationToken=" + Uri.EscapeDataString(token)));
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static bool HasVietnamese(string text) => text.Any(c => c is 'ả' or 'ộ' or 'ệ' or 'ư' or 'ơ' or 'đ' or 'ấ' or 'ờ' or 'ị' or 'ể' or 'ọ' or 'ố');

    [Fact]
    public async Task Every_step_field_and_payload_is_answered_without_5xx_or_partial_writes()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        var valid = ValidAnswers();
        var tried = 0;
        var refused = 0;
        foreach (var step in Steps)
        {
            var fieldNames = valid[step].Select(f => f.Key).Distinct().ToList();
            fieldNames.AddRange(step switch
            {
                "loai-hinh" => ["Form.OtherType"],
                "ho-tro" => ["Form.OtherSupport"],
                "dong-y" => ["Form.ConsentNews"],
                _ => [],
            });
            foreach (var field in fieldNames)
            {
                foreach (var (name, encoded) in Corpus())
                {
                    var before = await DraftDataAsync();
                    var fields = valid[step].Where(f => f.Key != field).Select(f => (f.Key, Uri.EscapeDataString(f.Value))).ToList();
                    fields.Add((field, encoded));
                    if (name == "json")
                    {
                        fields.Add((field, encoded));
                    }

                    using var response = await RawPostAsync(client, "/dang-ky-ho-tro/" + step, fields);
                    tried++;
                    var code = (int)response.StatusCode;
                    Assert.True(code < 500, $"{step} {field} {name}: {code}");
                    if (code >= 400)
                    {
                        refused++;
                        var html = await response.Content.ReadAsStringAsync();
                        Assert.True(HasVietnamese(html) && (html.Contains("error-summary", StringComparison.Ordinal) || html.Contains("error-page", StringComparison.Ordinal)), $"{step} {field} {name}: no Vietnamese message {code} {html[..Math.Min(html.Length, 3000)]}");
                        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
                        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
                        Assert.Equal(before, await DraftDataAsync());
                    }
                    else
                    {
                        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                        var after = await DraftDataAsync();
                        Assert.DoesNotContain("\\u0000", after, StringComparison.Ordinal);
                        Assert.True(after.Normalize(NormalizationForm.FormC) == after || after.Contains("\\u", StringComparison.Ordinal), $"{step} {field} {name}: stored text not NFC");
                    }
                }

                // Restore the valid answer before the next field.
                using var restore = await PostAsync(client, "/dang-ky-ho-tro/" + step, valid[step]);
                Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
            }
        }

        // The check page shows accepted payloads as text, never as markup.
        var check = await client.GetAsync(new Uri("/dang-ky-ho-tro/kiem-tra", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);

        // Submit and lookup with bad values.
        foreach (var (name, encoded) in Corpus())
        {
            using var submit = await RawPostAsync(client, "/dang-ky-ho-tro/kiem-tra", [("khoa", encoded)]);
            Assert.True((int)submit.StatusCode is >= 400 and < 500, $"submit {name}: {(int)submit.StatusCode}");
            Assert.True(HasVietnamese(await submit.Content.ReadAsStringAsync()), $"submit {name}");
            using var lookup = await RawPostAsync(client, "/dang-ky-ho-tro/tra-cuu", [("ma-so", encoded), ("dien-thoai", encoded)]);
            Assert.Equal(HttpStatusCode.BadRequest, lookup.StatusCode);
            var lookupHtml = await lookup.Content.ReadAsStringAsync();
            Assert.True(HasVietnamese(lookupHtml) && (lookupHtml.Contains("error-summary", StringComparison.Ordinal) || lookupHtml.Contains("error-page", StringComparison.Ordinal)), $"lookup {name}");
            tried += 2;
        }

        Assert.Equal(0, await site.WithDbAsync((db, _) => db.Registrations.CountAsync()));
        Assert.True(tried > 600 && refused > 300, $"{tried} tried, {refused} refused");

        // NFD input is stored as NFC.
        using var nfd = await PostAsync(client, "/dang-ky-ho-tro/lien-he",
            [.. ValidAnswers()["lien-he"].Where(f => f.Key != "Form.ContactName"), new("Form.ContactName", "Nguye\u0302\u0303n Va\u0306n Ba\u0301")]);
        Assert.Equal(HttpStatusCode.Redirect, nfd.StatusCode);
        Assert.Contains("Nguyễn Văn Bá", System.Text.RegularExpressions.Regex.Unescape(await DraftDataAsync()), StringComparison.Ordinal);
    }
}
