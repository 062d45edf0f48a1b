using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>
/// The real app as a child process: the web project's build output (same configuration as these tests; Release
/// under tests/run.sh) run with <c>dotnet KhuyenCong.Web.dll</c> from the repository root, in Production, on a free
/// port of 127.0.0.1 (also its Site:PublicBaseUrl), with a fresh data folder into which a content folder was imported with the <c>import</c> verb.
/// </summary>
public sealed class RunningSite : IAsyncDisposable
{
    // Import of the starting content encodes every image on a cold cache: allow for a busy 2-core machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(300);
    private readonly Process server;
    private readonly OutputTail output;

    private RunningSite(Process server, OutputTail output, Uri baseUrl, string dataPath)
    {
        this.server = server;
        this.output = output;
        BaseUrl = baseUrl;
        DataPath = dataPath;
    }

    public Uri BaseUrl { get; }
    public string DataPath { get; }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string Output => output.ToString();

    public static string AppDll
    {
        get
        {
            var meta = typeof(RunningSite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
            return Path.Combine(Prerequisites.RepositoryRoot, "src", "KhuyenCong.Web", "bin", meta["Configuration"]!, meta["TargetFramework"]!, "KhuyenCong.Web.dll");
        }
    }

    public static async Task<RunningSite> StartAsync(string contentFolder, string dataPath)
    {
        if (!File.Exists(AppDll))
        {
            throw new InvalidOperationException($"{AppDll} not found: build the solution first (the test project references the web project).");
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // The content root defaults to the working directory (the repository root, so that wwwroot/ and
            // content/ are found), where appsettings.json is not: point it at the build output that holds it.
            ["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(AppDll)!,
            ["Data__Path"] = dataPath,
            ["Logging__LogLevel__Default"] = "Warning",
            // The registration journeys fill the form faster than a person, from one address.
            ["Registration__MinimumFillSeconds"] = "0",
            ["Registration__SubmitsPerWindow"] = "10000",
            // Images of the starting content already encoded by the integration tests of this run are re-used.
            ["Data__ImportMediaCache"] = Path.Combine(Path.GetTempPath(), "kc-tests", "media-cache"),
        };
        foreach (var (key, value) in SubscriptionFixture.MailSettings())
        {
            environment[key] = value;
        }

        // The import verb migrates the empty database and imports the folder in one transaction.
        var importOutput = new OutputTail(400);
        using (var import = Launch(["import", "--from", contentFolder], environment, importOutput))
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await import.WaitForExitAsync(timeout.Token);
            if (import.ExitCode != 0)
            {
                throw new InvalidOperationException($"import --from {contentFolder} exited with {import.ExitCode}:\n{importOutput}");
            }
        }

        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        // Production needs its public address: absolute links are made from it and only its host is accepted.
        environment["Site__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/');
        var output = new OutputTail(200);
        var server = Launch([], environment, output);
        var site = new RunningSite(server, output, baseUrl, dataPath);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Kill();
        try
        {
            await site.WaitUntilHealthyAsync();
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }

        return site;
    }

    /// <summary>Runs a command verb of the app (e.g. create-admin) on this site's data folder and returns its output.</summary>
    public async Task<string> RunVerbAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(AppDll)!,
            ["Data__Path"] = DataPath,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Registration__MinimumFillSeconds"] = "0",
            ["Registration__SubmitsPerWindow"] = "10000",
            // Images of the starting content already encoded by the integration tests of this run are re-used.
            ["Data__ImportMediaCache"] = Path.Combine(Path.GetTempPath(), "kc-tests", "media-cache"),
        };
        var tail = new OutputTail(400);
        using var process = Launch(args, environment, tail);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        return process.ExitCode == 0 ? tail.ToString()
            : throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}:\n{tail}");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await server.WaitForExitAsync();
        server.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {server.ExitCode} before answering /healthz:\n{output}");
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

        throw new TimeoutException($"The app did not answer /healthz within {StartTimeout.TotalSeconds:0} s:\n{output}");
    }

    private static Process Launch(IEnumerable<string> verb, IReadOnlyDictionary<string, string> environment, OutputTail output)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            // The app finds wwwroot/ and content/ by walking up from here to KhuyenCong.Web.sln.
            WorkingDirectory = Prerequisites.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in verb)
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The last N lines a process printed (its pipes must be drained or it blocks).</summary>
    private sealed class OutputTail(int lines)
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
