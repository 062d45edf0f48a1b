namespace KhuyenCong.Web.Data;

/// <summary>
/// Prepares the database when the host starts (migrations, durability check, first import). It runs in the
/// "starting" phase, so no request is served before it finishes, and it is the same in tests and production.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var output = new StringWriter();
        await Commands.PrepareDatabaseAsync(services, importWhenEmpty: true, output);
        foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            log.LogInformation("{Line}", line);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
