using System.Text.Json;

namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>
/// Watches a page for what a visitor must never get: a dialog, an uncaught script error, a console error, a CSP
/// violation, a failed request or a 4xx/5xx response, and (for the XSS pages) window.__xss set by a payload.
/// Nothing is ignored silently: the allowances are a 4xx page the test itself asked for (<see cref="ExpectErrorPage"/>)
/// and, where a test turns it on, an external image blocked by the CSP (<see cref="AllowExternalImagesBlockedByCsp"/>),
/// which is listed in <see cref="Allowed"/> for the test to print.
/// </summary>
public sealed class PageWatch
{
    /// <summary>
    /// Runs before any page script (Playwright injects it through the DevTools protocol, so the page's CSP does not
    /// apply to it): records securitypolicyviolation events and starts window.__xss at 0.
    /// </summary>
    public const string InitScript = """
        window.__xss = 0;
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', function (e) {
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') +
                ' at ' + e.sourceFile + ':' + e.lineNumber + (e.sample ? ' sample: ' + e.sample : ''));
        }, true);
        """;

    private readonly IPage page;
    private readonly bool javaScript;
    private readonly List<string> problems = [];
    private readonly List<string> allowed = [];
    private readonly HashSet<string> expectedErrors = new(StringComparer.Ordinal);

    public PageWatch(IPage page, bool javaScript = true)
    {
        this.page = page;
        this.javaScript = javaScript;
        page.Dialog += (_, dialog) =>
        {
            Add($"a {dialog.Type} dialog opened on {page.Url}: '{dialog.Message}'");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => Add($"uncaught script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpectedError(message))
            {
                Add($"console error on {page.Url}: {message.Text} ({message.Location})",
                    AllowExternalImagesBlockedByCsp && message.Text.StartsWith("Loading the image 'http", StringComparison.Ordinal)
                        && message.Text.Contains("violates the following Content Security Policy directive", StringComparison.Ordinal));
            }
        };
        page.RequestFailed += (_, request) => Add($"request failed on {page.Url}: {request.Method} {request.Url}: {request.Failure}",
            AllowExternalImagesBlockedByCsp && request.ResourceType == "image" && request.Failure == "csp" && IsOtherOrigin(request.Url));
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Status < 500 && expectedErrors.Contains(Normalize(response.Url))))
            {
                Add($"{response.Status} for {response.Request.Method} {response.Url} (on {page.Url})");
            }
        };
    }

    /// <summary>
    /// Markdown may hold an image from another site (http or https: the sanitiser keeps it), but the CSP
    /// (default-src 'self', no img-src) blocks it, so the reader sees no image. That is a content/CSP mismatch to
    /// settle in the product, not script execution; the XSS test turns this on and prints each case.
    /// </summary>
    public bool AllowExternalImagesBlockedByCsp { get; set; }

    /// <summary>What was seen and allowed (see <see cref="AllowExternalImagesBlockedByCsp"/>).</summary>
    public IReadOnlyList<string> Allowed
    {
        get
        {
            lock (problems)
            {
                return [.. allowed];
            }
        }
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    /// <summary>
    /// A 4xx page (the 404 page, a bad query) requested on purpose: its 4xx response and the console line Chromium
    /// logs for every 4xx document ("Failed to load resource: the server responded with a status of 4xx") are
    /// expected, for that URL only.
    /// </summary>
    public void ExpectErrorPage(string url) => expectedErrors.Add(Normalize(url));

    /// <summary>Reads the page's CSP violations and window.__xss into the problems (pages with JavaScript only).</summary>
    public async Task CollectAsync()
    {
        if (!javaScript)
        {
            return;
        }

        var state = await page.EvaluateAsync<JsonElement>("() => ({ xss: window.__xss, csp: window.__cspViolations || [] })");
        if (state.GetProperty("xss").ValueKind != JsonValueKind.Number || state.GetProperty("xss").GetInt32() != 0)
        {
            Add($"a payload ran on {page.Url}: window.__xss is {state.GetProperty("xss")}");
        }

        foreach (var violation in state.GetProperty("csp").EnumerateArray().Select(v => v.GetString()!))
        {
            Add($"CSP violation on {page.Url}: {violation}",
                AllowExternalImagesBlockedByCsp && violation.StartsWith("img-src blocked http", StringComparison.Ordinal)
                    && IsOtherOrigin(violation["img-src blocked ".Length..].Split(' ')[0]));
        }

        await page.EvaluateAsync("() => { window.__cspViolations = []; }");
    }

    /// <summary>Collects and fails with every problem seen so far, one per line.</summary>
    public async Task AssertCleanAsync()
    {
        await CollectAsync();
        var seen = Problems;
        Assert.True(seen.Count == 0, $"{seen.Count} problem(s) in the browser:\n" + string.Join('\n', seen));
    }

    private bool IsExpectedError(IConsoleMessage message)
    {
        // Location is "URL:line:column".
        var location = message.Location;
        for (var i = 0; i < 2 && location.LastIndexOf(':') is var colon and > 0; i++)
        {
            location = location[..colon];
        }

        return message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
            && expectedErrors.Contains(Normalize(location));
    }

    /// <summary>Path and query, escaped the same way whether they come from a test or from Chromium.</summary>
    private static string Normalize(string url) => new Uri(new Uri("http://127.0.0.1/"), url).PathAndQuery;

    private bool IsOtherOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var target) && Uri.TryCreate(page.Url, UriKind.Absolute, out var here)
        && target.Scheme is "http" or "https" && target.Authority != here.Authority;

    private void Add(string problem, bool isAllowed = false)
    {
        lock (problems)
        {
            (isAllowed ? allowed : problems).Add(problem);
        }
    }
}
