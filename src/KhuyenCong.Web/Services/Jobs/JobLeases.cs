using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Jobs;

/// <summary>
/// Leases of the periodic jobs in the database, so that with several nodes each pass runs on one node only.
/// A lease is taken with one conditional UPDATE (free or expired, or already ours); two nodes cannot both get
/// it, on SQLite (one writer at a time) as on PostgreSQL (the row lock, then the condition is read again).
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Scheduler = "scheduler";
    public const string RegistrationRetention = "registration-retention";
    public const string MailDigest = "mail-digest";

    /// <summary>This process (or, in tests, this app host) as a lease holder.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Takes (or renews) the lease for <paramref name="duration"/>; false when another node holds it. The holder
    /// keeps it from pass to pass; the others take over once it has expired.
    /// </summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var holder = Holder;
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == name && (l.ExpiresAt <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Set<JobLease>().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        // A job without a row yet: the first insert wins, the primary key refuses the others.
        try
        {
            db.Add(new JobLease { Name = name, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
