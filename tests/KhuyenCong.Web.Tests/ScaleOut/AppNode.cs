using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
    private readonly Tail output = new(300);
    private Process? server;

    public AppNode(string name, IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        Name = name;
        Port = port ?? FreePort();
        this.settings = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
        };
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");
    public string Output => output.ToString();
    public bool Running => server is { HasExited: false };

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

        server = Launch([], settings, output);
        await WaitUntilHealthyAsync();
    }

    /// <summary>SIGKILL, as a crashed machine or an OOM kill would end it.</summary>
    public void Kill()
    {
        try
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Runs a verb with this node's settings; returns (exit code, output).</summary>
    public async Task<(int ExitCode, string Output)> RunVerbAsync(string? stdin, params string[] args)
    {
        var tail = new Tail(400);
        using var process = Launch(args, settings, tail, redirectInput: stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        return (process.ExitCode, tail.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (server is not null)
        {
            await server.WaitForExitAsync();
            server.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (server!.HasExited)
            {
                throw new InvalidOperationException($"node {Name} exited with {server.ExitCode} before answering /healthz:\n{output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"node {Name} did not answer /healthz within {StartTimeout.TotalSeconds:0} s:\n{output}");
    }

    private static Process Launch(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, Tail output, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    /// <summary>The last N lines a process printed (its pipes must be drained or it blocks).</summary>
    public sealed class Tail(int lines)
    {
        private readonly Queue<string> tail = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                while (tail.Count > lines)
                {
                    tail.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (tail)
            {
                return string.Join('\n', tail);
            }
        }
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
