using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace KhuyenCong.Web.BrowserTests.Security;

/// <summary>
/// A breadth-first crawl of the running site from the home page (same-origin links of every kind: pages, feeds,
/// stylesheets, scripts, icons, downloads; up to <see cref="Limit"/> URLs): every response carries the security
/// headers and answers below 400. Needs nothing but the app, so it runs under plain <c>dotnet test</c> too.
/// </summary>
[Collection(BrowserGateDefinition.Name)]
public sealed partial class HeadersCrawlTests(BrowserGate gate, ITestOutputHelper output)
{
    private const int Limit = 150;

    [BrowserFact(Needs.Nothing)]
    public async Task Every_crawled_response_has_the_security_headers_and_no_link_is_broken()
    {
        var http = await gate.HttpAsync();
        var queue = new Queue<(string Url, string From)>([("/", "(start)")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var problems = new List<string>();
        var crawled = new List<string>();
        while (queue.Count > 0 && crawled.Count < Limit)
        {
            var (url, from) = queue.Dequeue();
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            crawled.Add(url);
            problems.AddRange(HeaderProblems(response).Select(p => $"{url}: {p}"));
            var status = (int)response.StatusCode;
            if (status >= 400)
            {
                problems.Add($"{url} answered {status} (linked from {from})");
            }

            var links = new List<string>();
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                links.Add(location.ToString());
            }
            else if (response.Content.Headers.ContentType?.MediaType == "text/html" && !XssContent.IsXssArticle(url))
            {
                // The XSS corpus articles hold deliberately odd links (e.g. "/ok" in a payload's title test); they
                // are checked by XssTests, and their links are not followed here.
                links.AddRange(Links().Matches(await response.Content.ReadAsStringAsync()).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            }

            foreach (var link in links)
            {
                if (SameOrigin(http.BaseAddress!, link) is { } path && seen.Add(path))
                {
                    queue.Enqueue((path, url));
                }
            }
        }

        output.WriteLine($"crawled {crawled.Count} URLs ({queue.Count} more queued, not fetched):");
        foreach (var group in crawled.GroupBy(Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {crawled.Count} crawled responses:\n{string.Join('\n', problems)}");
        Assert.True(crawled.Count >= 100, $"the crawl reached only {crawled.Count} URLs");
        foreach (var kind in new[] { "page", "stylesheet", "script", "feed", "icon" })
        {
            Assert.Contains(crawled, u => Kind(u) == kind);
        }
    }

    /// <summary>What the checklist requires of every response.</summary>
    private static IEnumerable<string> HeaderProblems(HttpResponseMessage response)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : null;

        var csp = Header("Content-Security-Policy");
        if (csp is null)
        {
            yield return "no Content-Security-Policy";
        }
        else
        {
            if (csp.Contains("unsafe-inline", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal))
            {
                yield return $"the CSP allows unsafe script or style: {csp}";
            }

            if (!csp.Contains("default-src 'self'", StringComparison.Ordinal) || !csp.Contains("object-src 'none'", StringComparison.Ordinal)
                || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
            {
                yield return $"the CSP lacks default-src 'self', object-src 'none' or frame-ancestors 'none': {csp}";
            }
        }

        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return $"X-Content-Type-Options is '{Header("X-Content-Type-Options")}', not 'nosniff'";
        }

        if (Header("Referrer-Policy") != "strict-origin-when-cross-origin")
        {
            yield return $"Referrer-Policy is '{Header("Referrer-Policy")}', not 'strict-origin-when-cross-origin'";
        }

        if (string.IsNullOrEmpty(Header("Permissions-Policy")))
        {
            yield return "no Permissions-Policy";
        }

        if (Header("Server") is { } server)
        {
            yield return $"a Server header ('{server}')";
        }
    }

    /// <summary>The path and query of a same-origin link (no fragment), or null for another origin or scheme.</summary>
    private static string? SameOrigin(Uri site, string link)
    {
        if (!Uri.TryCreate(site, link, out var target) || target.Scheme != site.Scheme || target.Authority != site.Authority)
        {
            return null;
        }

        return target.PathAndQuery;
    }

    private static string Kind(string url)
    {
        var path = url.Split('?')[0];
        return Path.GetExtension(path) switch
        {
            ".css" => "stylesheet",
            ".js" => "script",
            ".svg" or ".ico" or ".png" => "icon",
            ".xml" when path.Contains("sitemap", StringComparison.Ordinal) => "sitemap",
            ".xml" => "feed",
            ".txt" => "text",
            _ when path.EndsWith("/tai-ve", StringComparison.Ordinal) => "download",
            _ => "page",
        };
    }

    /// <summary>Links in the HTML as Razor writes it (double-quoted attributes).</summary>
    [GeneratedRegex("\\s(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Links();
}
