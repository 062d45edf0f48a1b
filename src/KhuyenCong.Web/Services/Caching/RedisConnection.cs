using StackExchange.Redis;

namespace KhuyenCong.Web.Services.Caching;

/// <summary>One connection to Redis per process, made on first use, with short timeouts that fail fast.</summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions options = new();
    private readonly Lazy<Task<IConnectionMultiplexer>> connection;

    /// <summary>A connection to the configured Redis, or none (<see cref="Configured"/> false) when unset.</summary>
    public RedisConnection(string? configuration)
    {
        connection = new(async () => await ConnectionMultiplexer.ConnectAsync(options));
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return;
        }

        Configured = true;
        options = ConfigurationOptions.Parse(configuration);
        // Keep trying in the background when Redis is away, never queue commands for it: a visitor must not wait.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.ConnectRetry = Math.Min(options.ConnectRetry, 1);
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "khuyencong-web";
    }

    public bool Configured { get; }

    public string Endpoints => string.Join(", ", options.EndPoints.Select(e => e.ToString()));

    public Task<IConnectionMultiplexer> GetAsync() => connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
        {
            await connection.Value.Result.DisposeAsync();
        }
    }
}
