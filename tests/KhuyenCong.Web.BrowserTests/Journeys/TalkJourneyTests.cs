using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Accessibility;
using KhuyenCong.Web.BrowserTests.Infrastructure;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>
/// Talking with the site, with JavaScript on and off: ask a question (first sent empty: the error state), read the
/// confirmation, look it up by reference and e-mail; vote “Không” with a comment on a document page and come back to
/// its thanks; a second vote is refused with a message. Axe runs on every page of the JavaScript-on run.
/// </summary>
[Collection(BrowserGateDefinition.Name)]
public sealed partial class TalkJourneyTests(BrowserGate gate)
{
    private static async Task AxeCleanAsync(IPage page, bool js, string what, string size)
    {
        if (!js)
        {
            return;
        }

        var violations = (await AxeTests.RunAxeAsync(page)).GetProperty("violations");
        Assert.True(violations.GetArrayLength() == 0, AxeTests.Describe(page.Url + " (" + what + ")", size, violations));
    }

    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    [BrowserTheory(Needs.Chromium | Needs.Axe)]
    [InlineData(true, "phone")]
    [InlineData(false, "phone")]
    [InlineData(true, "desktop")]
    public async Task Ask_a_question_and_look_it_up(bool javaScript, string size)
    {
        Prerequisites.Require(Needs.Chromium | Needs.Axe);
        await using var context = await gate.NewContextAsync(PageTypes.Size(size), javaScript);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, javaScript);
        await page.GotoAsync("/hoi-dap");
        await AxeCleanAsync(page, javaScript, "Hỏi đáp", size);
        await page.GetByRole(AriaRole.Link, new() { Name = "Đặt câu hỏi", Exact = true }).First.ClickAsync();
        await Journey.ExpectPathAsync(page, "/hoi-dap/dat-cau-hoi");
        await AxeCleanAsync(page, javaScript, "ask", size);

        watch.ExpectErrorPage("/hoi-dap/dat-cau-hoi");
        await SubmitAsync(page, "Gửi câu hỏi");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.StartsWith("Lỗi: ", await page.TitleAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(page, javaScript, "ask with errors", size);
        var links = page.Locator(".error-summary a");
        for (var n = await links.CountAsync(); n > 0; n--)
        {
            Assert.Equal(1, await page.Locator((await links.Nth(n - 1).GetAttributeAsync("href"))!).CountAsync());
        }

        await page.Locator("#Form_Topic").SelectOptionAsync("4");
        await page.Locator("#Form_Title").FillAsync("Khóa đào tạo khởi sự doanh nghiệp mở khi nào?");
        await page.Locator("#Form_Text").FillAsync("Tôi muốn đăng ký cho hai người của hợp tác xã.");
        await page.Locator("#Form_Name").FillAsync("Lê Văn Thử");
        await page.Locator("#Form_Email").FillAsync("thu@example.vn");
        await page.Locator("#Form_ConsentPublish").CheckAsync();
        await SubmitAsync(page, "Gửi câu hỏi");
        await Journey.ExpectPathAsync(page, "/hoi-dap/da-gui");
        var reference = (await page.Locator(".reference").InnerTextAsync()).Trim();
        Assert.Matches(new Regex(@"^HD-\d{4}-\d{6}$"), reference);
        await AxeCleanAsync(page, javaScript, "confirmation", size);

        await page.GetByRole(AriaRole.Link, new() { Name = "tra cứu câu trả lời" }).First.ClickAsync();
        await Journey.ExpectPathAsync(page, "/hoi-dap/tra-cuu");
        await AxeCleanAsync(page, javaScript, "lookup", size);
        await page.Locator("#ma-so").FillAsync(reference);
        await page.Locator("#lien-he").FillAsync("thu@example.vn");
        await SubmitAsync(page, "Tra cứu");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đã tiếp nhận");
        await AxeCleanAsync(page, javaScript, "lookup result", size);
        await watch.AssertCleanAsync();
    }

