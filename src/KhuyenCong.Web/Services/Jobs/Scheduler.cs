using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Jobs;

/// <summary>
/// Every 30 seconds: items whose publish time has come go live, items whose unpublish time has passed are
/// archived — both through the publisher, so search, feeds, sitemap and caches follow — and audit entries past
/// the retention period are deleted. With several nodes, the node holding the "scheduler" lease runs the pass;
/// each item's change of state is itself conditional, so even two passes at once publish an item only once.
/// </summary>
public sealed class Scheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> audit, JobLeases leases, ILogger<Scheduler> log)
    : PeriodicJob(clock, leases, log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>A little longer than the interval: the holder renews it at its next tick.</summary>
    public static readonly TimeSpan LeaseTime = Interval + TimeSpan.FromSeconds(10);

    protected override TimeSpan Period => Interval;
    protected override string LeaseName => JobLeases.Scheduler;
    protected override TimeSpan LeaseDuration => LeaseTime;
    protected override Task<int> PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One pass if this node holds (or takes) the lease; null when another node holds it.</summary>
    public Task<int?> RunLeasedAsync(CancellationToken ct = default) => RunIfLeasedAsync(ct);

    /// <summary>One pass; returns how many items changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<ContentPublisher>();
        var cache = scope.ServiceProvider.GetRequiredService<IOutputCacheStore>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        changed += await RunAsync(db, db.Articles, publisher, cache, now, ct);
        changed += await RunAsync(db, db.Documents, publisher, cache, now, ct);
        changed += await RunAsync(db, db.Pages, publisher, cache, now, ct);
        changed += await RunAsync(db, db.Products, publisher, cache, now, ct);
        changed += await RunAsync(db, db.TvSegments, publisher, cache, now, ct);
        changed += await RunAsync(db, db.Showrooms, publisher, cache, now, ct);
        changed += await RunAsync(db, db.Fairs, publisher, cache, now, ct);
        changed += await RunAsync(db, db.QaItems, publisher, cache, now, ct);
        // A draft's comment period opening or closing changes its cached page and the drafts list.
        await scope.ServiceProvider.GetRequiredService<Questions.CommentWindows>().AnnounceDueAsync(db, cache, ct);

        var cutoff = now.AddDays(-audit.Value.RetentionDays);
        await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        return changed;
    }

    private static async Task<int> RunAsync<T>(AppDbContext db, DbSet<T> set, ContentPublisher publisher, IOutputCacheStore cache, DateTime now, CancellationToken ct)
        where T : RoutedContent
    {
        // Equality on (Status, WentLiveAt) lets SQLite use that index; the few not-yet-live rows are filtered here.
        var due = (await set.Where(x => x.Status == ContentStatus.Published && x.WentLiveAt == null).ToListAsync(ct))
            .Where(x => x.PublishAt <= now).ToList();
        var changed = 0;
        if (due.Count > 0)
        {
            // Each item is claimed with a conditional update in the publishing transaction: a second pass (another
            // node, a lost lease) finds it claimed and leaves it, so one revision and one audit entry.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await ClaimAsync(due, id => set.Where(x => x.Id == id && x.Status == ContentStatus.Published && x.WentLiveAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.WentLiveAt, now), ct));
            if (claimed.Count > 0)
            {
                await publisher.SaveAsync(claimed, "lịch đăng", "scheduled-publish", "Đăng theo lịch", ct);
            }

            await transaction.CommitAsync(ct);
            changed += claimed.Count;
        }

        var expired = await set.Where(x => x.Status == ContentStatus.Published && x.UnpublishAt != null && x.UnpublishAt <= now).ToListAsync(ct);
        foreach (var item in expired)
        {
            item.Status = ContentStatus.Archived;
            item.UpdatedAt = now;
        }

        if (expired.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await ClaimAsync(expired, id => set.Where(x => x.Id == id && x.Status == ContentStatus.Published)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, ContentStatus.Archived).SetProperty(x => x.UpdatedAt, now), ct));
            if (claimed.Count > 0)
            {
                await publisher.SaveAsync(claimed, "lịch đăng", "scheduled-unpublish", "Gỡ theo lịch", ct);
            }

            await transaction.CommitAsync(ct);
            changed += claimed.Count;
        }

        if (changed > 0)
        {
            // Evict once more after the commit: a page rendered between the publisher's eviction and the commit
            // would otherwise keep the old state.
            await cache.EvictByTagAsync(ContentPublisher.CacheTag, ct);
        }

        return changed;
    }

    /// <summary>The items whose conditional update took (call inside the publishing transaction).</summary>
    private static async Task<List<RoutedContent>> ClaimAsync<T>(List<T> items, Func<int, Task<int>> claim) where T : RoutedContent
    {
        var claimed = new List<RoutedContent>();
        foreach (var item in items)
        {
            if (await claim(item.Id) == 1)
            {
                claimed.Add(item);
            }
        }

        return claimed;
    }
}
