using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>
/// A visitor filters the product showroom by group and place (with and without JavaScript), opens a product
/// and its producer. The filter values are read from the page (the first with products), not hard-coded.
/// </summary>
[Collection(BrowserGateDefinition.Name)]
public sealed partial class ProductsJourneyTests(BrowserGate gate)
{
    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_filters_products_by_group_and_place_and_opens_a_product_and_its_producer(bool javaScript)
    {
        await using var context = await gate.NewContextAsync(javaScript: javaScript);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, javaScript);
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync("/");
        await Journey.MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Sản phẩm", Exact = true }).ClickAsync();
        await Expect(h1).ToHaveTextAsync("Sản phẩm công nghiệp nông thôn tiêu biểu");

        var group = await FirstWithProductsAsync(page, "nhom", _ => true);
        await ChooseAsync(page, javaScript, "Nhóm sản phẩm", group, GroupUrl());
        var place = await FirstWithProductsAsync(page, "noi", v => v.StartsWith("huyen-", StringComparison.Ordinal) || v.StartsWith("thanh-pho-", StringComparison.Ordinal));
        await ChooseAsync(page, javaScript, "Địa bàn (kể cả huyện cũ)", place, PlaceUrl());

        await Expect(page).ToHaveURLAsync(new Regex("nhom=" + Regex.Escape(group)));
        await Expect(page.GetByLabel("Nhóm sản phẩm")).ToHaveValueAsync(group);
        await Expect(page.GetByLabel("Địa bàn (kể cả huyện cũ)")).ToHaveValueAsync(place);
        var cards = page.Locator("li.product-card");
        Assert.True(await cards.CountAsync() >= 1);
        var total = await page.Locator("[data-total]").GetAttributeAsync("data-total");
        Assert.NotEqual("0", total);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bỏ lọc" })).ToBeVisibleAsync();

        var link = cards.First.Locator(".card-title a");
        var title = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Expect(h1).ToHaveTextAsync(title);
        await Expect(page.Locator("[data-place-history]")).ToContainTextAsync("nay thuộc");
        await Expect(page.Locator("table.certifications tbody tr").First).ToBeVisibleAsync();

        var producer = page.Locator(".producer-card h2 a");
        var producerName = (await producer.InnerTextAsync()).Trim();
        await producer.ClickAsync();
        await Expect(page).ToHaveURLAsync(ProducerUrl());
        await Expect(h1).ToHaveTextAsync(producerName);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();

        await watch.AssertCleanAsync();
    }

    /// <summary>The first option of a facet whose count is above zero.</summary>
    private static async Task<string> FirstWithProductsAsync(IPage page, string select, Func<string, bool> wanted)
    {
        foreach (var option in await page.Locator($"select#{select} option[data-count]").AllAsync())
        {
            var value = await option.GetAttributeAsync("value") ?? "";
            if (wanted(value) && int.Parse(await option.GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return value;
            }
        }

        throw new InvalidOperationException($"no {select} value with products");
    }

    private static async Task ChooseAsync(IPage page, bool javaScript, string label, string value, Regex url)
    {
        await page.GetByLabel(label).SelectOptionAsync(value);
        if (!javaScript)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        }

        // With JavaScript the choice applies at once (the form submits itself).
        await Expect(page).ToHaveURLAsync(url);
    }

    [GeneratedRegex(@"/san-pham\?.*nhom=")]
    private static partial Regex GroupUrl();

    [GeneratedRegex(@"/san-pham\?.*noi=")]
    private static partial Regex PlaceUrl();

    [GeneratedRegex(@"/co-so/[a-z0-9-]+$")]
    private static partial Regex ProducerUrl();
}
