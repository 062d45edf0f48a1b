using System.Data.Common;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The real app over HTTP with its own SQLite file in a fresh data folder; the starting content from content/ is
/// imported on start exactly as on a fresh machine. One per test class (xunit class fixture).
/// </summary>
public sealed class SiteFactory : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "kc-tests", Guid.NewGuid().ToString("N"));
    public QueryCounter Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = DataPath,
            ["Site:PublicBaseUrl"] = "https://khuyencong.test",
        }));
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Queries));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider);
    }

    /// <summary>Saves content through the app's one write path (revisions, search, cache eviction).</summary>
    public Task SaveAsync(RoutedContent item) => WithDbAsync(async (db, sp) =>
    {
        if (item.Id == 0)
        {
            db.Add(item);
        }
        else
        {
            db.Update(item);
        }

        await sp.GetRequiredService<ContentPublisher>().SaveAsync(item, "test", "save");
        return item.Id;
    });

    /// <summary>A published article in the first topic, with a unique slug.</summary>
    public async Task<Article> NewArticleAsync(string title, string body = "Nội dung bài viết.", ContentStatus status = ContentStatus.Published,
        DateTime? publishAt = null, string? topicSlug = null, string summary = "Tóm tắt bài viết.")
    {
        var topicId = await WithDbAsync((db, _) => db.Topics.Where(t => topicSlug == null || t.Slug == topicSlug)
            .OrderBy(t => t.SortOrder).Select(t => (int?)t.Id).FirstOrDefaultAsync());
        var article = new Article
        {
            Title = title,
            Slug = Slugifier.Slugify(title) + "-" + Guid.NewGuid().ToString("N")[..6],
            Summary = summary,
            BodyMarkdown = body,
            Status = status,
            PublishAt = publishAt ?? DateTime.UtcNow.AddMinutes(-5),
            TopicId = topicId,
        };
        await SaveAsync(article);
        return article;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Counts SQL commands, to prove list pages run a fixed number of queries.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public static class HttpExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(body);
    }

    public static string MainText(this IHtmlDocument doc) =>
        doc?.QuerySelector("main")?.TextContent ?? "";
}
