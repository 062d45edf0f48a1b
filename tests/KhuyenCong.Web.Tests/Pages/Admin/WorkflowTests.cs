using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Admin;

public sealed class ClockedSiteFactory : SiteFactory
{
    public ClockedSiteFactory() => Clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
}

public sealed class WorkflowTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
{
    private static Dictionary<string, string> Form(string title, string action, string body = "Nội dung **đầu tiên** của bài.", string? slug = null, string? publishAt = null, string? unpublishAt = null, string? note = null) => new()
    {
        ["Input.Title"] = title, ["Input.Slug"] = slug ?? "", ["Input.Summary"] = "Tóm tắt.", ["Input.Body"] = body,
        ["Input.PublishAt"] = publishAt ?? "", ["Input.UnpublishAt"] = unpublishAt ?? "", ["Input.Note"] = note ?? "", ["action"] = action,
    };

    private static async Task<int> CreateAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var response = await client.PostFormAsync("/quan-tri/tin-bai/them", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<Article> ArticleAsync(int id) => site.WithDbAsync((db, _) => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Editor_writes_and_submits_publisher_publishes_and_the_cached_public_pages_show_it_at_once()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var publisher = await site.SignInAsync(Roles.Publisher);
        var visitor = site.Browser();
        var before = await visitor.GetHtmlAsync("/");
        Assert.DoesNotContain("Bài viết qua quy trình duyệt", before.MainText(), StringComparison.Ordinal);

        var id = await CreateAsync(editor, Form("Bài viết qua quy trình duyệt", "submit"));
        var submitted = await ArticleAsync(id);
        Assert.Equal(ContentStatus.InReview, submitted.Status);
        await visitor.GetHtmlAsync("/tin-tuc/" + submitted.Slug, HttpStatusCode.NotFound);

        using (var refused = await editor.PostFormAsync($"/quan-tri/tin-bai/{id}", Form("Bài viết qua quy trình duyệt", "publish")))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/loi/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(ContentStatus.InReview, (await ArticleAsync(id)).Status);

        using (var published = await publisher.PostFormAsync($"/quan-tri/tin-bai/{id}", Form("Bài viết qua quy trình duyệt", "publish")))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal(ContentStatus.Published, (await ArticleAsync(id)).Status);
        Assert.Contains("Bài viết qua quy trình duyệt", (await visitor.GetHtmlAsync("/")).MainText(), StringComparison.Ordinal);
        Assert.Equal("Bài viết qua quy trình duyệt", (await visitor.GetHtmlAsync("/tin-tuc/" + submitted.Slug)).QuerySelector("h1")!.TextContent);
        Assert.NotEmpty((await visitor.GetHtmlAsync("/tim-kiem?q=quy+trinh+duyet")).QuerySelectorAll(".search-hit"));

        var actions = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == nameof(Article) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["submit", "publish"], actions);
    }

    [Fact]
    public async Task Publisher_sends_back_with_a_note_and_the_editor_sees_it()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var publisher = await site.SignInAsync(Roles.Publisher);
        var id = await CreateAsync(editor, Form("Bài cần sửa thêm", "submit"));

