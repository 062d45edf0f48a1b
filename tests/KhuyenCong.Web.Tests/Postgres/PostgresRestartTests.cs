using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.Postgres;

/// <summary>
/// PostgreSQL restarting under a running site, on a server this test starts itself (initdb in a temporary folder,
/// stopped and started with pg_ctl) so the shared test server is not disturbed: requests during the outage get the
/// Vietnamese 503 page, and the site recovers by itself when the server is back.
/// </summary>
[Trait("Provider", TestDatabase.OwnDatabase)]
public sealed class PostgresRestartTests(ITestOutputHelper log) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kc-pg-own-" + Guid.NewGuid().ToString("N")[..12]);
    private string Data => Path.Combine(folder, "data");

    [ServicesFact(Service.Postgres)]
    public async Task Requests_during_a_postgres_restart_get_the_503_page_and_the_site_recovers_by_itself()
    {
        var bin = ExternalServices.PostgresBin ?? throw new InvalidOperationException("KC_TEST_PG_BIN is unset (bash tests/run.sh sets it).");
        var port = ChildProcess.FreePort();
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres:", folder);
        }

        Run(Path.Combine(bin, "initdb"), "-D", Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        void Start() => Run(Path.Combine(bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Start();

        var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Password=unused;Database=kc_restart";
        await using var site = new PostgresSite(connection, new Dictionary<string, string?> { ["Cache:Disabled"] = "true" });
        var client = site.Browser();
        using (var first = await client.GetAsync(new Uri("/tin-tuc", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        Run(Path.Combine(bin, "pg_ctl"), "-D", Data, "-m", "fast", "-w", "stop");
        foreach (var url in new[] { "/tin-tuc", "/tim-kiem?q=hoi+cho", "/san-pham", "/" })
        {
            using var down = await client.GetAsync(new Uri(url, UriKind.Relative));
            var html = await down.Content.ReadAsStringAsync();
            Assert.True(down.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url} during the outage: {(int)down.StatusCode}");
            Assert.Contains("Hệ thống tạm thời gián đoạn", html, StringComparison.Ordinal);
            Assert.Equal("30", down.Headers.RetryAfter?.ToString());
        }

        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        Start();
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var again = await client.GetAsync(new Uri("/tin-tuc", UriKind.Relative));
            status = again.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(200);
            }
        }
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30));
        log.WriteLine($"first 200 after the restart: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var url in new[] { "/tin-tuc", "/tim-kiem?q=hoi+cho", "/san-pham", "/", "/healthz" })
        {
            using var up = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(up.StatusCode == HttpStatusCode.OK, $"{url} after the restart: {(int)up.StatusCode}");
        }
    }

    /// <summary>Runs a PostgreSQL program, as the postgres user when this process is root (initdb refuses root).</summary>
    private static void Run(string program, params string[] args)
    {
        var asPostgres = Environment.UserName == "root" && program != "chown";
        ChildProcess.Run(asPostgres ? "runuser" : program, [.. (asPostgres ? ["-u", "postgres", "--", program] : Array.Empty<string>()), .. args]);
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                Run(Path.Combine(ExternalServices.PostgresBin!, "pg_ctl"), "-D", Data, "-m", "immediate", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
