using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>
/// A throwaway redis-server of the test's own (Debian's binary) on a free loopback port, which the test may stop
/// and start again on the same port.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kc-tests", "redis-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public RedisServer()
    {
        Directory.CreateDirectory(folder);
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    /// <summary>The <c>Cache:Redis</c> value for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static string Binary { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists) ?? "redis-server";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Start()
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(10);
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

        throw new TimeoutException($"redis-server did not listen on port {Port}");
    }

    /// <summary>Kills the server (as a crash would); the port stays free for <see cref="Start"/>.</summary>
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

/// <summary>
/// One node of a cluster: the real app with its output cache in the given Redis (when set), on the given data
/// folder (shared by the nodes of a test), polling the change stamp only every minute unless told otherwise, so
/// a test sees what the shared cache does by itself.
/// </summary>
public sealed class ClusterNode(string dataPath, string? redis, IReadOnlyDictionary<string, string?>? settings = null) : SiteFactory
{
    public string SharedDataPath => dataPath;

    /// <summary>On the PostgreSQL pass the nodes of one shared data folder share one database too.</summary>
    public override string DatabaseName => TestDatabase.NameFor(dataPath);

    /// <summary>Nobody drops it: the throwaway test server goes at the end of the run.</summary>
    protected override bool OwnsDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var values = new Dictionary<string, string?>
        {
            ["Data:Path"] = dataPath,
            [SharedCache.RedisSetting] = redis,
            [ContentChanges.PollSetting] = "60000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
    }

    /// <summary>A fresh shared data folder under the tests' temp folder.</summary>
    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "kc-tests", Guid.NewGuid().ToString("N"));
}

/// <summary>The built app run as its own process (<c>dotnet KhuyenCong.Web.dll</c>), for what happens before hosting.</summary>
public static class AppProcess
{
    /// <summary>Runs the app with the settings (environment variables) until it exits; its output lines.</summary>
    public static async Task<(int ExitCode, string[] Lines)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCong.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Site__PublicBaseUrl"] = "https://khuyencong.test";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:" + RedisServer.FreePort();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the app did not stop within 60 s");
        }

        var lines = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, lines);
    }
}
