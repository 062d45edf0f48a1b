using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.News;

/// <summary>A site on a manual clock that records the SQL text of every EF command.</summary>
public sealed class DeepPageSite : SiteFactory
{
    public DeepPageSite()
    {
        Clock = new ManualClock(DateTimeOffset.UtcNow);
    }

    public SqlLog Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Sql));
    }

    public Task EvictPagesAsync() =>
        Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default).AsTask();

    public sealed class SqlLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> texts = new();

        public void Clear() => texts.Clear();

        public IReadOnlyList<string> Texts => [.. texts];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

/// <summary>
/// News, topic and tag lists page without OFFSET: page N is a slice of the list's order kept in memory and its cards
/// are read by key, so the last page runs exactly the SQL of page 2, and every page still shows the right articles.
/// </summary>
public sealed class DeepPageTests(DeepPageSite site) : IClassFixture<DeepPageSite>
{
    private const string TopicSlug = "cong-nghiep-ho-tro";

    private async Task<Tag> SeedAsync()
    {
        var existing = await site.WithDbAsync((db, _) => db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == "trang-sau-kiem-thu"));
        if (existing is not null)
        {
            return existing;
        }

        var tag = new Tag { Name = "Trang sau kiểm thử", Slug = "trang-sau-kiem-thu" };
        var now = site.Clock!.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 45; i++)
        {
            var article = await site.NewArticleAsync($"Bài phân trang sâu {i:00}", publishAt: now.AddMinutes(-10 - (i % 7)), topicSlug: TopicSlug);
            if (i % 3 != 1)
            {
                await site.WithDbAsync(async (db, sp) =>
                {
                    var a = await db.Articles.Include(x => x.Tags).FirstAsync(x => x.Id == article.Id);
                    a.Tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.Slug == tag.Slug) ?? tag);
                    await sp.GetRequiredService<ContentPublisher>().SaveAsync(a, "test", "save");
                    return 0;
                });
            }
        }

        return await site.WithDbAsync((db, _) => db.Tags.AsNoTracking().FirstAsync(t => t.Slug == tag.Slug));
    }

    private static async Task<List<string>> AllPagesAsync(HttpClient client, string path)
    {
        var titles = new List<string>();
        for (var page = 1; ; page++)
        {
            var url = page == 1 ? path : $"{path}?trang={page}";
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound && page > 1)
            {
                return titles;
            }

            var doc = await client.GetHtmlAsync(url);
            titles.AddRange(doc.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task Every_page_of_the_news_topic_and_tag_lists_shows_the_articles_newest_first()
    {
        var tag = await SeedAsync();
        await site.EvictPagesAsync();
        var now = site.Clock!.GetUtcNow().UtcDateTime;
        var client = site.Browser();
        var expected = await site.WithDbAsync(async (db, _) => (
            All: await db.Articles.Published(now).Newest().Select(a => a.Title).ToListAsync(),
            Topic: await db.Articles.Published(now).Where(a => a.Topic!.Slug == TopicSlug).Newest().Select(a => a.Title).ToListAsync(),
            Tag: await db.Articles.Published(now).WithTag(tag.Id).Newest().Select(a => a.Title).ToListAsync()));

        Assert.True(expected.Tag.Count > 10, "the tag list has more than one page");
        Assert.Equal(expected.All, await AllPagesAsync(client, "/tin-tuc"));
        Assert.Equal(expected.Topic, await AllPagesAsync(client, "/chuyen-muc/" + TopicSlug));
        Assert.Equal(expected.Tag, await AllPagesAsync(client, "/the/" + tag.Slug));
    }

    [Theory]
    [InlineData("/tin-tuc")]
    [InlineData("/chuyen-muc/" + TopicSlug)]
    [InlineData("/the/trang-sau-kiem-thu")]
    public async Task The_last_page_runs_the_same_sql_as_page_two_and_no_offset(string path)
    {
        await SeedAsync();
        await site.EvictPagesAsync();
        var client = site.Browser();
        var last = (await client.GetHtmlAsync(path)).QuerySelector(".pager-status")!.TextContent;
        var pages = int.Parse(last[(last.LastIndexOf('/') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= 3, $"{path} has {pages} pages");

        site.Sql.Clear();
        await client.GetHtmlAsync($"{path}?trang=2");
        var second = site.Sql.Texts;
        site.Sql.Clear();
        await client.GetHtmlAsync($"{path}?trang={pages}");
        var deepest = site.Sql.Texts;

        // The same statements; a list of ids may be written with as many parameters as it has ids.
        static List<string> Shape(IReadOnlyList<string> texts) =>
            [.. texts.Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"\(\s*@[^()]*\)", "(@ids)"))];
        Assert.NotEmpty(second);
        Assert.Equal(Shape(second), Shape(deepest));
        Assert.DoesNotContain(deepest, sql => sql.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(deepest, sql => sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_scheduled_article_joins_the_list_and_an_expired_one_leaves_it_when_their_time_comes()
    {
        var clock = site.Clock!;
        var now = clock.GetUtcNow().UtcDateTime;
        var coming = await site.NewArticleAsync("Bài hẹn giờ phân trang sâu", publishAt: now.AddHours(1));
        var leaving = await site.NewArticleAsync("Bài sắp gỡ phân trang sâu", publishAt: now.AddMinutes(-1));
        leaving.UnpublishAt = now.AddHours(1).AddMinutes(30);
        await site.SaveAsync(leaving);
        var client = site.Browser();

        var before = (await client.GetHtmlAsync("/tin-tuc")).MainText();
        Assert.DoesNotContain(coming.Title, before, StringComparison.Ordinal);
        Assert.Contains(leaving.Title, before, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(1.1));
        await site.EvictPagesAsync();
        var between = (await client.GetHtmlAsync("/tin-tuc")).MainText();
        Assert.Contains(coming.Title, between, StringComparison.Ordinal);
        Assert.Contains(leaving.Title, between, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(1));
        await site.EvictPagesAsync();
        var after = (await client.GetHtmlAsync("/tin-tuc")).MainText();
        Assert.Contains(coming.Title, after, StringComparison.Ordinal);
        Assert.DoesNotContain(leaving.Title, after, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(-130));
    }
}
