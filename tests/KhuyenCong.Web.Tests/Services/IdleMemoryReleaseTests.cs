using System.Runtime.InteropServices;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.ScaleOut;
using Microsoft.Data.Sqlite;

namespace KhuyenCong.Web.Tests.Services;

/// <summary>
/// Once quiet, the app gives back what a burst of work left behind: garbage the managed heap still holds, the idle
/// pooled SQLite connections (each with its page cache), and the C allocator's free pages between live blocks.
/// The sizes are measured on the whole process, so these run alone.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class IdleMemoryReleaseTests
{
    private const int Block = 4096;
    private const int Blocks = 40_000; // 160 MB

    [Fact]
    public void Trimming_gives_back_the_free_pages_between_live_blocks()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(IdleMemoryRelease.TrimNative());
            return;
        }

        Assert.True(IdleMemoryRelease.CanTrimNative, "this Linux has glibc (Debian): malloc_trim must be found");
        var blocks = new IntPtr[Blocks];
        var ones = new byte[Block];
        Array.Fill(ones, (byte)1);
        try
        {
            for (var i = 0; i < Blocks; i++)
            {
                blocks[i] = Marshal.AllocHGlobal(Block);
                Marshal.Copy(ones, 0, blocks[i], Block); // resident, not only reserved
            }

            // Free fifteen blocks of every sixteen: each run of 60 KB freed sits between two live blocks, so
            // free() alone cannot hand it back.
            for (var i = 0; i < Blocks; i++)
            {
                if (i % 16 != 0)
                {
                    Marshal.FreeHGlobal(blocks[i]);
                    blocks[i] = IntPtr.Zero;
                }
            }

            var before = ResidentBytes();
            Assert.True(IdleMemoryRelease.TrimNative());
            var after = ResidentBytes();
            var returned = before - after;
            Assert.True(returned >= 100L * 1024 * 1024, $"trimming gave back {returned / 1048576} MB of the 150 MB freed (resident {before / 1048576} → {after / 1048576} MB)");
        }
        finally
        {
            foreach (var block in blocks)
            {
                if (block != IntPtr.Zero)
                {
                    Marshal.FreeHGlobal(block);
                }
            }
        }
    }

    [Fact]
    public void Releasing_brings_the_committed_heap_down_to_what_is_live()
    {
        LeaveOldGarbage(megabytes: 200);
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;

        IdleMemoryRelease.ReleaseNow();

        var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Assert.True(before - after >= 120L * 1024 * 1024, $"the heap kept {after / 1048576} MB committed of {before / 1048576} MB after 200 MB of it became garbage");
    }

    [Fact]
    public void Releasing_closes_the_idle_pooled_database_connections()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kc-idle-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        try
        {
            // A temporary table lives as long as its connection: it shows whether the next open got the same one.
            using (var first = new SqliteConnection(connectionString))
            {
                first.Open();
                Execute(first, "CREATE TEMP TABLE marker (x)");
            }

            using (var again = new SqliteConnection(connectionString))
            {
                again.Open();
                Assert.True(HasMarker(again), "a closed connection goes back to the pool and is handed out again");
            }

            IdleMemoryRelease.ReleaseNow();

            using (var fresh = new SqliteConnection(connectionString))
            {
                fresh.Open();
                Assert.False(HasMarker(fresh), "after the release the pool opens a new connection (the idle one, and its page cache, are gone)");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void Releases_on_the_first_quiet_tick_after_work_and_not_again_until_more_work()
    {
        var quiet = new IdleMemoryRelease.QuietAfterWork(collections: 5);

        Assert.True(quiet.Tick(5), "start-up was work: the first quiet tick releases");
        Assert.False(quiet.Tick(5), "still quiet: nothing new to give back");
        Assert.False(quiet.Tick(9), "collections during the tick: requests are being served");
        Assert.False(quiet.Tick(12), "still at work");
        Assert.True(quiet.Tick(12), "the first quiet tick after work releases");
        quiet.Released(13);
        Assert.False(quiet.Tick(13), "the release's own collection is not work");
        Assert.False(quiet.Tick(13));
    }

    /// <summary>
    /// Arrays that survive two collections (so they sit in the oldest generation, where routine collections do not
    /// look), dropped on return: garbage the heap keeps committed until something collects and compacts it. A method
    /// of its own, so no slot of the caller's frame keeps them alive.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void LeaveOldGarbage(int megabytes)
    {
        var chunks = new List<byte[]>();
        for (var i = 0; i < megabytes * 16; i++)
        {
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill(1);
            chunks.Add(chunk);
        }

        GC.Collect();
        GC.Collect();
        GC.KeepAlive(chunks);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static bool HasMarker(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_temp_master WHERE name = 'marker'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static long ResidentBytes()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
