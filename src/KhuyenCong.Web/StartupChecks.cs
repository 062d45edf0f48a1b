using KhuyenCong.Web.Services;

namespace KhuyenCong.Web;

/// <summary>
/// Settings of outside resources that only the serving app needs, checked before the server starts: a wrong one
/// stops the app with one line naming the setting (no stack trace) and exit code 2.
/// </summary>
public static class StartupChecks
{
    public const int ExitCode = 2;

    /// <summary>The line to print, or null when every resource answers.</summary>
    public static async Task<string?> FailureAsync(IServiceProvider services) =>
        await SharedCache.CheckAsync(services);
}
