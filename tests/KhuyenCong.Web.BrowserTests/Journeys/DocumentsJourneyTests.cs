using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

[Collection(BrowserGateDefinition.Name)]
public sealed partial class DocumentsJourneyTests(BrowserGate gate)
{
    /// <summary>The file in content/files/ and the name the site gives it (the document's slug, made on import).</summary>
    private const string SourceFile = "decision-1625-QD-UBND-2021.txt";
    private const string DownloadName = "quyet-dinh-1625-qd-ubnd.pdf";

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_filters_policy_documents_and_downloads_the_decision(bool javaScript)
    {
        await using var context = await gate.NewContextAsync(javaScript: javaScript);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, javaScript);
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync("/");
        await Journey.MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Văn bản", Exact = true }).ClickAsync();
        await Expect(h1).ToHaveTextAsync("Văn bản chính sách");

        await page.GetByLabel("Loại văn bản").SelectOptionAsync("Quyết định");
        await page.GetByLabel("Năm ban hành").SelectOptionAsync("2021");
        await page.GetByLabel("Cơ quan ban hành").SelectOptionAsync("UBND tỉnh Bến Tre");
        await page.GetByLabel("Từ khóa").FillAsync("khuyen cong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(FilteredUrl());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tìm thấy");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bỏ lọc" })).ToBeVisibleAsync();
        // The choices are kept in the form, and every row matches them.
        await Expect(page.GetByLabel("Loại văn bản")).ToHaveValueAsync("Quyết định");
        await Expect(page.GetByLabel("Từ khóa")).ToHaveValueAsync("khuyen cong");
        var rows = page.Locator("table.data-table tbody tr");
        Assert.True(await rows.CountAsync() >= 1);
        foreach (var row in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("Quyết định", row, StringComparison.Ordinal);
            Assert.Contains("UBND tỉnh Bến Tre", row, StringComparison.Ordinal);
        }

        await rows.Filter(new() { HasText = "1625/QĐ-UBND" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(DecisionUrl());
        await Expect(h1).ToContainTextAsync("Quyết định 1625/QĐ-UBND");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải văn bản" }).ClickAsync());
        Assert.Equal(DownloadName, download.SuggestedFilename);
        var saved = await download.PathAsync();
        // The decision downloads as a PDF generated at import from the text the repository holds.
        var pdf = await File.ReadAllBytesAsync(saved);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.True(pdf.Length > new FileInfo(Path.Combine(Prerequisites.RepositoryRoot, "content", "files", SourceFile)).Length / 4, "the PDF is too small to hold the decision's text");

        await watch.AssertCleanAsync();
    }

    [GeneratedRegex(@"/van-ban\?.*loai=Quy")]
    private static partial Regex FilteredUrl();

    [GeneratedRegex(@"/van-ban/quyet-dinh-1625-qd-ubnd$")]
    private static partial Regex DecisionUrl();
}
