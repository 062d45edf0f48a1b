using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>Two app hosts on one database: the periodic jobs run once per cluster, a scheduled item goes live once.</summary>
public sealed class JobLeaseTests(ITestOutputHelper output)
{
    private static Scheduler SchedulerOf(ClusterNode node) => node.Services.GetServices<IHostedService>().OfType<Scheduler>().Single();

    private static Task<(int Revisions, int Audits)> PublicationsOf(ClusterNode node, int id) => node.WithDbAsync(async (db, _) =>
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await db.Revisions.CountAsync(r => r.ContentType == nameof(Article) && r.ContentId == id && r.Note == "Đăng theo lịch"),
            await db.AuditEntries.CountAsync(a => a.Action == "scheduled-publish" && a.EntityId == key));
    });

    [Fact]
    public async Task A_scheduled_article_is_published_exactly_once_with_two_nodes_running()
    {
        var data = ClusterNode.NewDataPath();
        var start = DateTimeOffset.UtcNow;
        await using var a = new ClusterNode(data, redis: null) { Clock = new ManualClock(start) };
        var leased = await a.NewArticleAsync("Bài đăng theo lịch khi hai nút cùng chạy", publishAt: start.UtcDateTime.AddMinutes(1));
        var unleased = await a.NewArticleAsync("Bài đăng theo lịch khi lịch chạy hai lần", publishAt: start.UtcDateTime.AddMinutes(3));
        await using var b = new ClusterNode(data, redis: null) { Clock = new ManualClock(start) };
        using (var client = b.Browser())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        Assert.Null(await a.WithDbAsync((db, _) => db.Articles.Where(x => x.Id == leased.Id).Select(x => x.WentLiveAt).SingleAsync()));

        // Both nodes' timers fire at the same moment: the lease lets one of them run the pass.
        a.Clock!.Advance(TimeSpan.FromMinutes(2));
        b.Clock!.Advance(TimeSpan.FromMinutes(2));
        var runs = await Task.WhenAll(SchedulerOf(a).RunLeasedAsync(), SchedulerOf(b).RunLeasedAsync());
        output.WriteLine($"leased passes: A {runs[0]?.ToString() ?? "skipped"}, B {runs[1]?.ToString() ?? "skipped"}");
        Assert.Single(runs, r => r is not null);
        Assert.Equal((1, 1), await PublicationsOf(a, leased.Id));

        // Even two passes at once (a lost lease) publish an item once: its change of state is conditional.
        a.Clock.Advance(TimeSpan.FromMinutes(2));
        b.Clock.Advance(TimeSpan.FromMinutes(2));
        var passes = await Task.WhenAll(SchedulerOf(a).RunOnceAsync(), SchedulerOf(b).RunOnceAsync(), SchedulerOf(a).RunOnceAsync());
        output.WriteLine($"unleased passes changed: {string.Join(", ", passes)}");
        Assert.Equal(1, passes.Sum());
        Assert.Equal((1, 1), await PublicationsOf(b, unleased.Id));
        Assert.Equal((1, 1), await PublicationsOf(a, leased.Id));
        var page = await b.Browser().GetAsync(SiteUrls.Article(unleased.Slug));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_lease_is_held_by_one_node_until_it_expires_then_another_takes_it()
    {
        var data = ClusterNode.NewDataPath();
        var start = DateTimeOffset.UtcNow.AddDays(1);
        await using var a = new ClusterNode(data, redis: null) { Clock = new ManualClock(start) };
        await a.WithDbAsync((_, _) => Task.FromResult(0));
        await using var b = new ClusterNode(data, redis: null) { Clock = new ManualClock(start) };
        var leasesA = a.Services.GetRequiredService<JobLeases>();
        var leasesB = b.Services.GetRequiredService<JobLeases>();
        var time = TimeSpan.FromSeconds(40);

        Assert.True(await leasesA.TryTakeAsync("test-job", time));
        Assert.False(await leasesB.TryTakeAsync("test-job", time));
        Assert.True(await leasesA.TryTakeAsync("test-job", time), "the holder renews its lease");
        b.Clock!.Advance(TimeSpan.FromSeconds(41));
        Assert.True(await leasesB.TryTakeAsync("test-job", time), "an expired lease goes to the next node");
        Assert.False(await leasesA.TryTakeAsync("test-job", time));
        Directory.Delete(data, recursive: true);
    }
}
