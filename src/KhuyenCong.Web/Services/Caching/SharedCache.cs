using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace KhuyenCong.Web.Services.Caching;

/// <summary>
/// The output cache of several nodes in one Redis (<c>Cache:Redis</c>, a StackExchange.Redis configuration string
/// such as <c>127.0.0.1:6379</c>); unset, each node keeps its pages in memory as before. The Redis store is
/// wrapped so that Redis trouble never reaches a visitor: short timeouts, and after a failure the store is not
/// asked for <c>Cache:RedisRetrySeconds</c> (default 5) — pages are rendered as misses and not stored.
/// </summary>
public static class SharedCache
{
    public const string RedisSetting = "Cache:Redis";
    public const string RetrySetting = "Cache:RedisRetrySeconds";

    /// <summary>Prefix of every key the site writes, so one Redis can serve other things too.</summary>
    public const string InstanceName = "khuyencong:";

    /// <summary>
    /// Chooses the store when the app starts (call after <c>AddOutputCache</c>): Redis when <c>Cache:Redis</c> is
    /// set, else the in-memory store. Settings are read from the built configuration, not the builder's.
    /// </summary>
    public static void AddSharedOutputCache(this IServiceCollection services)
    {
        var memoryStore = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton(sp => new RedisConnection(sp.GetRequiredService<IConfiguration>()[RedisSetting]));
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>().Configure<RedisConnection>((o, connection) =>
        {
            o.InstanceName = InstanceName;
            o.ConnectionMultiplexerFactory = connection.GetAsync;
        });

        // The framework's Redis store (an internal type) is made as it registered itself, then wrapped.
        var redisStore = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp =>
        {
            if (!sp.GetRequiredService<RedisConnection>().Configured)
            {
                return Create(sp, memoryStore);
            }

            var configuration = sp.GetRequiredService<IConfiguration>();
            var retry = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(RetrySetting, 5.0), 0.1, 300));
            var shared = new ResilientOutputCacheStore(Create(sp, redisStore), retry, sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>());
            var near = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(NearOutputCacheStore.SecondsSetting, 30.0), 0, 3600));
            if (near <= TimeSpan.Zero)
            {
                return shared;
            }

            var megabytes = Math.Clamp(configuration.GetValue(NearOutputCacheStore.MegabytesSetting, 64), 1, 4096);
            return new NearOutputCacheStore(shared, sp.GetRequiredService<RedisConnection>(), near, megabytes * 1024L * 1024L,
                sp.GetRequiredService<ILogger<NearOutputCacheStore>>());
        });
    }

    private static IOutputCacheStore Create(IServiceProvider sp, ServiceDescriptor descriptor) => (IOutputCacheStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));

    /// <summary>
    /// At start (serve only): a configured Redis that cannot be reached stops the app with one line naming the
    /// setting. Returns that line, or null when all is well.
    /// </summary>
    public static async Task<string?> CheckAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<RedisConnection>() is not { Configured: true } connection)
        {
            return null;
        }

        try
        {
            var multiplexer = await connection.GetAsync();
            if (multiplexer.IsConnected)
            {
                await multiplexer.GetDatabase().PingAsync();
                return null;
            }

            return $"{RedisSetting} ({connection.Endpoints}): Redis cannot be reached; start it or correct the setting (unset = in-memory cache).";
        }
        catch (Exception e) when (e is RedisException or ArgumentException or TimeoutException)
        {
            return $"{RedisSetting} ({connection.Endpoints}): {e.Message}";
        }
    }
}

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

