using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using KhuyenCong.Web.BrowserTests.Journeys;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Accessibility;

/// <summary>Keyboard only: the skip link and the site search (the main menu is in <see cref="PhoneTests"/>).</summary>
[Collection(BrowserGateDefinition.Name)]
public sealed partial class KeyboardTests(BrowserGate gate)
{
    [BrowserTheory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task First_tab_shows_the_skip_link_and_enter_moves_focus_to_the_main_content(string size)
    {
        await using var context = await gate.NewContextAsync(PageTypes.Size(size));
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync(await gate.UrlOfAsync("article"));

        await page.Keyboard.PressAsync("Tab");
        var skip = await page.EvaluateAsync<Focused>(Journey.FocusedScript);
        Assert.Equal("Bỏ qua, đến nội dung chính", skip.Text);
        Assert.Equal("#noi-dung", skip.Href);
        Journey.AssertFocusIsVisible(skip);
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        var main = await page.EvaluateAsync<Focused>(Journey.FocusedScript);
        Assert.Equal(("MAIN", "noi-dung"), (main.Tag, main.Id));
        // The next Tab goes on inside the main content, not back to the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('main')"), "Tab after the skip link left the main content");
        await Expect(page.Locator(".skip-link")).Not.ToBeInViewportAsync();

        await watch.AssertCleanAsync();
    }

    [BrowserFact]
    public async Task Site_search_works_by_keyboard_from_the_box_to_a_result()
    {
        await using var context = await gate.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync("/");

        var box = await Journey.TabUntilAsync(page, f => f.Id == "site-search-q", "the search box");
        Journey.AssertFocusIsVisible(box);
        await page.Keyboard.TypeAsync("dong khoi");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(SearchUrl());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("kết quả cho “dong khoi”");

        var result = await Journey.TabUntilAsync(page, f => f.InResults, "the first search result");
        Journey.AssertFocusIsVisible(result);
        await page.Keyboard.PressAsync("Enter");
        await Journey.ExpectPathAsync(page, result.Href);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await watch.AssertCleanAsync();
    }

    [GeneratedRegex(@"/tim-kiem\?q=dong\+khoi$")]
    private static partial Regex SearchUrl();
}
