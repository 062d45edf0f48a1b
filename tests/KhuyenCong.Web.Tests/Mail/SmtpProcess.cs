using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// An aiosmtpd of the test's own (Debian's python3-aiosmtpd, capture mode: each accepted message becomes a file in
/// a Maildir) on a free loopback port, which the test may stop and start again on the same port, as the Redis
/// restart tests do with their own redis-server.
/// </summary>
public sealed class SmtpProcess : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kc-tests", "smtp-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public SmtpProcess(bool start = true)
    {
        // A Maildir's three folders (aiosmtpd creates them only when the Maildir itself is missing).
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(folder, "maildir", sub));
        }

        Port = FreePort();
        if (start)
        {
            Start();
        }
    }

    public int Port { get; }

    public Maildir Maildir => new(Path.Combine(folder, "maildir"));

    public bool Running => process is { HasExited: false };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Start()
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "maildir") })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on port {Port}");
    }

    /// <summary>Kills the server (an outage); the port stays free for <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
