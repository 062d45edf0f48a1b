using System.Reflection;
using KhuyenCong.Web.Tests;

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
    private readonly ChildProcess server;

    private RunningSite(ChildProcess server, Uri baseUrl, string dataPath)
    {
        this.server = server;
        BaseUrl = baseUrl;
        DataPath = dataPath;
    }

    public Uri BaseUrl { get; }
    public string DataPath { get; }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string Output => server.Output;

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

        var environment = Settings(dataPath);
        foreach (var (key, value) in SubscriptionFixture.MailSettings())
        {
            environment[key] = value;
        }

        // The import verb migrates the empty database and imports the folder in one transaction.
        await RunAsync(environment, "import", "--from", contentFolder);

        var baseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        // Production needs its public address: absolute links are made from it and only its host is accepted.
        environment["Site__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/');
        // The app finds wwwroot/ and content/ by walking up from the repository root to KhuyenCong.Web.sln.
        var site = new RunningSite(ChildProcess.Start(ChildProcess.DotnetHost, [AppDll], environment, Prerequisites.RepositoryRoot, keepLines: 200), baseUrl, dataPath);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.server.Kill();
        try
        {
            await site.server.WaitForOkAsync(new Uri(baseUrl, "/healthz"), StartTimeout, "The app");
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }

        return site;
    }

    /// <summary>Runs a command verb of the app (e.g. create-admin) on this site's data folder and returns its output.</summary>
    public Task<string> RunVerbAsync(params string[] args) => RunAsync(Settings(DataPath), args);

    public ValueTask DisposeAsync()
    {
        server.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Dictionary<string, string> Settings(string dataPath) => new()
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

    private static async Task<string> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(ChildProcess.DotnetHost, [AppDll, .. args], environment, Prerequisites.RepositoryRoot, StartTimeout);
        return exitCode == 0 ? output
            : throw new InvalidOperationException($"{string.Join(' ', args)} exited with {exitCode}:\n{output}");
    }
}
