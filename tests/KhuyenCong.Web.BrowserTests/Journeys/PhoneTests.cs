using System.Text.Json;
using KhuyenCong.Web.BrowserTests.Infrastructure;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>At 360×740: nothing wider than the screen, and the main menu usable with a keyboard.</summary>
[Collection(BrowserGateDefinition.Name)]
public sealed class PhoneTests(BrowserGate gate)
{
    /// <summary>Whether the page scrolls sideways, and which elements stick out past the right edge.</summary>
    internal const string OverflowScript = """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            // Content inside a scrolling or clipping box (a labelled table region) does not make the page scroll: skip it,
            // so the list names what does.
            const clipped = e => {
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
                }
                return false;
            };
            const wide = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5 && getComputedStyle(e).position !== 'absolute' && !clipped(e))
                .slice(0, 10)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
            return { scrollWidth: root.scrollWidth, clientWidth: width, wide };
        }
        """;

    [BrowserTheory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task Nothing_overflows_horizontally_on_a_phone(string pageType)
    {
        var url = await gate.UrlOfAsync(pageType);
        await using var context = await gate.NewContextAsync(BrowserGate.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        var result = await page.EvaluateAsync<JsonElement>(OverflowScript);
        var scrollWidth = result.GetProperty("scrollWidth").GetInt32();
        var clientWidth = result.GetProperty("clientWidth").GetInt32();
        Assert.True(scrollWidth <= clientWidth,
            $"{url} scrolls sideways at 360 px: scrollWidth {scrollWidth} > clientWidth {clientWidth}; past the edge: {string.Join(", ", result.GetProperty("wide").EnumerateArray())}");
    }

    [BrowserTheory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Each_main_menu_link_is_reached_by_tab_shows_focus_and_follows_on_enter(string size)
    {
        await using var context = await gate.NewContextAsync(PageTypes.Size(size));
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        foreach (var (name, path) in Journey.MenuLinks)
        {
            await page.GotoAsync("/english");
            var focused = await Journey.TabUntilAsync(page, f => f.InMenu && f.Text == name, $"the menu link '{name}'");
            Journey.AssertFocusIsVisible(focused);
            await page.Keyboard.PressAsync("Enter");
            await Journey.ExpectPathAsync(page, path);
        }

        await watch.AssertCleanAsync();
    }
}
