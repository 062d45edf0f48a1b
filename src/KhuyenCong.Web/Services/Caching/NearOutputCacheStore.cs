using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace KhuyenCong.Web.Services.Caching;

/// <summary>
/// A small in-process copy in front of the shared Redis output cache: each node answers the pages it served lately
/// from its own memory, so a cache hit costs no round trip to Redis and no copy of the page through it.
/// <para>
/// A change must still show on every node at once. Every eviction that reaches Redis is announced on a Redis
/// channel after Redis has dropped the entries, and every node (the one that evicted included) empties its copy
/// when the announcement arrives. A copy read from Redis is kept only when no announcement arrived while it was
/// being read. While the node is not listening on the channel (Redis away, reconnecting), the copy is neither read
/// nor filled and it is emptied when the connection returns, so an announcement missed during an outage cannot
/// leave an old page behind. Entries live at most <c>Cache:NearSeconds</c> (default 30), which also bounds how
/// long a copy may outlive its Redis entry; <c>Cache:NearMegabytes</c> (default 64) bounds the memory per node.
/// </para>
/// </summary>
public sealed class NearOutputCacheStore : IOutputCacheStore, IOutputCacheBufferStore, IDisposable
{
    public const string SecondsSetting = "Cache:NearSeconds";
    public const string MegabytesSetting = "Cache:NearMegabytes";

    /// <summary>The channel every node listens on; a message on it empties every node's copy.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal(SharedCache.InstanceName + "evicted");

    private readonly ResilientOutputCacheStore inner;
    private readonly RedisConnection connection;
    private readonly TimeSpan lifetime;
    private readonly long sizeLimit;
    private readonly ILogger<NearOutputCacheStore> log;
    private MemoryCache copy;
    private long generation;
    private volatile bool listening;
    private int started;
    private int watching;

    public NearOutputCacheStore(ResilientOutputCacheStore inner, RedisConnection connection, TimeSpan lifetime, long sizeLimit,
        ILogger<NearOutputCacheStore> log)
    {
        this.inner = inner;
        this.connection = connection;
        this.lifetime = lifetime;
        this.sizeLimit = sizeLimit;
        this.log = log;
        copy = NewCopy();
        inner.Evicted = AnnounceAsync;
    }

    /// <summary>True while this node listens for evictions and may answer from its copy.</summary>
    public bool Listening => listening;

    /// <summary>Pages answered from this node's copy since start (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref hits);

    private long hits;

    public void Dispose()
    {
        copy.Dispose();
        inner.Dispose();
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        Start();
        // This node drops its copy now; the announcement after Redis has evicted empties every node's copy.
        Clear();
        await inner.EvictByTagAsync(tag, cancellationToken);
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        Start();
        if (listening && copy.TryGetValue(key, out byte[]? near) && near is not null)
        {
            Interlocked.Increment(ref hits);
            return near;
        }

        var before = Volatile.Read(ref generation);
        var value = await inner.GetAsync(key, cancellationToken);
        if (value is not null)
        {
            Keep(key, value, lifetime, before);
        }

        return value;
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        var value = await GetAsync(key, cancellationToken);
        if (value is null)
        {
            return false;
        }

        await destination.WriteAsync(value, cancellationToken);
        return true;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        Start();
        var before = Volatile.Read(ref generation);
        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        Keep(key, value, validFor < lifetime ? validFor : lifetime, before);
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        Start();
        var before = Volatile.Read(ref generation);
        await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        Keep(key, value.ToArray(), validFor < lifetime ? validFor : lifetime, before);
    }

    private void Keep(string key, byte[] value, TimeSpan validFor, long before)
    {
        if (!listening || validFor <= TimeSpan.Zero || value.Length > sizeLimit / 4)
        {
            return;
        }

        var target = copy;
        // An eviction announced while the value was on its way may concern it: keep nothing then.
        if (Volatile.Read(ref generation) != before)
        {
            return;
        }

        target.Set(key, value, new MemoryCacheEntryOptions { Size = value.Length, AbsoluteExpirationRelativeToNow = validFor });
    }

    private void Clear()
    {
        Interlocked.Increment(ref generation);
        // The old copy is not disposed: a request may still be reading it; it is garbage once nobody does.
        Interlocked.Exchange(ref copy, NewCopy());
    }

    private MemoryCache NewCopy() => new(new MemoryCacheOptions { SizeLimit = sizeLimit });

    /// <summary>Called by the Redis store after each eviction Redis has done (replayed ones too).</summary>
    private async Task AnnounceAsync(string tag)
    {
        Clear();
        try
        {
            var multiplexer = await connection.GetAsync();
            await multiplexer.GetSubscriber().PublishAsync(Channel, tag);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Redis went away between the eviction and the announcement: every other node stops using its copy
            // when it loses the connection and empties it when the connection returns.
            log.LogWarning("The eviction of {Tag} could not be announced to the other nodes: {Message}", tag, e.Message);
        }
    }

    /// <summary>Subscribes once, on first use; until the subscription stands the copy is not used.</summary>
    private void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            _ = ListenAsync();
        }
    }

    private async Task ListenAsync()
    {
        try
        {
            var multiplexer = await connection.GetAsync();
            if (Interlocked.Exchange(ref watching, 1) == 0)
            {
                multiplexer.ConnectionFailed += (_, _) => Stop();
                // Announcements made while this node was away are lost: start again from nothing.
                multiplexer.ConnectionRestored += (_, _) => Resume(multiplexer);
            }

            await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, _) => Clear());
            Resume(multiplexer);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning("The near copy of the shared output cache waits for Redis: {Message}", e.Message);
            Interlocked.Exchange(ref started, 0);
        }
    }

    private void Resume(IConnectionMultiplexer multiplexer)
    {
        Clear();
        listening = multiplexer.IsConnected && multiplexer.GetSubscriber().IsConnected(Channel);
    }

    private void Stop()
    {
        listening = false;
        Clear();
    }
}
