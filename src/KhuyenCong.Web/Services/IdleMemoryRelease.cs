using System.Runtime.InteropServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;

namespace KhuyenCong.Web.Services;

/// <summary>
/// Once the app has gone quiet after a burst of work, gives back the memory the burst left behind and nothing now
/// uses. Four holders keep it otherwise:
/// <list type="bullet">
/// <item>the output cache keeps the burst's long tail, pages with query values (searches, later pages, filters)
/// asked a few times each: this node's own copies are dropped (<see cref="DropQueryPagesAsync"/>; about 32 MB after
/// a minute of varied searches at 1,000 articles, rendered again in a few milliseconds when asked), the pages
/// without query values stay;</item>
/// <item>the managed heap stays at the size the burst grew it to (garbage promoted during the burst and the
/// collector's allocation budgets): one compacting collection in <see cref="GCCollectionMode.Aggressive"/> mode
/// brings the committed heap down to what is live (measured after 45 s of varied searches at 1,000 articles:
/// 151 → 101 MB committed);</item>
/// <item>every pooled SQLite connection keeps its own page cache (up to 2 MB each; a burst of 64 concurrent
/// requests leaves about 20 of them): the idle ones are closed, and the next request opens a fresh one
/// (about 29 MB of RSS in the same run);</item>
/// <item>glibc's <c>malloc</c> keeps freed pages that sit between live blocks: <c>malloc_trim(0)</c> returns every
/// whole free page of every arena (Linux with glibc only; elsewhere that step does nothing).</item>
/// </list>
/// It runs on the first ten-second tick that saw no garbage collection after one that did (a tick with a
/// collection means requests are being served). Doing this under load cost throughput in every benchmark run
/// (trimming every 30 s: 1,356–2,046 against 1,887 and 2,058 req/s for varied searches at 10,000 articles), because
/// what is given back is needed again at once; once quiet it costs one collection.
/// </summary>
public sealed partial class IdleMemoryRelease(
    ILogger<IdleMemoryRelease> log, IOutputCacheStore store, Caching.RedisConnection redis) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>Whether this process's C library can trim (glibc on Linux).</summary>
    public static bool CanTrimNative => Available.Value;

    /// <summary>Returns the free pages of every allocator arena to the system; false where that cannot be done.</summary>
    public static bool TrimNative()
    {
        if (!CanTrimNative)
        {
            return false;
        }

        _ = NativeMethods.malloc_trim(0);
        return true;
    }

    /// <summary>
    /// Drops this node's stored pages with query values (<see cref="Caching.PublicCache.QueryTag"/>: searches, later
    /// pages, filters), the long tail a burst leaves in the output cache; the pages without (home, articles, product
    /// pages) stay. Only when the pages live in this node's memory: with a shared Redis (the same decision
    /// <see cref="Caching.SharedCache"/> makes) the store serves every node and keeps them. Returns whether it
    /// dropped anything.
    /// </summary>
    public static async ValueTask<bool> DropQueryPagesAsync(
        IOutputCacheStore store, Caching.RedisConnection redis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(redis);
        if (redis.Configured)
        {
            return false;
        }

        await store.EvictByTagAsync(Caching.PublicCache.QueryTag, cancellationToken);
        return true;
    }

    /// <summary>Closes the idle pooled SQLite connections, compacts the managed heap, then trims the C allocator.</summary>
    public static void ReleaseNow()
    {
        // First the connections: their page caches are C memory, freed here and then given back by the trim.
        SqliteConnection.ClearAllPools();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNative();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quiet = new QuietAfterWork(GC.CollectionCount(0));
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (quiet.Tick(GC.CollectionCount(0)))
                {
                    await DropQueryPagesAsync(store, redis, stoppingToken);
                    ReleaseNow();
                    // The release's own collection is not work.
                    quiet.Released(GC.CollectionCount(0));
                    LogReleased(log);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Says when to release: on the first tick that saw no collection after one that did. Start-up (the index
    /// build) counts as work; further quiet ticks have nothing new to give back.
    /// </summary>
    public sealed class QuietAfterWork(int collections)
    {
        private int seen = collections;
        private bool worked = true;

        /// <summary>Whether to release now, given the collection count at this tick.</summary>
        public bool Tick(int collections)
        {
            if (collections != seen)
            {
                seen = collections;
                worked = true;
                return false;
            }

            if (!worked)
            {
                return false;
            }

            worked = false;
            return true;
        }

        /// <summary>Records the count after the release, whose own collection is not work.</summary>
        public void Released(int collections) => seen = collections;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // Present only in glibc; musl and others have no malloc_trim.
            return NativeMethods.gnu_get_libc_version() != IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "memory: the app is quiet; idle database connections closed, heap compacted, free allocator pages returned")]
    private static partial void LogReleased(ILogger logger);

    private static class NativeMethods
    {
        private const string Libc = "libc.so.6";

        [DllImport(Libc, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int malloc_trim(nuint pad);

        [DllImport(Libc, ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr gnu_get_libc_version();
    }
}
