using KhuyenCong.Web.Data;

namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// Loads this node's search index as soon as the site has started, in the background, so the first visitor's search
/// does not pay for it (the database is ready: <see cref="DatabaseStartup"/> runs before any hosted service starts).
/// A search arriving meanwhile waits for the load and sees the same results. A failure here is only logged: the next
/// search loads the index itself.
/// </summary>
public sealed partial class SearchWarmUp(IServiceScopeFactory scopes, SearchEngine engine, ILogger<SearchWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await engine.SyncAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // a warm-up that fails leaves the work to the first search; the site keeps running
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index not loaded at start; the first search will load it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
