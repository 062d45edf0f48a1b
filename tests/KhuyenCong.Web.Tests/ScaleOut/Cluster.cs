using System.Text.RegularExpressions;
using Npgsql;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>
/// Two app nodes on one PostgreSQL database (a fresh one on the test server), one Redis server of their own (a
/// redis-server this fixture starts, so stopping it disturbs nobody), one shared media folder, and nginx running the
/// repository's own site file (deploy/nginx/khuyencong.conf) in front of both. Node A starts first (migrations,
/// import), then node B, as the README tells operators to do.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit ends it through IAsyncLifetime.DisposeAsync, which disposes the servers.")]
public sealed partial class Cluster : IAsyncLifetime
{
    public const string AdminPassword = "mật khẩu quản trị cụm hai máy 2026";
    private readonly string root = Path.Combine(Path.GetTempPath(), "kc-tests", "cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string database = "kc_cluster_" + Guid.NewGuid().ToString("N")[..10];
    private RedisServer? redis;
    private ChildProcess? nginx;

    public AppNode A { get; private set; } = null!;
    public AppNode B { get; private set; } = null!;
    public Uri Proxy { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public string AdminEmail { get; } = "quantri@cum-hai-may.test";
    public int RedisPort => redis?.Port ?? 0;
    public bool Available { get; private set; }

    public async Task InitializeAsync()
    {
        if (ExternalServices.Missing(Service.Postgres | Service.Redis | Service.Nginx).Count > 0)
        {
            return; // The tests are skipped (plain dotnet test) or fail with the reason (tests/run.sh).
        }

        Directory.CreateDirectory(root);
        await using (var admin = new NpgsqlConnection(ExternalServices.Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(ExternalServices.Postgres) { Database = database }.ConnectionString;
        redis = new RedisServer();

        var proxyPort = ChildProcess.FreePort();
        Proxy = new Uri($"https://127.0.0.1:{proxyPort}");
        var settings = AppNode.BaseSettings();
        settings["Database__Provider"] = "Postgres";
        settings["ConnectionStrings__Postgres"] = ConnectionString;
        settings["Cache__Redis"] = $"127.0.0.1:{RedisPort}";
        settings["Data__MediaPath"] = Path.Combine(root, "shared-media");
        settings["Site__PublicBaseUrl"] = Proxy.ToString().TrimEnd('/');
        settings["ReverseProxy__KnownProxies"] = "127.0.0.1";
        Directory.CreateDirectory(settings["Data__MediaPath"]);

        nodeASettings = With(settings, "Data__Path", Path.Combine(root, "node-a"));
        A = new AppNode("A", nodeASettings);
        B = new AppNode("B", With(settings, "Data__Path", Path.Combine(root, "node-b")));
        await A.StartAsync();
        await B.StartAsync();
        // create-admin's password is for one sign-in only: the first sign-in changes it, as a person would.
        const string FirstPassword = "mật khẩu dùng một lần của cụm 2026";
        var (code, output) = await A.RunVerbAsync(FirstPassword, "create-admin", "--email", AdminEmail, "--password-stdin");
        Assert.True(code == 0, "create-admin: " + output);
        using (var client = CookieJar.NewClient())
        {
            using var signIn = await client.PostFormAsync(new Uri(A.BaseUrl, "/dang-nhap"), [new("Input.Email", AdminEmail), new("Input.Password", FirstPassword)]);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
            using var change = await client.PostFormAsync(new Uri(A.BaseUrl, "/doi-mat-khau"),
                [new("Input.Current", FirstPassword), new("Input.New", AdminPassword), new("Input.Confirm", AdminPassword)]);
            Assert.True(change.StatusCode == System.Net.HttpStatusCode.Redirect, $"password change: {(int)change.StatusCode}");
        }

        StartNginx(proxyPort);
        Available = true;
    }

    /// <summary>Starts node A again on its port after a kill (same settings, same database).</summary>
    public async Task RestartAAsync()
    {
        await A.DisposeAsync();
        A = new AppNode("A", nodeASettings, A.Port);
        await A.StartAsync();
    }

    private Dictionary<string, string> nodeASettings = [];

    private static Dictionary<string, string> With(Dictionary<string, string> settings, string key, string value) =>
        new(settings) { [key] = value };

    /// <summary>The repository's nginx site, with loopback addresses in place of the lines marked "kc-test".</summary>
    public static string AdaptNginxSite(string site, int nodeA, int nodeB, int plainPort, int tlsPort, string certificate, string key)
    {
        var lines = site.Split('\n').Where(l => !l.TrimStart().StartsWith("listen [::]", StringComparison.Ordinal)).Select(line => line switch
        {
            _ when line.Contains("kc-test: node A", StringComparison.Ordinal) => $"    server 127.0.0.1:{nodeA} max_fails=2 fail_timeout=10s;",
            _ when line.Contains("kc-test: node B", StringComparison.Ordinal) => $"    server 127.0.0.1:{nodeB} max_fails=2 fail_timeout=10s;",
            _ when line.Contains("kc-test: plain listener", StringComparison.Ordinal) => $"    listen 127.0.0.1:{plainPort};",
            _ when line.Contains("kc-test: tls listener", StringComparison.Ordinal) => $"    listen 127.0.0.1:{tlsPort} ssl http2;",
            _ when line.Contains("kc-test: certificate", StringComparison.Ordinal) => $"    ssl_certificate {certificate};",
            _ when line.Contains("kc-test: key", StringComparison.Ordinal) => $"    ssl_certificate_key {key};",
            _ => line,
        }).ToList();
        var adapted = string.Join('\n', lines);
        Assert.Equal(6, MarkerRegex().Count(site));
        Assert.DoesNotContain("10.0.0.", adapted, StringComparison.Ordinal);
        return adapted;
    }

    [GeneratedRegex("kc-test:")]
    private static partial Regex MarkerRegex();

    private void StartNginx(int tlsPort)
    {
        var dir = Path.Combine(root, "nginx");
        Directory.CreateDirectory(Path.Combine(dir, "temp"));
        var certificate = Path.Combine(dir, "cert.pem");
        var key = Path.Combine(dir, "key.pem");
        ChildProcess.Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", certificate);
        var site = AdaptNginxSite(File.ReadAllText(Path.Combine(AppNode.RepositoryRoot, "deploy", "nginx", "khuyencong.conf")),
            A.Port, B.Port, ChildProcess.FreePort(), tlsPort, certificate, key);
        File.WriteAllText(Path.Combine(dir, "site.conf"), site);
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            user root;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{dir}}/temp/body;
                proxy_temp_path {{dir}}/temp/proxy;
                fastcgi_temp_path {{dir}}/temp/fastcgi;
                uwsgi_temp_path {{dir}}/temp/uwsgi;
                scgi_temp_path {{dir}}/temp/scgi;
                include {{dir}}/site.conf;
            }
            """);
        ChildProcess.Run(ExternalServices.Nginx!, "-t", "-p", dir, "-c", Path.Combine(dir, "nginx.conf"));
        nginx = ChildProcess.Start(ExternalServices.Nginx!, ["-p", dir, "-c", Path.Combine(dir, "nginx.conf")]);
        try
        {
            nginx.WaitForPort(tlsPort, TimeSpan.FromSeconds(10), "nginx");
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new TimeoutException("nginx did not start: " + File.ReadAllText(Path.Combine(dir, "error.log")), e);
        }
    }

    /// <summary>Runs a query on the cluster's database and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        nginx?.Dispose();

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        redis?.Dispose();
        if (ConnectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(ExternalServices.Postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
