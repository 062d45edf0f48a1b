namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// An aiosmtpd of the test's own (Debian's python3-aiosmtpd, capture mode: each accepted message becomes a file in
/// a Maildir) on a free loopback port, which the test may stop and start again on the same port.
/// </summary>
public sealed class SmtpProcess : LocalServer
{
    public SmtpProcess(bool start = true)
        : base("smtp")
    {
        // A Maildir's three folders (aiosmtpd creates them only when the Maildir itself is missing).
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Folder, "maildir", sub));
        }

        if (start)
        {
            Start();
        }
    }

    public Maildir Maildir => new(Path.Combine(Folder, "maildir"));

    protected override string Program => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    protected override IEnumerable<string> Arguments =>
        ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(Folder, "maildir")];
}
