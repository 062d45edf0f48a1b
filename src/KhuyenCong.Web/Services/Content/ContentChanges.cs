using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// Makes a change of public content reach every running node's output cache, whichever process wrote it:
/// writers move the change stamp in their transaction (<see cref="BumpAsync"/>); each node polls it (one
/// primary-key read per interval, <c>Cache:ChangePollMilliseconds</c>, default 1000) and evicts its cached pages
/// and the product catalog when it moved.
/// </summary>
public sealed class ContentChanges(
    IServiceScopeFactory scopes, IOutputCacheStore cache, ProductCatalog catalog, IConfiguration configuration, ILogger<ContentChanges> log)
    : BackgroundService
{
    public const string PollSetting = "Cache:ChangePollMilliseconds";

    // The stamp as this node last acted on it; -1 before the first look.
    private long seen = -1;

    /// <summary>
    /// This node's publisher committed the change that moved the stamp to <paramref name="version"/> and evicted its
    /// own pages after the commit: the next look need not evict them again, unless another writer moved the stamp too
    /// (then the stamp this node saw is not the one just before, and nothing changes here).
    /// </summary>
    public void EvictedAt(long version) => Interlocked.CompareExchange(ref seen, version, version - 1);

    /// <summary>Moves the stamp; call inside the writing transaction so it commits with the change.</summary>
    public static Task BumpAsync(AppDbContext db, DateTime? now = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The writers that do not pass their time (AnnounceAsync) get it from the site's clock.
        var at = now ?? (db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
            ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return db.Set<ChangeStamp>().Where(s => s.Id == ChangeStamp.ContentId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1).SetProperty(x => x.ChangedAt, at), ct);
    }

    /// <summary>
    /// The stamp as committed (or as the open transaction sees it): one primary-key read as a bare command on the
    /// context's connection, without EF's query pipeline, since it is not a page's data. The in-memory copies that
    /// follow content (article lists, product catalog, programme source) key themselves by it.
    /// </summary>
    public static async Task<long> VersionAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "Version" FROM "ChangeStamps" WHERE "Id" = {ChangeStamp.ContentId}""";
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// For the writes outside the editor's publisher (comments, questions): move the stamp so other nodes evict, then
    /// evict this node's cached pages. Editor-area writes use <see cref="ContentPublisher.SaveOtherAsync"/> instead.
    /// </summary>
    public static async Task AnnounceAsync(AppDbContext db, IOutputCacheStore cache, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        await BumpAsync(db, ct: ct);
        await cache.EvictByTagAsync(ContentPublisher.CacheTag, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue(PollSetting, 1000), 50, 60_000));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A node that cannot read the stamp keeps serving; its pages still expire after 10 minutes.
                log.LogWarning(e, "The content change stamp could not be read");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads the stamp and evicts when it moved since the last look.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var last = Interlocked.Read(ref seen);
        await using var scope = scopes.CreateAsyncScope();
        var version = await VersionAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        if (last >= 0 && last != version)
        {
            catalog.Invalidate();
            await cache.EvictByTagAsync(ContentPublisher.CacheTag, ct);
            log.LogDebug("Content changed elsewhere (stamp {Last} → {Version}); cached pages evicted", last, version);
        }

        // Only over the value read before the look: a publisher's EvictedAt in between stays, and the next look
        // compares against it.
        Interlocked.CompareExchange(ref seen, version, last);
    }
}
