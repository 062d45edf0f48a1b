namespace KhuyenCong.Web.Services.Jobs;

/// <summary>
/// The one loop of the site's periodic background jobs: a pass at start and then at every tick of the site's clock,
/// run only by the node that holds (or takes) the job's lease, so a cluster runs each pass once; a failed pass is
/// logged and retried at the next tick. A job says its period, its lease and what one pass does (and whether it
/// runs at all on this site).
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, JobLeases leases, ILogger log) : BackgroundService
{
    /// <summary>The site's clock (tests move it).</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Time between two passes.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>The lease (<see cref="JobLeases"/>) that names the one node running the pass.</summary>
    protected abstract string LeaseName { get; }

    /// <summary>How long a taken lease lasts: longer than the period, so its holder renews it at its next tick.</summary>
    protected virtual TimeSpan LeaseDuration => Period + TimeSpan.FromMinutes(5);

    /// <summary>False when the site's settings turn the job off: then no loop runs.</summary>
    protected virtual bool Enabled => true;

    /// <summary>One pass, run while this node holds the lease; returns how many things it changed.</summary>
    protected abstract Task<int> PassAsync(CancellationToken ct);

    /// <summary>One pass if this node holds (or takes) the lease; null when another node holds it.</summary>
    protected async Task<int?> RunIfLeasedAsync(CancellationToken ct) =>
        await leases.TryTakeAsync(LeaseName, LeaseDuration, ct) ? await PassAsync(ct) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Period, Clock);
        do
        {
            try
            {
                await RunIfLeasedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "{Job} pass failed; retrying at the next tick", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
