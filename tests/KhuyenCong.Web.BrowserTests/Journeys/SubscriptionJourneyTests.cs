using KhuyenCong.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>
/// "Nhận tin qua e-mail" without JavaScript, from the footer link: the form's error summary, the choices, the
/// "check your mailbox" page, then (with the run's SMTP server) the link from the mail, its button and the result.
/// </summary>
[Collection(BrowserGateDefinition.Name)]
public sealed class SubscriptionJourneyTests(BrowserGate gate)
{
    [BrowserFact]
    public async Task A_visitor_without_javascript_subscribes_from_the_footer_and_confirms_from_the_mail()
    {
        await using var context = await gate.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, false);
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Liên kết chân trang" }).GetByRole(AriaRole.Link, new() { Name = "Nhận tin qua thư điện tử" }).ClickAsync();
        await Expect(h1).ToHaveTextAsync("Nhận tin qua thư điện tử");

        // Sent empty: the error summary (a 400 the test asks for), and nothing stored.
        watch.ExpectErrorPage("/nhan-tin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký nhận tin", Exact = true }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Lỗi: "));
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Nhập địa chỉ thư điện tử");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Đánh dấu ô đồng ý");

        var email = SubscriptionFixture.NewAddress();
        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Văn bản chính sách mới").CheckAsync();
        await page.GetByLabel("Hằng ngày").CheckAsync();
        await page.Locator("#dong-y").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký nhận tin", Exact = true }).ClickAsync();
        await Expect(h1).ToHaveTextAsync("Hãy mở hộp thư của bạn");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/nhan-tin/da-gui$"));

        if (SubscriptionFixture.HasMail)
        {
            await page.GotoAsync(await SubscriptionFixture.LinkFromMailAsync(email));
            await Expect(page.Locator("main")).ToContainTextAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận nhận tin", Exact = true }).ClickAsync();
            await Expect(h1).ToHaveTextAsync("Đã xác nhận nhận tin");
            await Expect(page.Locator("main")).ToContainTextAsync("hằng ngày");
        }

        await watch.AssertCleanAsync();
    }
}
