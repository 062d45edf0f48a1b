using KhuyenCong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>
/// Every hour: erases the personal fields of registrations older than the retention period (audited) and
/// deletes drafts that expired more than a day ago. With several nodes, only the holder of its lease runs it.
/// </summary>
public sealed class RegistrationRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RegistrationOptions> options, JobLeases leases, ILogger<RegistrationRetention> log)
    : PeriodicJob(clock, leases, log)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override TimeSpan Period => Interval;
    protected override string LeaseName => JobLeases.RegistrationRetention;
    protected override Task<int> PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One pass; returns how many registrations were erased.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var erased = await Triage.EraseExpiredAsync(db, audit, RegistrationCatalog.Triage, db.Registrations, now, options.Value.RetentionDays, ct);
        if (erased > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        // Questions ("Hỏi đáp") follow the same retention rule.
        await Questions.QuestionStore.EraseExpiredAsync(db, audit, now, options.Value.RetentionDays, ct);

        var stale = now.AddDays(-1);
        await db.RegistrationDrafts.Where(d => d.ExpiresAt < stale).ExecuteDeleteAsync(ct);
        return erased;
    }
}
