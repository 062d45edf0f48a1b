using System.Diagnostics;
using System.Net;
using KhuyenCong.Web.Tests.Pages.Registration;
using KhuyenCong.Web.Tests.ScaleOut;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// The app as a child process, killed with SIGKILL between the commit of a registration and the sending of its
/// mail, then started again: every message still arrives, exactly once. Runs on SQLite (the node's own data
/// folder); the PostgreSQL pass leaves it out like the other tests that choose their database.
/// </summary>
[Trait("Provider", "OwnDatabase")]
public sealed class MailCrashTests(ITestOutputHelper output)
{
    private static async Task<string> RegisterAsync(AppNode node, string email)
    {
        using var client = CookieJar.NewClient();
        Uri At(string path) => new(node.BaseUrl, path);
        using (var start = await client.PostFormAsync(At("/dang-ky-ho-tro"), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }

        var answers = RegistrationClient.ValidAnswers();
        answers["lien-he"] = [.. answers["lien-he"].Where(f => f.Key != "Form.Email"), new("Form.Email", email)];
        foreach (var step in RegistrationClient.Steps)
        {
            using var response = await client.PostFormAsync(At("/dang-ky-ho-tro/" + step), answers[step]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {step}: {(int)response.StatusCode}");
        }

        using var check = await client.GetAsync(At("/dang-ky-ho-tro/kiem-tra"));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await check.Content.ReadAsStringAsync());
        var key = page.QuerySelector("input[name=khoa]")!.GetAttribute("value")!;
        using (var submit = await client.PostFormAsync(At("/dang-ky-ho-tro/kiem-tra"), [new("khoa", key)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        using var done = await client.GetAsync(At("/dang-ky-ho-tro/da-gui"));
        var reference = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await done.Content.ReadAsStringAsync()).QuerySelector(".reference")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(reference), "no reference on the confirmation page");
        return reference!;
    }

    /// <summary>(status, attempts, last answer) of the outbox rows of a registration, read from the node's SQLite file.</summary>
    private static List<(int Status, int Attempts, string? Response)> Rows(string database, string reference)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Status, Attempts, LastResponse FROM OutboxMessages WHERE EventKey LIKE $key ORDER BY Id";
        cmd.Parameters.AddWithValue("$key", "dang-ky:" + reference + ":%");
        using var reader = cmd.ExecuteReader();
        var rows = new List<(int, int, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), "timed out waiting for " + what);
            await Task.Delay(200);
        }
    }

    [ServicesFact(Service.Smtp)]
    public async Task A_node_killed_between_commit_and_send_sends_every_message_once_after_restart()
    {
        ExternalServices.Require(Service.Smtp);
        using var smtp = new SmtpProcess(start: false);
        var data = Path.Combine(Path.GetTempPath(), "kc-tests", "mail-crash-" + Guid.NewGuid().ToString("N")[..8]);
        var port = ChildProcess.FreePort();
        var staff = $"can-bo-{Guid.NewGuid():N}@khuyencong.test";
        Dictionary<string, string> Settings(int pollSeconds)
        {
            var s = AppNode.BaseSettings();
            s["Data__Path"] = data;
            s["Site__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
            s["Mail__Host"] = "127.0.0.1";
            s["Mail__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s["Mail__UseTls"] = "false";
            s["Mail__From"] = "Khuyến công Bến Tre <khuyencong@khuyencong.test>";
            s["Mail__StaffAddress"] = staff;
            s["Mail__PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            s["Mail__RetrySeconds"] = "1";
            return s;
        }

        var database = Path.Combine(data, "khuyencong.db");
        var unreachable = $"dn-a-{Guid.NewGuid():N}@example.com";
        var unsent = $"dn-b-{Guid.NewGuid():N}@example.com";
        try
        {
            // 1. The SMTP server is unreachable: the registration is committed, its mail tried and kept with the error; SIGKILL.
            string first;
            await using (var node = new AppNode("mail-1", Settings(pollSeconds: 1), port))
            {
                await node.StartAsync();
                first = await RegisterAsync(node, unreachable);
                await WaitForAsync(() => Rows(database, first) is { Count: 2 } rows && rows.All(r => r.Attempts >= 1 && r.Response is not null), "the failed attempts of " + first);
                node.Kill();
            }

            var kept = Rows(database, first);
            Assert.All(kept, r => Assert.Equal(0, r.Status));

            // 2. The sender has had its pass (it passes again only in an hour): a registration committed now is not
            // sent before the SIGKILL.
            string second;
            await using (var node = new AppNode("mail-2", Settings(pollSeconds: 3600), port))
            {
                await node.StartAsync();
                await Task.Delay(1000);
                second = await RegisterAsync(node, unsent);
                node.Kill();
            }

            Assert.All(Rows(database, second), r => Assert.Equal((0, 0), (r.Status, r.Attempts)));
            Assert.Equal(2, Rows(database, second).Count);

            // 3. The server is back, the node restarts: each message arrives once.
            smtp.Start();
            await using (var node = new AppNode("mail-3", Settings(pollSeconds: 1), port))
            {
                await node.StartAsync();
                await smtp.Maildir.WaitAsync(unreachable, 1, 60);
                await smtp.Maildir.WaitAsync(unsent, 1, 60);
                await smtp.Maildir.WaitAsync(staff, 2, 60);
                await Task.Delay(3000);
                Assert.All(Rows(database, first).Concat(Rows(database, second)), r => Assert.Equal(2, r.Status));
                node.Kill();
            }

            Assert.Single(smtp.Maildir.For(unreachable));
            Assert.Single(smtp.Maildir.For(unsent));
            Assert.Equal(2, smtp.Maildir.For(staff).Count);
            Assert.Contains(first, smtp.Maildir.For(unreachable)[0].Subject, StringComparison.Ordinal);
            Assert.Contains(second, smtp.Maildir.For(unsent)[0].Subject, StringComparison.Ordinal);
            output.WriteLine($"crash: 2 registrations committed, their node killed with SIGKILL (one while the SMTP server was unreachable: {kept.Count} messages kept with \"{kept[0].Response}\"; one before the sender's pass); after restart: {smtp.Maildir.For(unreachable).Count + smtp.Maildir.For(unsent).Count} to the enterprises and {smtp.Maildir.For(staff).Count} to the staff mailbox, each exactly once");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
