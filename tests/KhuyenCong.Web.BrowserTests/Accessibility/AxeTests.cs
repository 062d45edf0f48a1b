using System.Text;
using System.Text.Json;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace KhuyenCong.Web.BrowserTests.Accessibility;

/// <summary>axe-core on every page type at desktop and phone sizes: zero WCAG 2.0–2.2 A/AA violations.</summary>
[Collection(BrowserGateDefinition.Name)]
public sealed class AxeTests(BrowserGate gate, ITestOutputHelper output)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    [BrowserTheory(Needs.Chromium | Needs.Axe)]
    [MemberData(nameof(PageTypes.AllAtBothSizes), MemberType = typeof(PageTypes))]
    public async Task Page_has_no_accessibility_violations(string pageType, string size)
    {
        Prerequisites.Require(Needs.Chromium | Needs.Axe);
        var url = await gate.UrlOfAsync(pageType);
        await using var context = await gate.NewContextAsync(PageTypes.Size(size));
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        if (pageType == "not-found")
        {
            watch.ExpectErrorPage(url);
        }

        await page.GotoAsync(url);
        var result = await RunAxeAsync(page);

        var incomplete = result.GetProperty("incomplete").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        if (incomplete.Count > 0)
        {
            output.WriteLine($"{url} at {size}: axe could not decide (needs review, not failed): {string.Join(", ", incomplete)}");
        }

        var violations = result.GetProperty("violations");
        Assert.True(violations.GetArrayLength() == 0, Describe(url, size, violations));
        await watch.AssertCleanAsync();
    }

    /// <summary>
    /// Injects axe-core and runs it. The site's CSP (script-src 'self' through default-src) blocks
    /// AddScriptTagAsync, which inserts the file's text as an inline script (and the blocked attempt would itself be a
    /// CSP violation). Page.EvaluateAsync sends the source through the DevTools protocol (Runtime.evaluate), which
    /// the page's CSP does not govern, so the page is checked exactly as served, without BypassCSP.
    /// </summary>
    public static async Task<JsonElement> RunAxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(await File.ReadAllTextAsync(Prerequisites.AxeScript));
        }

        return await page.EvaluateAsync<JsonElement>("""
            async (tags) => {
                const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
                const shape = v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(', '), summary: n.failureSummary || '' })),
                });
                return { violations: r.violations.map(shape), incomplete: r.incomplete.map(shape) };
            }
            """, Tags);
    }

    /// <summary>Each violation: id, impact, help, and every target selector with axe's summary of what to fix.</summary>
    public static string Describe(string url, string size, JsonElement violations)
    {
        var text = new StringBuilder($"{violations.GetArrayLength()} axe violation(s) on {url} at {size}:\n");
        foreach (var v in violations.EnumerateArray())
        {
            text.Append("- ").Append(v.GetProperty("id").GetString()).Append(" [").Append(v.GetProperty("impact").ToString()).Append("] ")
                .Append(v.GetProperty("help").GetString()).Append(" (").Append(v.GetProperty("helpUrl").GetString()).Append(")\n");
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
            {
                text.Append("    ").Append(node.GetProperty("target").GetString()).Append(": ")
                    .Append(node.GetProperty("summary").GetString()!.ReplaceLineEndings(" ")).Append('\n');
            }
        }

        return text.ToString();
    }
}
