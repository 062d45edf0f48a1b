using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Questions;

/// <summary>
/// A draft's page and the drafts list say whether comments are taken, and are cached: when a draft's opening or
/// closing time passes, nothing is written, so nothing would evict them. Each scheduler pass (once per cluster, the
/// "scheduler" lease) asks whether an opening or closing time fell since this node's last look and, if one did,
/// announces a content change (every node evicts its cached pages). A node that takes the lease over looks back to
/// its own last look (at its start: one output-cache lifetime), so an instant another node passed may be announced
/// twice, which costs one more eviction, and none is missed.
/// </summary>
public sealed class CommentWindows(TimeProvider clock)
{
    /// <summary>How far back a node's first look reaches: the output cache's entry lifetime.</summary>
    public static readonly TimeSpan FirstLook = TimeSpan.FromMinutes(10);

    private DateTime? lookedUntil;

    /// <summary>Announces a change when an opening or closing time of a published draft is in (last look, now]; true if it did.</summary>
    public async Task<bool> AnnounceDueAsync(AppDbContext db, IOutputCacheStore cache, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = lookedUntil ?? now - FirstLook;
        var due = from < now && await db.Documents.AsNoTracking().Published(now)
            .AnyAsync(d => (d.CommentOpensAt > from && d.CommentOpensAt <= now) || (d.CommentClosesAt > from && d.CommentClosesAt <= now), ct);
        if (due)
        {
            await ContentChanges.AnnounceAsync(db, cache, ct);
        }

        lookedUntil = now;
        return due;
    }
}
