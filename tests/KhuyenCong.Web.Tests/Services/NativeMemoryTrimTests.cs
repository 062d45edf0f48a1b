using System.Runtime.InteropServices;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services;

/// <summary>
/// The allocator's free pages go back to the system when the app trims: C memory freed between live blocks stays
/// resident otherwise (what SQLite's page caches left behind after a burst of searches).
/// </summary>
public sealed class NativeMemoryTrimTests
{
    private const int Block = 4096;
    private const int Blocks = 40_000; // 160 MB

    [Fact]
    public void Trimming_gives_back_the_free_pages_between_live_blocks()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(NativeMemoryTrim.TrimNow());
            return;
        }

        Assert.True(NativeMemoryTrim.IsAvailable, "this Linux has glibc (Debian): malloc_trim must be found");
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
            Assert.True(NativeMemoryTrim.TrimNow());
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

    private static long ResidentBytes()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.WorkingSet64;
    }
}