/// <summary>
/// Wraps the Redis output-cache store: a failure is logged once, treated as a miss (reads) or skipped (writes),
/// and the store is left alone for the retry period, so pages keep coming at full speed while Redis is away.
/// A tag eviction that could not be done is remembered and done first when Redis answers again, so a change made
/// during the outage never leaves an older page in the shared cache.
/// </summary>
public sealed class ResilientOutputCacheStore(IOutputCacheStore inner, TimeSpan retry, ILogger<ResilientOutputCacheStore> log)
    : IOutputCacheStore, IOutputCacheBufferStore, IDisposable
{
    private readonly IOutputCacheBufferStore? buffered = inner as IOutputCacheBufferStore;
    private readonly Dictionary<string, long> pendingTags = new(StringComparer.Ordinal);
    private long generation;
    private readonly SemaphoreSlim replay = new(1, 1);
    private long closedUntil;
    private int failing;

    public void Dispose()
    {
        replay.Dispose();
        (inner as IDisposable)?.Dispose();
    }

    /// <summary>Called after each eviction Redis has done, replayed ones included (the near copies listen).</summary>
    public Func<string, Task>? Evicted { get; set; }

    /// <summary>True while the store is being left alone after a failure.</summary>
    public bool Open => Environment.TickCount64 < Volatile.Read(ref closedUntil);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (pendingTags)
        {
            // A newer request for the same tag must not be dropped by an eviction that started before it.
            pendingTags[tag] = ++generation;
        }

        await ReadyAsync(cancellationToken);
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken))
        {
            return null;
        }

        try
        {
            var value = await inner.GetAsync(key, cancellationToken);
            Succeeded();
            return value;
        }
        catch (Exception e) when (IsRedisFault(e, cancellationToken))
        {
            Failed(e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            Succeeded();
        }
        catch (Exception e) when (IsRedisFault(e, cancellationToken))
        {
            Failed(e);
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (buffered is null)
        {
            var value = await GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }

        if (!await ReadyAsync(cancellationToken))
        {
            return false;
        }

        try
        {
            // The Redis store writes to the destination only once it holds the whole value.
            var found = await buffered.TryGetAsync(key, destination, cancellationToken);
            Succeeded();
            return found;
        }
        catch (Exception e) when (IsRedisFault(e, cancellationToken))
        {
            Failed(e);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (buffered is null)
        {
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            return;
        }

        if (!await ReadyAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
            Succeeded();
        }
        catch (Exception e) when (IsRedisFault(e, cancellationToken))
        {
            Failed(e);
        }
    }

    /// <summary>False while the store is left alone; otherwise first does the evictions still owed.</summary>
    private async ValueTask<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        if (Open)
        {
            return false;
        }

        bool owed;
        lock (pendingTags)
        {
            owed = pendingTags.Count > 0;
        }

        if (!owed)
        {
            return true;
        }

        await replay.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                string tag;
                long asked;
                lock (pendingTags)
                {
                    if (pendingTags.Count == 0)
                    {
                        return true;
                    }

                    (tag, asked) = pendingTags.First();
                }

                if (Open)
                {
                    return false;
                }

                try
                {
                    // Not the request's token: an eviction once started is finished.
                    await inner.EvictByTagAsync(tag, CancellationToken.None);
                    lock (pendingTags)
                    {
                        if (pendingTags.TryGetValue(tag, out var latest) && latest == asked)
                        {
                            pendingTags.Remove(tag);
                        }
                    }

                    Succeeded();
                }
                catch (Exception e) when (IsRedisFault(e, CancellationToken.None))
                {
                    Failed(e);
                    return false;
                }

                if (Evicted is { } evicted)
                {
                    await evicted(tag);
                }
            }
        }
        finally
        {
            replay.Release();
        }
    }

    private static bool IsRedisFault(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private void Succeeded()
    {
        if (Interlocked.Exchange(ref failing, 0) == 1)
        {
            log.LogWarning("The shared output cache (Redis) answers again");
        }
    }

    private void Failed(Exception e)
    {
        Volatile.Write(ref closedUntil, Environment.TickCount64 + (long)retry.TotalMilliseconds);
        if (Interlocked.Exchange(ref failing, 1) == 0)
        {
            log.LogWarning("The shared output cache (Redis) failed ({Message}); pages are rendered without it, retrying every {Seconds} s",
                e.Message, retry.TotalSeconds);
        }
    }
}
