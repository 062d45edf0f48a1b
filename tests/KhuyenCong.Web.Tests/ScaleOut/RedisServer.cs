using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>A throwaway redis-server of the test's own (Debian's binary) on a free loopback port.</summary>
public sealed class RedisServer : LocalServer
{
    public RedisServer()
        : base("redis") => Start();

    /// <summary>The <c>Cache:Redis</c> value for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static string Binary { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists) ?? "redis-server";

    protected override string Program => Binary;

    protected override IEnumerable<string> Arguments =>
        ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Folder];
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
        var settings = new Dictionary<string, string>
        {
            ["Site__PublicBaseUrl"] = "https://khuyencong.test",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:" + ChildProcess.FreePort(),
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        var (exitCode, output) = await ChildProcess.RunAsync(ChildProcess.DotnetHost, [Path.Combine(AppContext.BaseDirectory, "KhuyenCong.Web.dll"), .. args],
            settings, AppContext.BaseDirectory, TimeSpan.FromSeconds(60));
        return (exitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
