using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Security;

namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>
/// One app and one Chromium for the whole run (an xunit collection fixture), each started on first use so that a
/// run whose tests are all skipped starts nothing. Every test opens its own browser context (cookies, storage and
/// viewport are not shared), so tests do not depend on each other's state or order.
/// </summary>
public sealed partial class BrowserGate : IAsyncLifetime, IDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    /// <summary>Debian's Chromium, headless, with nothing that phones home (the network here is closed).</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // The TV segment test plays a muted video from script.
        "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly SemaphoreSlim startLock = new(1, 1);
    private readonly string workFolder = Path.Combine(Path.GetTempPath(), "kc-browser", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> discovered = [];
    private Task<RunningSite>? siteStart;
    private RunningSite? site;
    private HttpClient? http;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string WorkFolder => workFolder;

    /// <summary>The app, started on first use; a failed start fails every later caller with the same error.</summary>
    public Task<RunningSite> SiteAsync()
    {
        lock (discovered)
        {
            return siteStart ??= StartSiteAsync();
        }
    }

    private async Task<RunningSite> StartSiteAsync()
    {
        var content = Path.Combine(workFolder, "content");
        XssContent.Write(Path.Combine(Prerequisites.RepositoryRoot, "content"), content);
        ShowcaseFixtures.AddWhenMissing(content);
        ShowcaseContent.Write(content);
        site = await RunningSite.StartAsync(content, Path.Combine(workFolder, "data"));
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        return site;
    }

    /// <summary>A plain HTTP client for the running app (no redirects followed).</summary>
    public async Task<HttpClient> HttpAsync()
    {
        await SiteAsync();
        return http!;
    }

    public async Task<IBrowser> BrowserAsync()
    {
        Prerequisites.Require(Needs.Chromium);
        await SiteAsync();
        await startLock.WaitAsync();
        try
        {
            if (playwright is null)
            {
                playwright = await Playwright.CreateAsync();
                // The first view of each page type JIT-compiles its code in the app; on a busy 2-core machine that
                // can take seconds, so wait longer than Playwright's default 5 s before calling an assertion failed.
                Assertions.SetDefaultExpectTimeout(15_000);
            }

            browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Prerequisites.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            return browser;
        }
        finally
        {
            startLock.Release();
        }
    }

    /// <summary>A fresh context on the app with the watch's init script (CSP violations, window.__xss).</summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null, bool javaScript = true)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site!.BaseUrl.ToString(),
            ViewportSize = viewport ?? Desktop,
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(PageWatch.InitScript);
        return context;
    }

    /// <summary>The URL of a page type (see <see cref="PageTypes"/>); article, topic and tag are found on the site.</summary>
    public async Task<string> UrlOfAsync(string pageType)
    {
        if (PageTypes.FixedUrls.TryGetValue(pageType, out var fixedUrl))
        {
            return fixedUrl;
        }

        var client = await HttpAsync();
        lock (discovered)
        {
            if (discovered.TryGetValue(pageType, out var known))
            {
                return known;
            }
        }

        if (pageType is "subscribe-confirm" or "subscribe-confirmed")
        {
            var url = await SubscriptionFixture.ConfirmUrlAsync(client, confirm: pageType == "subscribe-confirmed");
            lock (discovered)
            {
                discovered[pageType] = url;
                return url;
            }
        }

        if (pageType is "product" or "producer")
        {
            var (product, producer) = await ShowcaseFixtures.DiscoverAsync(client);
            lock (discovered)
            {
                discovered["product"] = product;
                discovered["producer"] = producer;
                return discovered[pageType];
            }
        }

        if (PageTypes.FromLists.TryGetValue(pageType, out var source))
        {
            var listHtml = await client.GetStringAsync(new Uri(source.List, UriKind.Relative));
            var item = Regex.Match(listHtml, "href=\"(" + Regex.Escape(source.Prefix) + "[a-z0-9-]+)\"").Groups[1].Value;
            if (item.Length == 0)
            {
                throw new InvalidOperationException($"No item link on {source.List}");
            }

            lock (discovered)
            {
                discovered[pageType] = item;
            }

            return item;
        }

        // The newest article on the news list, and the topic and first tag linked from its footer.
        var list = await client.GetStringAsync(new Uri("/tin-tuc", UriKind.Relative));
        var article = ArticleLink().Match(list).Groups[1].Value;
        var page = await client.GetStringAsync(new Uri(article, UriKind.Relative));
        var found = new Dictionary<string, string>
        {
            ["article"] = article,
            ["topic"] = TopicLink().Match(page).Groups[1].Value,
            ["tag"] = TagLink().Match(page).Groups[1].Value,
        };
        if (found.Values.Any(string.IsNullOrEmpty))
        {
            throw new InvalidOperationException($"Could not find an article with a topic and a tag on /tin-tuc: {string.Join(", ", found)}");
        }

        lock (discovered)
        {
            foreach (var (key, value) in found)
            {
                discovered[key] = value;
            }

            return discovered[pageType];
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (site is not null)
        {
            await site.DisposeAsync();
        }

        try
        {
            Directory.Delete(workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    /// <summary>xunit calls this after <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        http?.Dispose();
        startLock.Dispose();
    }

    [GeneratedRegex("""class="card-title"><a href="(/tin-tuc/[a-z0-9-]+)">""")]
    private static partial Regex ArticleLink();

    [GeneratedRegex("""href="(/chuyen-muc/[a-z0-9-]+)">""")]
    private static partial Regex TopicLink();

    [GeneratedRegex("""href="(/the/[a-z0-9-]+)">""")]
    private static partial Regex TagLink();
}

/// <summary>Every browser test class is in this collection: one app and one browser for the run, tests in sequence.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGateDefinition : ICollectionFixture<BrowserGate>
{
    public const string Name = "browser gate";
}
