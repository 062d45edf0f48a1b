namespace KhuyenCong.Web.Data;

/// <summary>
/// Prepares the database when the host starts (migrations, durability check, first import). It runs in the
/// "starting" phase, so no request is served before it finishes, and it is the same in tests and production.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Each line is logged as soon as it is written: a first start shows the import folder by folder.
        await using var output = new ProgressWriter(line => log.LogInformation("{Line}", line));
        await Commands.PrepareDatabaseAsync(services, importWhenEmpty: true, output);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
