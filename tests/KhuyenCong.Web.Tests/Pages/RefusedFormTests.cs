using System.Net;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Pages.Questions;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages;

/// <summary>
/// Every refused form, public or in the editor area, says so twice: a 4xx status and a title that starts with
/// "Lỗi: " (the first thing a screen reader reads, WCAG 3.3.1), whatever the reason (bad input, a conflict, too many
/// attempts). All of them go through SitePageModel.MarkRefused.
/// </summary>
public sealed class RefusedFormTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("login: blank fields", HttpStatusCode.BadRequest)]
    [InlineData("login: wrong password", HttpStatusCode.BadRequest)]
    [InlineData("login: too many failures for one name", HttpStatusCode.TooManyRequests)]
    [InlineData("ask a question: blank form", HttpStatusCode.BadRequest)]
    [InlineData("editor: article without a title", HttpStatusCode.BadRequest)]
    [InlineData("editor: unknown image-picker operation", HttpStatusCode.BadRequest)]
    [InlineData("editor: preview of a body nested too deep", HttpStatusCode.BadRequest)]
    [InlineData("publisher: delete an establishment still in use", HttpStatusCode.Conflict)]
    [InlineData("admin: programme period with nothing filled in", HttpStatusCode.BadRequest)]
    [InlineData("admin: new account with a malformed address", HttpStatusCode.BadRequest)]
    [InlineData("admin: taking away one's own admin role", HttpStatusCode.Conflict)]
    [InlineData("admin: disabling one's own account", HttpStatusCode.Conflict)]
    [InlineData("admin: sending again a message already sent", HttpStatusCode.Conflict)]
    public async Task A_refused_form_answers_4xx_in_its_own_page_with_a_title_starting_Loi(string form, HttpStatusCode expected)
    {
        using var response = await PostAsync(form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{form}: expected {(int)expected}, got {(int)response.StatusCode}");
        var page = await Parser.ParseDocumentAsync(body);
        Assert.StartsWith("Lỗi: ", page.Title, StringComparison.Ordinal);
        // The form's own page with what went wrong, not the generic error page.
        Assert.NotNull(page.QuerySelector("main form"));
    }

    [Theory]
    [InlineData("/dang-nhap", false)]
    [InlineData("/quan-tri/tin-bai/them", true)]
    public async Task A_form_posted_without_its_antiforgery_token_gets_the_error_page_with_a_title_starting_Loi(string url, bool signedIn)
    {
        var client = signedIn ? await site.SignInAsync(Roles.Editor) : site.NewBrowser();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Không có mã chống giả mạo" });
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Lỗi: Yêu cầu không hợp lệ", page.Title?.Split(" – ")[0]);
        Assert.Equal("Yêu cầu không hợp lệ", page.QuerySelector("h1")?.TextContent);
    }

    private async Task<HttpResponseMessage> PostAsync(string form)
    {
        switch (form)
        {
            case "login: blank fields":
                return await site.NewBrowser().PostFormAsync("/dang-nhap", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
            case "login: wrong password":
                return await site.NewBrowser().PostFormAsync("/dang-nhap",
                    new() { ["Input.Email"] = await site.CreateUserAsync(Roles.Editor), ["Input.Password"] = "không phải mật khẩu này" });
            case "login: too many failures for one name":
            {
                var client = site.NewBrowser();
                var name = $"khong-co-{Guid.NewGuid():N}@khuyencong.test";
                for (var i = 0; ; i++)
                {
                    var response = await client.PostFormAsync("/dang-nhap", new() { ["Input.Email"] = name, ["Input.Password"] = "sai lần " + i });
                    if (response.StatusCode != HttpStatusCode.BadRequest || i > 20)
                    {
                        return response;
                    }

                    response.Dispose();
                }
            }

            case "ask a question: blank form":
            {
                var client = site.NewBrowser();
                return await QuestionClient.AskAsync(client, new() { ["Form.Title"] = "" }, await QuestionClient.OpenAsync(client));
            }

            case "editor: article without a title":
                return await (await site.SignInAsync(Roles.Editor)).PostFormAsync("/quan-tri/tin-bai/them",
                    new() { ["Input.Title"] = "", ["Input.Body"] = "Nội dung.", ["action"] = "save" });
            case "editor: unknown image-picker operation":
                return await (await site.SignInAsync(Roles.Editor)).PostFormAsync("/quan-tri/tin-bai/them?handler=Media",
                    new() { ["media-op"] = "khong-co" }, "/quan-tri/tin-bai/them");
            case "editor: preview of a body nested too deep":
                return await (await site.SignInAsync(Roles.Editor)).PostFormAsync("/quan-tri/tin-bai/them",
                    new() { ["Input.Title"] = "Xem trước", ["Input.Body"] = string.Concat(Enumerable.Repeat("- ", 10_000)) + "x", ["action"] = "preview" });
            case "publisher: delete an establishment still in use":
            {
                var id = await site.WithDbAsync((db, _) => db.Products.Where(p => p.EstablishmentId != null)
                    .OrderBy(p => p.Id).Select(p => p.EstablishmentId!.Value).FirstAsync());
                return await (await site.SignInAsync(Roles.Publisher)).PostFormAsync($"/quan-tri/co-so/{id}?handler=Delete", [], $"/quan-tri/co-so/{id}");
            }

            case "admin: programme period with nothing filled in":
                return await (await site.SignInAsync(Roles.Admin)).PostFormAsync("/quan-tri/chuong-trinh/giai-doan", new() { ["Input.Code"] = "" });
            case "admin: new account with a malformed address":
                return await (await site.SignInAsync(Roles.Admin)).PostFormAsync("/quan-tri/nguoi-dung?handler=Create",
                    new() { ["NewUser.Email"] = "khong-phai-dia-chi", ["NewUser.DisplayName"] = "Ai đó", ["NewUser.Role"] = Roles.Editor }, "/quan-tri/nguoi-dung");
            case "admin: taking away one's own admin role":
            case "admin: disabling one's own account":
            {
                var email = await site.CreateUserAsync(Roles.Admin);
                var admin = site.NewBrowser();
                (await admin.PostFormAsync("/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = SiteFactory.TestPassword })).Dispose();
                var id = await site.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
                var response = form.Contains("role", StringComparison.Ordinal)
                    ? await admin.PostFormAsync("/quan-tri/nguoi-dung?handler=Role", new() { ["id"] = id, ["role"] = Roles.Editor }, "/quan-tri/nguoi-dung")
                    : await admin.PostFormAsync("/quan-tri/nguoi-dung?handler=Disable", new() { ["id"] = id, ["disable"] = "true" }, "/quan-tri/nguoi-dung");
                // Nothing changed: still an admin, still enabled, and the reason is on the page.
                var (roles, disabled) = await site.WithDbAsync(async (db, _) => (
                    await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(),
                    await db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
                Assert.Equal([Roles.Admin], roles);
                Assert.False(disabled);
                Assert.Contains("Không thể tự", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                return response;
            }

            case "admin: sending again a message already sent":
            {
                var sent = await site.WithDbAsync(async (db, _) =>
                {
                    var message = new OutboxMessage
                    {
                        Recipient = "da-gui@khuyencong.test", Kind = "test", EventKey = "da-gui:" + Guid.NewGuid().ToString("N"), Subject = "Thư đã gửi",
                        TextBody = "Nội dung", MessageId = Guid.NewGuid().ToString("N") + "@khuyencong.test", Status = OutboxStatus.Sent,
                        CreatedAt = DateTime.UtcNow, SentAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
                    };
                    db.OutboxMessages.Add(message);
                    await db.SaveChangesAsync();
                    return message.Id;
                });
                var response = await (await site.SignInAsync(Roles.Admin)).PostFormAsync("/quan-tri/thu-gui?handler=Retry",
                    new() { ["id"] = sent.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/thu-gui");
                Assert.Equal(OutboxStatus.Sent, await site.WithDbAsync((db, _) => db.OutboxMessages.Where(m => m.Id == sent).Select(m => m.Status).SingleAsync()));
                Assert.Contains("Chỉ gửi lại được thư", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                return response;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, "no such case");
        }
    }
}
