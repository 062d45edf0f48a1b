namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>What a browser test needs from outside .NET.</summary>
[Flags]
public enum Needs
{
    /// <summary>Only the app itself (built with the tests) and HTTP.</summary>
    Nothing = 0,
    /// <summary>Debian's Chromium at /usr/bin/chromium (Playwright's own browser download cannot work here).</summary>
    Chromium = 1,
    /// <summary>axe-core from tests/browser/node_modules (npm ci).</summary>
    Axe = 2,
    /// <summary>The Nu Html Checker: vnu.jar from tests/browser/node_modules and a java on PATH.</summary>
    HtmlChecker = 4,
}

/// <summary>
/// Finds the browser tests' prerequisites. Under plain <c>dotnet test</c> a test whose prerequisites are missing is
/// skipped with the reason (decided at discovery time, see <see cref="BrowserFactAttribute"/>); tests/run.sh installs
/// them and sets KC_BROWSER_REQUIRED=1, so there a missing prerequisite fails the test instead.
/// </summary>
public static class Prerequisites
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable("KC_BROWSER_REQUIRED") == "1";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string NodeModules => Path.Combine(RepositoryRoot, "tests", "browser", "node_modules");
    public static string AxeScript => Path.Combine(NodeModules, "axe-core", "axe.min.js");
    public static string VnuJar => Path.Combine(NodeModules, "vnu-jar", "build", "dist", "vnu.jar");
    public static string? Java { get; } = FindOnPath("java");

    public static IReadOnlyList<string> Missing(Needs needs)
    {
        var missing = new List<string>();
        if (needs.HasFlag(Needs.Chromium) && !File.Exists(ChromiumPath))
        {
            missing.Add($"{ChromiumPath} not found (apt-get install chromium)");
        }

        if (needs.HasFlag(Needs.Axe) && !File.Exists(AxeScript))
        {
            missing.Add($"{AxeScript} not found (npm ci --ignore-scripts in tests/browser)");
        }

        if (needs.HasFlag(Needs.HtmlChecker) && !File.Exists(VnuJar))
        {
            missing.Add($"{VnuJar} not found (npm ci --ignore-scripts in tests/browser)");
        }

        if (needs.HasFlag(Needs.HtmlChecker) && Java is null)
        {
            missing.Add("java not found on PATH (apt-get install default-jre-headless)");
        }

        return missing;
    }

    /// <summary>The skip reason for a test with these needs, or null when it must run.</summary>
    public static string? SkipReason(Needs needs)
    {
        var missing = Missing(needs);
        return missing.Count == 0 || Required
            ? null
            : $"Browser gate skipped: {string.Join("; ", missing)}. `bash tests/run.sh` installs these and fails instead of skipping.";
    }

    /// <summary>Fails with a clear message when a prerequisite is missing (reached only with KC_BROWSER_REQUIRED=1).</summary>
    public static void Require(Needs needs)
    {
        var missing = Missing(needs);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Browser gate prerequisites missing: {string.Join("; ", missing)}.");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KhuyenCong.Web.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"KhuyenCong.Web.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that is skipped, with the reason, when its prerequisites are missing and not required.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(Needs needs = Needs.Chromium)
    {
        Needs = needs;
        Skip = Prerequisites.SkipReason(needs);
    }

    public Needs Needs { get; }
}

/// <summary>A theory that is skipped, with the reason, when its prerequisites are missing and not required.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute(Needs needs = Needs.Chromium)
    {
        Needs = needs;
        Skip = Prerequisites.SkipReason(needs);
    }

    public Needs Needs { get; }
}
