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
