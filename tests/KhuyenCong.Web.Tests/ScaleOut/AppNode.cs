using System.Reflection;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>
/// One app node as a child process: the web project's build output (same configuration as these tests) run with
/// <c>dotnet KhuyenCong.Web.dll</c> from the repository root, in Production, on a free 127.0.0.1 port, with the
/// settings given. Kill() is SIGKILL: nothing gets a chance to flush.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(300);
    private readonly Dictionary<string, string> settings;
    private ChildProcess? server;

    public AppNode(string name, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        Name = name;
        Port = port ?? ChildProcess.FreePort();
        this.settings = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
        };
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");
    public string Output => server?.Output ?? "";
    public bool Running => server is { Running: true };

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string AppDll
    {
        get
        {
            var meta = typeof(AppNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
            return Path.Combine(RepositoryRoot, "src", "KhuyenCong.Web", "bin", meta["Configuration"]!, meta["TargetFramework"]!, "KhuyenCong.Web.dll");
        }
    }

    /// <summary>The settings every node of a test shares: Production, quiet logs, generous form limits.</summary>
    public static Dictionary<string, string> BaseSettings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        // The content root defaults to the working directory (the repository root, so wwwroot/ and content/ are
        // found), where appsettings.json is not: point it at the build output that holds it.
        ["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(AppDll)!,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Registration__MinimumFillSeconds"] = "0",
        ["Registration__SubmitsPerWindow"] = "100000",
        ["Registration__LookupsPerWindow"] = "100000",
        ["Data__ImportMediaCache"] = SiteFactory.MediaCache,
    };

    public async Task StartAsync()
    {
        if (!File.Exists(AppDll))
        {
            throw new InvalidOperationException($"{AppDll} not found: build the solution first.");
        }

        server?.Dispose();
        server = ChildProcess.Start(ChildProcess.DotnetHost, [AppDll], settings, RepositoryRoot);
        await server.WaitForOkAsync(new Uri(BaseUrl, "/healthz"), StartTimeout, "node " + Name);
    }

    /// <summary>SIGKILL, as a crashed machine or an OOM kill would end it.</summary>
    public void Kill() => server?.Kill();

    /// <summary>Runs a verb with this node's settings; returns (exit code, output).</summary>
    public Task<(int ExitCode, string Output)> RunVerbAsync(string? stdin, params string[] args) =>
        ChildProcess.RunAsync(ChildProcess.DotnetHost, [AppDll, .. args], settings, RepositoryRoot, StartTimeout, stdin);

    public ValueTask DisposeAsync()
    {
        server?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KhuyenCong.Web.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KhuyenCong.Web.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// Keeps every cookie a server sets and sends them all back, whatever the scheme: the nodes are reached over plain
/// http on loopback, where a cookie container would withhold the Secure-only sign-in cookie.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public CookieJar()
        : base(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // Only the two-node test's own throwaway certificate (CN=127.0.0.1) is taken without a chain.
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || certificate?.Subject == "CN=127.0.0.1" },
        })
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (cookies)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            lock (cookies)
            {
                foreach (var header in set)
                {
                    var pair = header.Split(';', 2)[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    var name = pair[..eq].Trim();
                    var value = pair[(eq + 1)..].Trim();
                    var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || value.Length == 0;
                    if (expired)
                    {
                        cookies.Remove(name);
                    }
                    else
                    {
                        cookies[name] = value;
                    }
                }
            }
        }

        return response;
    }

    /// <summary>A client with its own jar; requests use absolute URLs (one client talks to every node).</summary>
    public static HttpClient NewClient() => new(new CookieJar()) { Timeout = TimeSpan.FromSeconds(30) };
}
