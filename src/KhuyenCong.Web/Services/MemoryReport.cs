using KhuyenCong.Web.Services.Search;

namespace KhuyenCong.Web.Services;

/// <summary>
/// Logs one line at shutdown saying where the app's memory went: the resident set, the managed heap (as the last
/// garbage collection left it, and committed), this node's search index, and the rest (runtime, code, native
/// buffers). The benchmark prints it with its figures.
/// </summary>
public sealed partial class MemoryReport(SearchEngine search, ILogger<MemoryReport> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            LogMemory(log, Line(search));
        }
        catch (ObjectDisposedException)
        {
            // The host is already being torn down (a test factory disposes in its own order): no report, no failure.
        }

        return Task.CompletedTask;
    }

    /// <summary>"memory: RSS 210 MB; managed heap 95 MB in use, 140 MB committed; search index 41 MB; …".</summary>
    public static string Line(SearchEngine search)
    {
        ArgumentNullException.ThrowIfNull(search);
        static double Mb(long bytes) => bytes / 1048576.0;
        var info = GC.GetGCMemoryInfo();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var rss = self.WorkingSet64;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"memory: RSS {Mb(rss):F0} MB; managed heap {Mb(info.HeapSizeBytes):F0} MB in use after the last collection, {Mb(info.TotalCommittedBytes):F0} MB committed; search index about {Mb(search.ApproximateBytes):F0} MB of it; outside the managed heap (runtime, JIT code, native buffers) {Mb(rss - info.TotalCommittedBytes):F0} MB");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogMemory(ILogger logger, string line);
}