        using (var noNote = await publisher.PostFormAsync($"/quan-tri/tin-bai/{id}", Form("Bài cần sửa thêm", "sendback")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        }

        using var back = await publisher.PostFormAsync($"/quan-tri/tin-bai/{id}", Form("Bài cần sửa thêm", "sendback", note: "Bổ sung số liệu năm 2024."));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var article = await ArticleAsync(id);
        Assert.Equal(ContentStatus.Draft, article.Status);
        var page = await editor.GetHtmlAsync($"/quan-tri/tin-bai/{id}");
        Assert.Contains("Bổ sung số liệu năm 2024.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduled_publish_and_unpublish_happen_at_their_time_through_the_scheduler()
    {
        var publisher = await site.SignInAsync(Roles.Publisher);
        var visitor = site.Browser();
        var local = VietnamTime.ToLocal(site.Clock!.GetUtcNow().UtcDateTime);
        string Local(TimeSpan from) => local.Add(from).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var id = await CreateAsync(publisher, Form("Tin đăng theo lịch zorvanthe", "publish", publishAt: Local(TimeSpan.FromHours(2)), unpublishAt: Local(TimeSpan.FromHours(5))));
        var slug = (await ArticleAsync(id)).Slug;
        var scheduler = site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Scheduler>().Single();

        await visitor.GetHtmlAsync("/tin-tuc/" + slug, HttpStatusCode.NotFound);
        Assert.Empty((await visitor.GetHtmlAsync("/tim-kiem?q=zorvanthe")).QuerySelectorAll(".search-hit"));

        site.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(30));
        await scheduler.RunOnceAsync();
        Assert.NotNull((await ArticleAsync(id)).WentLiveAt);
        await visitor.GetHtmlAsync("/tin-tuc/" + slug);
        Assert.Contains("Tin đăng theo lịch zorvanthe", (await visitor.GetHtmlAsync("/tin-tuc")).MainText(), StringComparison.Ordinal);
        Assert.NotEmpty((await visitor.GetHtmlAsync("/tim-kiem?q=zorvanthe")).QuerySelectorAll(".search-hit"));

        site.Clock.Advance(TimeSpan.FromHours(3));
        await scheduler.RunOnceAsync();
        Assert.Equal(ContentStatus.Archived, (await ArticleAsync(id)).Status);
        await visitor.GetHtmlAsync("/tin-tuc/" + slug, HttpStatusCode.NotFound);
        var actions = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.EntityType == nameof(Article))
            .Select(a => a.Action).ToListAsync());
        Assert.Contains("scheduled-publish", actions);
        Assert.Contains("scheduled-unpublish", actions);
    }

    [Fact]
    public async Task A_restored_revision_of_a_published_article_stays_online_with_the_old_text()
    {
        var publisher = await site.SignInAsync(Roles.Publisher);
        var id = await CreateAsync(publisher, Form("Bài có nhiều phiên bản", "publish", body: "Văn bản phiên bản một."));
        using (await publisher.PostFormAsync($"/quan-tri/tin-bai/{id}", Form("Bài có nhiều phiên bản", "save", body: "Văn bản phiên bản hai.")))
        {
        }

        Assert.Contains("phiên bản hai", (await ArticleAsync(id)).BodyMarkdown, StringComparison.Ordinal);
        var history = await publisher.GetHtmlAsync($"/quan-tri/lich-su/tin-bai/{id}");
        Assert.Equal(2, history.QuerySelectorAll("tbody tr").Length);
        var diff = await publisher.GetHtmlAsync($"/quan-tri/lich-su/tin-bai/{id}?a=1&b=2");
        Assert.Contains("một", diff.QuerySelector(".diff del")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hai", diff.QuerySelector(".diff ins")!.TextContent, StringComparison.Ordinal);

        using var restore = await publisher.PostFormAsync($"/quan-tri/lich-su/tin-bai/{id}?handler=Restore", new() { ["number"] = "1" }, $"/quan-tri/lich-su/tin-bai/{id}");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var restored = await ArticleAsync(id);
        Assert.Equal(ContentStatus.Published, restored.Status);
        Assert.Equal("Văn bản phiên bản một.", restored.BodyMarkdown);
        Assert.Contains("Văn bản phiên bản một.", (await site.Browser().GetHtmlAsync("/tin-tuc/" + restored.Slug)).MainText(), StringComparison.Ordinal);
        Assert.Contains("Bài có nhiều phiên bản", (await site.Browser().GetHtmlAsync("/")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_slug_of_a_published_article_redirects_the_old_address()
    {
        var publisher = await site.SignInAsync(Roles.Publisher);
        var id = await CreateAsync(publisher, Form("Bài đổi đường dẫn", "publish", slug: "duong-dan-cu-zq"));
        using (await publisher.PostFormAsync($"/quan-tri/tin-bai/{id}", Form("Bài đổi đường dẫn", "save", slug: "duong-dan-moi-zq")))
        {
        }

        using var old = await site.Browser().GetAsync(new Uri("/tin-tuc/duong-dan-cu-zq", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/tin-tuc/duong-dan-moi-zq", old.Headers.Location?.ToString());
        await site.Browser().GetHtmlAsync("/tin-tuc/duong-dan-moi-zq");
    }

    [Theory]
    [InlineData("", "Nhập tiêu đề.")]
    [InlineData("Tiêu đề hợp lệ", "Đường dẫn chỉ gồm chữ thường")]
    public async Task Bad_input_gets_a_Vietnamese_error_summary_and_400_and_nothing_is_saved(string title, string message)
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var count = await site.WithDbAsync((db, _) => db.Articles.CountAsync());
        using var response = await editor.PostFormAsync("/quan-tri/tin-bai/them", Form(title, "save", slug: title.Length > 0 ? "Sai Đường Dẫn!" : null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("<title>Lỗi: ", html, StringComparison.Ordinal);
        Assert.Contains("data-error-summary", html, StringComparison.Ordinal);
        Assert.Equal(count, await site.WithDbAsync((db, _) => db.Articles.CountAsync()));
    }
}
