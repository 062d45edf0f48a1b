using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>
/// <c>Cache:Redis</c>: the nodes share one output cache in Redis, a change on one node reaches the pages every
/// node serves at once, and Redis going away never costs a visitor a page.
/// </summary>
public sealed class SharedCacheTests(ITestOutputHelper output)
{
    internal static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    internal static async Task<(HttpStatusCode Status, bool Cached, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, FromCache(response), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Whether the page is served from the cache again within the time (asked every 200 ms).</summary>
    internal static async Task<bool> CachedWithinAsync(HttpClient client, string url, TimeSpan time)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < time)
        {
            if ((await GetAsync(client, url)).Cached)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    [ServicesFact(Service.Redis)]
    public async Task A_page_cached_by_one_node_is_served_by_the_other_and_a_change_on_one_shows_at_once_on_the_other()
    {
        await using var nodes = await TwoNodes.StartAsync("Hội chợ nông sản chia sẻ bộ nhớ đệm");
        var (a, browserA, browserB, article, url, redis) = (nodes.A, nodes.BrowserA, nodes.BrowserB, nodes.Article, nodes.Url, nodes.Redis);
        var first = await GetAsync(browserA, url);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(first.Cached);
        Assert.True((await GetAsync(browserA, url)).Cached);

        // Node B never rendered the page: it comes from the shared store.
        var onB = await GetAsync(browserB, url);
        Assert.True(onB.Cached, "node B should serve the page node A stored in Redis");
        Assert.Contains("Hội chợ nông sản chia sẻ bộ nhớ đệm", onB.Body, StringComparison.Ordinal);
        // A node going quiet leaves the shared store alone: it serves every node.
        Assert.False(await IdleMemoryRelease.DropQueryPagesAsync(a.Services.GetRequiredService<IOutputCacheStore>(), a.Services.GetRequiredService<RedisConnection>(), CancellationToken.None));
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration))
        {
            var keys = connection.GetServer(redis.Configuration).Keys(pattern: SharedCache.InstanceName + "*").ToList();
            Assert.NotEmpty(keys);
        }

        // An edit on A: B (whose own change-stamp poll waits a minute here) shows it once the announcement arrives.
        article.Title = "Hội chợ nông sản đã đổi tên trên nút A";
        await a.SaveAsync(article);
        var delay = await ShowsAsync(browserB, url, "Hội chợ nông sản đã đổi tên trên nút A");
        output.WriteLine($"the change showed on node B {delay}");
        Assert.True((await GetAsync(browserA, url)).Cached, "A serves the page B stored after the change");
    }

    /// <summary>
    /// How the page came to show the text after a change: a node's own copy is emptied when the eviction
    /// announcement arrives through Redis, a moment after the change. Fails after one second.
    /// </summary>
    private static async Task<string> ShowsAsync(HttpClient client, string url, string text)
    {
        var watch = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            if ((await GetAsync(client, url)).Body.Contains(text, StringComparison.Ordinal))
            {
                return attempt == 1 ? $"on the first request ({watch.ElapsedMilliseconds} ms to render)"
                    : $"on request {attempt}, {watch.ElapsedMilliseconds} ms after the change";
            }

            Assert.True(watch.ElapsedMilliseconds < 1000, $"{url} did not show \"{text}\" within a second of the change");
            await Task.Delay(5);
        }
    }

    private static async Task<long> RedisReadsAsync(string configuration)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true");
        var stats = await connection.GetServer(configuration).InfoAsync("stats");
        var hits = stats.SelectMany(g => g).Single(p => p.Key == "keyspace_hits").Value;
        return long.Parse(hits, System.Globalization.CultureInfo.InvariantCulture);
    }

    [ServicesFact(Service.Redis)]
    public async Task Each_node_answers_repeated_hits_from_its_own_copy_and_a_change_empties_every_copy_at_once()
    {
        await using var nodes = await TwoNodes.StartAsync("Bản sao gần của bộ nhớ đệm chung");
        var (a, b, browserA, browserB, article, url, redis) = (nodes.A, nodes.B, nodes.BrowserA, nodes.BrowserB, nodes.Article, nodes.Url, nodes.Redis);

        // Until each node listens for evictions its copy is not used: warm both until a round asks Redis nothing.
        var quiet = false;
        for (var round = 0; round < 50 && !quiet; round++)
        {
            var before = await RedisReadsAsync(redis.Configuration);
            Assert.Contains("Bản sao gần", (await GetAsync(browserA, url)).Body, StringComparison.Ordinal);
            Assert.Contains("Bản sao gần", (await GetAsync(browserB, url)).Body, StringComparison.Ordinal);
            quiet = await RedisReadsAsync(redis.Configuration) == before;
            await Task.Delay(quiet ? 0 : 100);
        }

        Assert.True(quiet, "repeated hits should be answered from each node's own copy, without reading Redis");
        var reads = await RedisReadsAsync(redis.Configuration);
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await GetAsync(i % 2 == 0 ? browserA : browserB, url)).Cached);
        }

        Assert.Equal(reads, await RedisReadsAsync(redis.Configuration));
        var near = Assert.IsType<NearOutputCacheStore>(b.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>());
        Assert.True(near.Hits >= 10, $"node B answered {near.Hits} hits from its copy");

        // A change on A: B's copy is emptied by the announcement before A's answer returns to the editor.
        article.Title = "Bản sao gần đã đổi tên trên nút A";
        await a.SaveAsync(article);
        var delay = await ShowsAsync(browserB, url, "Bản sao gần đã đổi tên trên nút A");
        var onA = await GetAsync(browserA, url);
        Assert.Contains("Bản sao gần đã đổi tên trên nút A", onA.Body, StringComparison.Ordinal);
        output.WriteLine($"node B answered {near.Hits} hits from its own copy; Redis reads unchanged over 20 hits; " +
            $"the change showed on B {delay}");
    }

    [Fact]
    public async Task An_unreachable_Redis_at_start_stops_the_app_with_one_line_naming_the_setting()
    {
        var data = ClusterNode.NewDataPath();
        var (exitCode, lines) = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["Cache__Redis"] = "127.0.0.1:" + ChildProcess.FreePort(),
            ["Data__Path"] = data,
        });
        output.WriteLine(string.Join('\n', lines));
        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains("Cache:Redis", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Two nodes on one data folder and one Redis server of the test's own, a browser each, and an article.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly string data = ClusterNode.NewDataPath();

        private TwoNodes()
        {
            A = new ClusterNode(data, Redis.Configuration);
            BrowserA = A.Browser();
            B = new ClusterNode(data, Redis.Configuration);
            BrowserB = B.Browser();
        }

        public RedisServer Redis { get; } = new();
        public ClusterNode A { get; }
        public ClusterNode B { get; }
        public HttpClient BrowserA { get; }
        public HttpClient BrowserB { get; }
        public Article Article { get; private set; } = null!;
        public string Url => SiteUrls.Article(Article.Slug);

        public static async Task<TwoNodes> StartAsync(string title)
        {
            var nodes = new TwoNodes();
            nodes.Article = await nodes.A.NewArticleAsync(title);
            return nodes;
        }

        public async ValueTask DisposeAsync()
        {
            BrowserB.Dispose();
            await B.DisposeAsync();
            BrowserA.Dispose();
            await A.DisposeAsync();
            Redis.Dispose();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Nothing was written.
            }
        }
    }
}

