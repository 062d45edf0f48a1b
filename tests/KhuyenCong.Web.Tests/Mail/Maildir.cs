using System.Diagnostics;
using MimeKit;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// The messages an aiosmtpd Mailbox handler wrote (one file per message in new/, written whole then renamed), read
/// back with MimeKit. Tests share a server, so each one looks only at its own unique recipient addresses.
/// </summary>
public sealed class Maildir(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>The shared test server's Maildir (tests/services.sh).</summary>
    public static Maildir Shared => new(ExternalServices.SmtpMaildir ?? throw new InvalidOperationException("KC_TEST_SMTP_MAILDIR is unset"));

    /// <summary>Every message whose envelope or To header names the address (aiosmtpd adds the envelope as X-RcptTo).</summary>
    public IReadOnlyList<MimeMessage> For(string address)
    {
        var found = new List<(DateTime At, MimeMessage Message)>();
        foreach (var sub in new[] { "new", "cur" })
        {
            var dir = Path.Combine(Folder, sub);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir))
            {
                MimeMessage message;
                try
                {
                    message = MimeMessage.Load(file);
                }
                catch (IOException)
                {
                    continue;
                }

                var rcpt = message.Headers["X-RcptTo"] ?? "";
                if (rcpt.Split(',', StringSplitOptions.TrimEntries).Contains(address, StringComparer.OrdinalIgnoreCase)
                    || message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add((File.GetLastWriteTimeUtc(file), message));
                }
            }
        }

        return found.OrderBy(f => f.At).Select(f => f.Message).ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> messages to the address arrived (30 s at most).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitAsync(string address, int count = 1, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = For(address);
            if (messages.Count >= count)
            {
                return messages;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"{messages.Count} of {count} messages to {address} arrived within {seconds} s in {Folder}");
            await Task.Delay(100);
        }
    }

    public static string Text(MimeMessage message) => message?.TextBody ?? "";

    public static string Html(MimeMessage message) => message?.HtmlBody ?? "";
}
