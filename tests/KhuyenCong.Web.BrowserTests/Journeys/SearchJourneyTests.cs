using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

[Collection(BrowserGateDefinition.Name)]
public sealed partial class SearchJourneyTests(BrowserGate gate)
{
    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_searches_without_diacritics_and_opens_a_result(bool javaScript)
    {
        await using var context = await gate.NewContextAsync(javaScript: javaScript);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, javaScript);

        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm trên trang", Exact = true });
        await box.FillAsync("dao tao");
        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(SearchUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tìm kiếm");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("kết quả cho “dao tao”");
        // The words found are highlighted as written, with their diacritics.
        var marked = string.Join(' ', await page.Locator(".search-results mark").AllInnerTextsAsync()).ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains("đào", marked, StringComparison.Ordinal);

        var first = page.Locator(".search-results .card-title a").First;
        var title = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator("main")).ToContainTextAsync(DaoTao());

        await watch.AssertCleanAsync();
    }

    [GeneratedRegex(@"/tim-kiem\?q=dao\+tao$")]
    private static partial Regex SearchUrl();

    [GeneratedRegex("đào tạo", RegexOptions.IgnoreCase)]
    private static partial Regex DaoTao();
}