/// <summary>
/// Redis stopped under load: no visitor waits for it. Timing is the point, so this runs with no other test beside
/// it (a busy test process can stall a request for seconds by itself).
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    [ServicesFact(Service.Redis)]
    public async Task Pages_keep_coming_while_Redis_is_down_and_the_cache_recovers_when_it_returns()
    {
        using var redis = new RedisServer();
        var data = ClusterNode.NewDataPath();
        await using var node = new ClusterNode(data, redis.Configuration, new Dictionary<string, string?> { [SharedCache.RetrySetting] = "1" });
        using var browser = node.Browser();
        var article = await node.NewArticleAsync("Bài viết trong lúc Redis vắng mặt");
        string[] urls = ["/", "/tin-tuc", SiteUrls.Article(article.Slug)];
        foreach (var url in urls)
        {
            await SharedCacheTests.GetAsync(browser, url);
            Assert.True((await SharedCacheTests.GetAsync(browser, url)).Cached, url + " should be cached before the outage");
        }

        var statuses = new System.Collections.Concurrent.ConcurrentBag<(int Status, long Milliseconds, bool Cached, long At, string Url)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var n = i;
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                var at = clock.ElapsedMilliseconds;
                var url = urls[n++ % urls.Length];
                using var response = await browser.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                statuses.Add(((int)response.StatusCode, watch.ElapsedMilliseconds, SharedCacheTests.FromCache(response), at, url));
            }
        })).ToList();

        await Task.Delay(500);
        var stopped = clock.ElapsedMilliseconds;
        redis.Stop();
        var beforeOutage = statuses.Count;
        await Task.Delay(2000);
        // A change while Redis is away: its eviction is owed and done when Redis answers again.
        article.Title = "Bài viết đổi tên khi Redis vắng mặt";
        var saving = clock.ElapsedMilliseconds;
        await node.SaveAsync(article);
        var saved = clock.ElapsedMilliseconds;
        await Task.Delay(1000);
        var duringOutage = statuses.Count - beforeOutage;
        var restarting = clock.ElapsedMilliseconds;
        redis.Start();

        var recovered = Stopwatch.StartNew();
        var hitAgain = await SharedCacheTests.CachedWithinAsync(browser, "/", TimeSpan.FromSeconds(20));

        stop.Cancel();
        await Task.WhenAll(clients);
        var all = statuses.ToList();
        output.WriteLine($"requests: {all.Count} in all, {duringOutage} while Redis was down; 5xx: {all.Count(s => s.Status >= 500)}; " +
            $"slowest: {all.Max(s => s.Milliseconds)} ms; cache hit again {recovered.ElapsedMilliseconds} ms after Redis restarted");
        output.WriteLine($"Redis stopped at {stopped} ms, saved {saving}-{saved} ms, restarted at {restarting} ms; slowest requests: " +
            string.Join("; ", all.OrderByDescending(s => s.Milliseconds).Take(5).Select(s => $"{s.Url} from {s.At} ms took {s.Milliseconds} ms")));
        Assert.All(all, s => Assert.True(s.Status is >= 200 and < 400, $"HTTP {s.Status}"));
        Assert.True(duringOutage > 20, $"only {duringOutage} requests were answered while Redis was down");
        Assert.True(all.Max(s => s.Milliseconds) < 3000, "a request waited for Redis");
        Assert.True(hitAgain, "the cache should serve hits again after Redis returned");

        var page = await SharedCacheTests.GetAsync(browser, SiteUrls.Article(article.Slug));
        Assert.Contains("Bài viết đổi tên khi Redis vắng mặt", page.Body, StringComparison.Ordinal);
        Assert.True(await SharedCacheTests.CachedWithinAsync(browser, SiteUrls.Article(article.Slug), TimeSpan.FromSeconds(5)), "the changed page is cached again");
        Directory.Delete(data, recursive: true);
    }
}

/// <summary>Tests whose assertions are about time or the whole process's allocations run after the others, one at a time.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
