using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>A reader's way through the news, with JavaScript on and off (the site is progressive enhancement).</summary>
[Collection(BrowserGateDefinition.Name)]
public sealed partial class NewsJourneyTests(BrowserGate gate)
{
    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_pages_through_the_news_reads_an_article_follows_its_topic_prints_and_comes_back(bool javaScript)
    {
        await using var context = await gate.NewContextAsync(javaScript: javaScript);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, javaScript);
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        // Home: the latest news and the main menu.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tin mới", Exact = true })).ToBeVisibleAsync();
        await Journey.MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Tin tức", Exact = true }).ClickAsync();

        // News list, then its second page.
        await Expect(page).ToHaveURLAsync(NewsListUrl());
        await Expect(h1).ToHaveTextAsync("Tin tức");
        await Expect(Journey.MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Tin tức", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Phân trang" });
        await pager.GetByRole(AriaRole.Link, new() { Name = "Trang 2", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(NewsPageTwoUrl());
        await Expect(pager).ToContainTextAsync("Trang 2 /");
        await Expect(page.Locator("main .card")).ToHaveCountAsync(10);

        // An article that has a topic.
        var link = page.Locator("main li.card:has(.card-meta a) .card-title a").First;
        var title = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Expect(h1).ToHaveTextAsync(title);
        var articleUrl = page.Url;
        await Expect(page.GetByText("Cập nhật:")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" })).ToContainTextAsync(title);
        var printButton = page.GetByRole(AriaRole.Button, new() { Name = "In bài viết" });
        if (javaScript)
        {
            await Expect(printButton).ToBeVisibleAsync();
        }
        else
        {
            // Without JavaScript the button would do nothing, so it stays hidden; the browser's own print remains.
            await Expect(printButton).ToBeHiddenAsync();
        }

        // Printed: the article without the site's header, menu, footer, breadcrumb and share links.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var chrome in new[] { "header.site-header", "nav.main-nav", "footer.site-footer", "nav.breadcrumb", ".share" })
        {
            await Expect(page.Locator(chrome)).ToBeHiddenAsync();
        }

        await Expect(h1).ToBeVisibleAsync();
        await Expect(page.Locator("article .prose")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(page.Locator("header.site-header")).ToBeVisibleAsync();

        // Its topic, then back to the article.
        var topic = page.Locator(".article-taxonomy a[href^='/chuyen-muc/']");
        var topicName = (await topic.InnerTextAsync()).Trim();
        await topic.ClickAsync();
        await Expect(h1).ToHaveTextAsync($"Chuyên mục: {topicName}");
        await Expect(page.Locator("main .card").First).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(articleUrl);
        await Expect(h1).ToHaveTextAsync(title);

        await watch.AssertCleanAsync();
    }

    [GeneratedRegex(@"/tin-tuc$")]
    private static partial Regex NewsListUrl();

    [GeneratedRegex(@"/tin-tuc\?trang=2$")]
    private static partial Regex NewsPageTwoUrl();
}
