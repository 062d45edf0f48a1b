using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace KhuyenCong.Web.BrowserTests.Security;

/// <summary>
/// Pages built from the XSS corpus (see <see cref="XssContent"/>), and payloads reflected through query strings and
/// paths, open in Chromium with no dialog, no script run (window.__xss stays 0), no CSP violation, no console error,
/// and nothing executable left in the page.
/// </summary>
[Collection(BrowserGateDefinition.Name)]
public sealed partial class XssTests(BrowserGate gate, ITestOutputHelper output)
{
    /// <summary>
    /// After load: sends hover, focus, toggle, load and error events to every element of the main content and
    /// focuses each focusable one (a surviving inline handler would run, or be blocked by the CSP and reported),
    /// then lists anything executable left in the page.
    /// </summary>
    private const string ProbeScript = """
        () => {
            const main = document.querySelector('main') || document.body;
            for (const e of main.querySelectorAll('*')) {
                for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error', 'animationstart']) {
                    e.dispatchEvent(new Event(type, { bubbles: true }));
                }
            }
            for (const e of main.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) e.focus();
            const bad = [];
            const scheme = /^(javascript|vbscript|data):/i;
            for (const e of document.querySelectorAll('*')) {
                for (const a of e.attributes) {
                    if (a.name.toLowerCase().startsWith('on')) bad.push(e.tagName + ' has ' + a.name + '="' + a.value + '"');
                    if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(a.name.toLowerCase())
                        && scheme.test(a.value.replace(/[\u0000-\u0020]/g, ''))) bad.push(e.tagName + ' ' + a.name + '="' + a.value + '"');
                    if (a.name.toLowerCase() === 'style' && main.contains(e)) bad.push(e.tagName + ' has style="' + a.value + '"');
                }
            }
            for (const e of main.querySelectorAll('script, iframe, object, embed, form[action^="javascript"], svg, math, style, base, meta, link')) {
                bad.push('element <' + e.tagName.toLowerCase() + '> inside main');
            }
            for (const e of document.querySelectorAll('script')) {
                if (e.type !== 'application/ld+json' && !(e.src && new URL(e.src).origin === location.origin)) bad.push('script ' + (e.src || e.textContent.slice(0, 60)));
            }
            return bad;
        }
        """;

    private static readonly string[] SearchWords = ["xss", "script", "alert", "onerror", "javascript", "tiêu đề"];

    [BrowserFact]
    public async Task Xss_corpus_pages_run_no_script_and_raise_no_csp_violation()
    {
        var http = await gate.HttpAsync();
        var urls = XssContent.ArticleSlugs.Select(slug => $"/tin-tuc/{slug}").ToList();
        Assert.Equal(XssContent.PayloadCount + XssContent.FieldPayloads.Count, urls.Count);
        Assert.True(XssContent.PayloadCount >= 90, $"the corpus shrank to {XssContent.PayloadCount} payloads");

        // The lists that show payload titles, summaries and tags: the tags' pages (one per payload tag, found on the
        // articles), the payload tag's pages, every news list page, search results with highlighted payload titles.
        foreach (var i in Enumerable.Range(1, XssContent.FieldPayloads.Count))
        {
            var article = await http.GetStringAsync(new Uri($"/tin-tuc/xss-title-{i}", UriKind.Relative));
            urls.AddRange(TagLink().Matches(article).Select(m => m.Groups[1].Value));
        }

        foreach (var list in new[] { $"/the/{XssContent.TagSlug}", "/tin-tuc" })
        {
            var pages = PageCount().Match(await http.GetStringAsync(new Uri(list, UriKind.Relative)));
            Assert.True(pages.Success, $"{list} shows no 'Trang 1 / N'");
            urls.AddRange(Enumerable.Range(1, int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture)).Select(n => $"{list}?trang={n}"));
        }

        urls.AddRange(SearchWords.Select(q => $"/tim-kiem?q={Uri.EscapeDataString(q)}"));

        // Reflected: payloads in query strings and in a path (a 404 page).
        var reflected = new[]
        {
            "/tim-kiem?q=" + Uri.EscapeDataString("<script>alert(1)</script>"),
            "/tim-kiem?q=" + Uri.EscapeDataString("\"><img src=x onerror=alert(1)>"),
            "/tim-kiem?q=" + Uri.EscapeDataString("</title><script>window.__xss=1</script>") + "&trang=" + Uri.EscapeDataString("<b>2"),
            "/van-ban?tu-khoa=" + Uri.EscapeDataString("<svg onload=alert(1)>") + "&loai=" + Uri.EscapeDataString("\"><script>alert(1)</script>")
                + "&nam=" + Uri.EscapeDataString("2021\" onfocus=\"alert(1)") + "&co-quan=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"),
            "/" + Uri.EscapeDataString("<script>alert(1)</script>"),
            "/tin-tuc/" + Uri.EscapeDataString("\"><svg onload=alert(1)>"),
        };

        await using var context = await gate.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page) { AllowExternalImagesBlockedByCsp = true };
        var findings = new List<string>();
        foreach (var url in reflected)
        {
            // A reflected payload may well be refused (400) or not found (404): a correct answer, for those URLs only.
            watch.ExpectErrorPage(url);
        }

        foreach (var url in urls.Concat(reflected).Distinct(StringComparer.Ordinal))
        {
            var response = await page.GotoAsync(url);
            var status = response?.Status ?? 0;
            if (reflected.Contains(url) ? status is not (200 or 400 or 404) : status != 200)
            {
                findings.Add($"{url} answered {status}");
            }

            findings.AddRange((await page.EvaluateAsync<JsonElement>(ProbeScript)).EnumerateArray().Select(b => $"{url}: {b.GetString()}"));
            // securitypolicyviolation events are dispatched as tasks after the violation: let them arrive.
            await page.WaitForTimeoutAsync(20);
            await watch.CollectAsync();
        }

        foreach (var allowed in watch.Allowed)
        {
            output.WriteLine($"allowed (an external image the CSP blocks; no script): {allowed}");
        }

        var problems = findings.Concat(watch.Problems).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on {urls.Count + reflected.Length} XSS pages:\n{string.Join('\n', problems)}");
    }

    [GeneratedRegex("""href="(/the/[a-z0-9-]+)">""")]
    private static partial Regex TagLink();

    [GeneratedRegex("""Trang 1 / (\d+)""")]
    private static partial Regex PageCount();
}
