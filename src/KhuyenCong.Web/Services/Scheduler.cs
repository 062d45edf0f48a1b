using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services;

/// <summary>Section "Audit": how long audit entries are kept.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    [Range(30, 3650)] public int RetentionDays { get; set; } = 730;
}

/// <summary>
/// Every 30 seconds: items whose publish time has come go live, items whose unpublish time has passed are
/// archived — both through the publisher, so search, feeds, sitemap and caches follow — and audit entries past
/// the retention period are deleted.
/// </summary>
public sealed class Scheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> audit, ILogger<Scheduler> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Scheduled publishing failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many items changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<ContentPublisher>();
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        changed += await RunAsync(db.Articles, publisher, now, ct);
        changed += await RunAsync(db.Documents, publisher, now, ct);
        changed += await RunAsync(db.Pages, publisher, now, ct);
        changed += await RunAsync(db.Products, publisher, now, ct);
        changed += await RunAsync(db.TvSegments, publisher, now, ct);
        changed += await RunAsync(db.Showrooms, publisher, now, ct);
        changed += await RunAsync(db.Fairs, publisher, now, ct);

        var cutoff = now.AddDays(-audit.Value.RetentionDays);
        await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        return changed;
    }

    private static async Task<int> RunAsync<T>(DbSet<T> set, ContentPublisher publisher, DateTime now, CancellationToken ct) where T : RoutedContent
    {
        // Equality on (Status, WentLiveAt) lets SQLite use that index; the few not-yet-live rows are filtered here.
        var due = (await set.Where(x => x.Status == ContentStatus.Published && x.WentLiveAt == null).ToListAsync(ct))
            .Where(x => x.PublishAt <= now).ToList();
        if (due.Count > 0)
        {
            await publisher.SaveAsync(due.Cast<RoutedContent>().ToList(), "lịch đăng", "scheduled-publish", "Đăng theo lịch", ct);
        }

        var expired = await set.Where(x => x.Status == ContentStatus.Published && x.UnpublishAt != null && x.UnpublishAt <= now).ToListAsync(ct);
        foreach (var item in expired)
        {
            item.Status = ContentStatus.Archived;
            item.UpdatedAt = now;
        }

        if (expired.Count > 0)
        {
            await publisher.SaveAsync(expired.Cast<RoutedContent>().ToList(), "lịch đăng", "scheduled-unpublish", "Gỡ theo lịch", ct);
        }

        return due.Count + expired.Count;
    }
}
