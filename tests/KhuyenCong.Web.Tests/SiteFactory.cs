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
public class SiteFactory : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "kc-tests", Guid.NewGuid().ToString("N"));
    public QueryCounter Queries { get; } = new();

    /// <summary>Shared by every test class and the browser gate of a run (see DataOptions.ImportMediaCache).</summary>
    public static readonly string MediaCache = Path.Combine(Path.GetTempPath(), "kc-tests", "media-cache");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = DataPath,
            ["Site:PublicBaseUrl"] = "https://khuyencong.test",
            // Host filtering (Production): the test client talks to "localhost".
            ["AllowedHosts"] = "localhost;khuyencong.test",
            // Every test class imports the starting content into a fresh data folder; the images are encoded once.
            ["Data:ImportMediaCache"] = MediaCache,
        }));
        if (OnPostgres)
        {
            // Its own database on the test server, made by the app's migrations and dropped on dispose.
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = TestDatabase.ConnectionString(DatabaseName),
            }));
        }

        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IInterceptor>(Queries);
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            if (Clock is not null)
            {
                s.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    /// <summary>The PostgreSQL database of this site (KC_TEST_PROVIDER=Postgres), named after its data folder.</summary>
    public virtual string DatabaseName => TestDatabase.NameFor(DataPath);

    /// <summary>The provider of this site: the run's (KC_TEST_PROVIDER) unless a test chooses.</summary>
    protected virtual bool OnPostgres => TestDatabase.OnPostgres;

    /// <summary>False for a second node on another site's database: the owner drops it.</summary>
    protected virtual bool OwnsDatabase => true;

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Replaces the app's clock (set before the first request).</summary>
    public ManualClock? Clock { get; init; }

    public const string TestPassword = "một cụm mật khẩu đủ dài 2026";

    /// <summary>Creates an account with the role through Identity and returns its e-mail.</summary>
    public Task<string> CreateUserAsync(string role, bool mustChangePassword = false) => WithDbAsync(async (_, sp) =>
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@khuyencong.test";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, MustChangePassword = mustChangePassword, LockoutEnabled = true };
        var result = await users.CreateAsync(user, TestPassword);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return email;
    });

    /// <summary>A browser (https, cookies kept, no auto-redirect) that signed in through the login form.</summary>
    public async Task<HttpClient> SignInAsync(string role, bool mustChangePassword = false)
    {
        var email = await CreateUserAsync(role, mustChangePassword);
        var client = NewBrowser();
        using var response = await client.PostFormAsync("/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = TestPassword });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An https browser with its own cookie jar (the auth cookie is __Host-, Secure).</summary>
    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    });

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

    /// <summary>Runs the content importer over a folder (as the import verb does) and returns what it printed.</summary>
    public Task<string> ImportAsync(string folder) => WithDbAsync(async (_, sp) =>
    {
        await using var output = new StringWriter();
        await sp.GetRequiredService<ContentImporter>().ImportAsync(folder, output);
        return output.ToString();
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (OnPostgres && OwnsDatabase)
        {
            await TestDatabase.DropAsync(DatabaseName);
        }

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

/// <summary>The test server has no client address; give requests one, as Kestrel would.</summary>
public sealed class TestClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public static readonly System.Net.IPAddress Address = System.Net.IPAddress.Parse("203.0.113.7");

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => context =>
        {
            context.Connection.RemoteIpAddress ??= Address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

public static class HttpExtensions
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it (like a browser).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetHtmlAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = page.AntiforgeryToken(formPage ?? url);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>
    /// The same for absolute addresses (a node run as its own process): GETs the form page for its token, then POSTs
    /// the fields to the target (the form page itself unless given: another node, say).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, Uri formPage, IEnumerable<KeyValuePair<string, string>> fields, Uri? target = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var form = await client.GetAsync(formPage);
        var page = await Parser.ParseDocumentAsync(await form.Content.ReadAsStringAsync());
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", page.AntiforgeryToken($"{formPage} ({(int)form.StatusCode})")));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(target ?? formPage, content);
    }

    /// <summary>The antiforgery token of the page's first form; fails the test when there is none.</summary>
    public static string AntiforgeryToken(this IHtmlDocument page, string where)
    {
        var token = page?.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {where}");
        return token!;
    }

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode || response.StatusCode != System.Net.HttpStatusCode.Redirect,
            $"GET {url}: redirected to {response.Headers.Location}");
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(body);
    }

    public static string MainText(this IHtmlDocument doc) =>
        doc?.QuerySelector("main")?.TextContent ?? "";
}
