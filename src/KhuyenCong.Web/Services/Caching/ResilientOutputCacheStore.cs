using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace KhuyenCong.Web.Services.Caching;

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