    [BrowserTheory(Needs.Chromium | Needs.Axe)]
    [InlineData(true, "phone")]
    [InlineData(false, "phone")]
    [InlineData(true, "desktop")]
    public async Task Vote_on_a_page_and_come_back_to_it(bool javaScript, string size)
    {
        Prerequisites.Require(Needs.Chromium | Needs.Axe);
        await using var context = await gate.NewContextAsync(PageTypes.Size(size), javaScript);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, javaScript);
        // The fixed document page; each run votes from a fresh browser context (its own cookie).
        var url = PageTypes.FixedUrls["document"];
        await page.GotoAsync(url);
        var feedback = page.Locator("#phan-hoi");
        await Assertions.Expect(feedback).ToContainTextAsync("Thông tin có hữu ích không?");
        await AxeCleanAsync(page, javaScript, "document with feedback form", size);
        await feedback.GetByLabel("Không", new() { Exact = true }).CheckAsync();
        await feedback.Locator("#y-kien").FillAsync("Cần thêm bản tiếng Anh.");
        await SubmitAsync(page, "Gửi phản hồi");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(url) + @"\?phan-hoi=cam-on(#phan-hoi)?$"));
        await Assertions.Expect(page.Locator("#phan-hoi")).ToContainTextAsync("Cảm ơn");
        await AxeCleanAsync(page, javaScript, "thanks", size);

        // A second vote from the same browser: the form is still on the page without the parameter; refused with a message.
        await page.GotoAsync(url);
        await page.Locator("#phan-hoi").GetByLabel("Có", new() { Exact = true }).CheckAsync();
        watch.ExpectErrorPage("/phan-hoi-trang");
        await SubmitAsync(page, "Gửi phản hồi");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("đã phản hồi");
        await AxeCleanAsync(page, javaScript, "second vote", size);
        await watch.AssertCleanAsync();
    }

    [GeneratedRegex(@"One-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();

    /// <summary>
    /// An administrator publishes a draft for comment with the document editor; a visitor (JavaScript on and off)
    /// comments on it; the comment waits in the moderation queue; axe on the staff pages of this issue.
    /// </summary>
    [BrowserFact(Needs.Chromium | Needs.Axe | Needs.HtmlChecker)]
    public async Task Comment_on_an_open_draft_with_and_without_javascript()
    {
        Prerequisites.Require(Needs.Chromium | Needs.Axe | Needs.HtmlChecker);
        var site = await gate.SiteAsync();
        var email = $"gopy-{Guid.NewGuid():N}"[..20] + "@khuyencong.test";
        var password = OneTimePassword().Match(await site.RunVerbAsync("create-admin", "--email", email)).Groups[1].Value;
        await using var adminContext = await gate.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/dang-nhap");
        await admin.GetByLabel("Thư điện tử").FillAsync(email);
        await admin.GetByLabel("Mật khẩu").FillAsync(password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await admin.GetByLabel("Mật khẩu hiện tại").FillAsync(password);
        await admin.GetByLabel("Mật khẩu mới", new() { Exact = false }).First.FillAsync("cụm mật khẩu riêng rất dài 2026");
        await admin.GetByLabel("Nhập lại mật khẩu mới").FillAsync("cụm mật khẩu riêng rất dài 2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tổng quan");

        var title = "Dự thảo quy chế hỗ trợ thử góp ý " + Guid.NewGuid().ToString("N")[..6];
        await admin.GotoAsync("/quan-tri/van-ban/them");
        await admin.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(title);
        await admin.Locator("#Extra_Kind").FillAsync("Dự thảo Quyết định");
        await admin.Locator("#Extra_Issuer").FillAsync("Sở Công Thương");
        var local = DateTime.UtcNow.AddHours(7);
        await admin.Locator("#Extra_CommentOpens").FillAsync(local.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await admin.Locator("#Extra_CommentCloses").FillAsync(local.AddDays(30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Đăng (hoặc lên lịch)" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("Đã đăng");
        var publicLink = await admin.GetByRole(AriaRole.Link, new() { Name = "Xem trên trang" }).First.GetAttributeAsync("href");

        foreach (var js in new[] { true, false })
        {
            await using var context = await gate.NewContextAsync(BrowserGate.Phone, js);
            var page = await context.NewPageAsync();
            var watch = new PageWatch(page, js);
            await page.GotoAsync("/van-ban/du-thao");
            await AxeCleanAsync(page, js, "drafts", "phone");
            await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = false }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Gửi góp ý", Exact = true }).ClickAsync();
            await AxeCleanAsync(page, js, "comment form", "phone");
            var formPath = new Uri(page.Url).AbsolutePath;
            watch.ExpectErrorPage(formPath);
            await SubmitAsync(page, "Gửi góp ý");
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await AxeCleanAsync(page, js, "comment form with errors", "phone");
            await page.Locator("#Form_Name").FillAsync("Người Góp Ý Thử");
            await page.Locator("#Form_Email").FillAsync("gopy@example.vn");
            await page.Locator("#Form_Section").FillAsync("Điều 2");
            await page.Locator("#Form_Text").FillAsync("Đề nghị làm rõ đối tượng được hỗ trợ.");
            await page.Locator("#Form_Consent").CheckAsync();
            await SubmitAsync(page, "Gửi góp ý");
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Đã nhận góp ý");
            await AxeCleanAsync(page, js, "comment sent", "phone");
            await watch.AssertCleanAsync();
        }

        Assert.False(string.IsNullOrEmpty(publicLink));
        await admin.GotoAsync("/quan-tri/gop-y");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Đề nghị làm rõ đối tượng được hỗ trợ.");

        // Approve one of the two comments; it moves to the approved list, where its reply link is.
        var card = admin.Locator("article.card").Filter(new() { HasText = title }).First;
        var commentHeading = await card.Locator("h2").GetAttributeAsync("id");
        await card.GetByRole(AriaRole.Button, new() { Name = "Duyệt, cho hiển thị" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".flash")).ToContainTextAsync("Đã duyệt");
        await admin.GotoAsync("/quan-tri/gop-y?trang-thai=1");
        var approved = admin.Locator($"article.card[aria-labelledby='{commentHeading}']");
        await approved.GetByRole(AriaRole.Link, new() { Name = "Trả lời công khai", Exact = false }).ClickAsync();
        var replyPath = new Uri(admin.Url).AbsolutePath;
        Assert.Matches(@"^/quan-tri/gop-y/\d+$", replyPath);

        // The reply page empty, with its error, with a preview, and after the reply is posted.
        await SubmitAsync(admin, "Đăng trả lời");
        await Assertions.Expect(admin.Locator(".error-summary")).ToBeVisibleAsync();
        await AxeCleanAsync(admin, true, "reply with errors", "desktop");
        await admin.Locator("#tra-loi").FillAsync("Cảm ơn góp ý. Điều 2 sẽ nêu rõ **doanh nghiệp nhỏ và vừa**.");
        await SubmitAsync(admin, "Xem trước");
        await Assertions.Expect(admin.Locator(".preview strong")).ToHaveTextAsync("doanh nghiệp nhỏ và vừa");
        await AxeCleanAsync(admin, true, "reply preview", "desktop");
        await SubmitAsync(admin, "Đăng trả lời");
        await admin.GotoAsync(publicLink!);
        await Assertions.Expect(admin.Locator($"#{commentHeading}")).ToBeAttachedAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("doanh nghiệp nhỏ và vừa");

        // Every staff page of this journey, the reply page included: axe at both sizes and the Nu Html Checker.
        var problems = await EditorPageSweep.ProblemsAsync(
            admin,
            ["/quan-tri/gop-y", "/quan-tri/gop-y?trang-thai=1", replyPath, "/quan-tri/cau-hoi", "/quan-tri/hoi-dap", "/quan-tri/hoi-dap/them", "/quan-tri/phan-hoi"],
            Path.Combine(gate.WorkFolder, "talk-html"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
