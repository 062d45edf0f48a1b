using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>Restoring a revision keeps the item's workflow state; the history reads as the editor's form does.</summary>
public sealed partial class RevisionHistoryTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>A published item of the type from the starting content, with its public address.</summary>
    private Task<(int Id, string PublicPath)> LiveItemAsync(string type) => site.WithDbAsync(async (db, _) =>
    {
        var now = DateTime.UtcNow;
        return type switch
        {
            "tin-bai" => await db.Articles.Published(now).OrderBy(x => x.Id).Select(x => ValueTuple.Create(x.Id, SiteUrls.Article(x.Slug))).FirstAsync(),
            "van-ban" => await db.Documents.Published(now).OrderBy(x => x.Id).Select(x => ValueTuple.Create(x.Id, SiteUrls.Document(x.Slug))).FirstAsync(),
            "trang" => await db.Pages.Published(now).Where(x => x.Path != "" && x.Language == "vi").OrderBy(x => x.Id).Select(x => ValueTuple.Create(x.Id, SiteUrls.Page(x.Path))).FirstAsync(),
            "san-pham" => await db.Products.Published(now).OrderBy(x => x.Id).Select(x => ValueTuple.Create(x.Id, SiteUrls.Product(x.Slug))).FirstAsync(),
            "truyen-hinh" => await db.TvSegments.Published(now).OrderBy(x => x.Id).Select(x => ValueTuple.Create(x.Id, SiteUrls.TvSegment(x.Slug))).FirstAsync(),
            "phong-trung-bay" => await db.Showrooms.Published(now).OrderBy(x => x.Id).Select(x => ValueTuple.Create(x.Id, SiteUrls.Showroom(x.Slug))).FirstAsync(),
            "hoi-cho" => await db.Fairs.Published(now).OrderBy(x => x.Id).Select(x => ValueTuple.Create(x.Id, SiteUrls.Fair(x.Slug))).FirstAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    });

    private Task<RoutedContent> ItemAsync(string type, int id) => site.WithDbAsync<RoutedContent>(async (db, _) => type switch
    {
        "tin-bai" => await db.Articles.AsNoTracking().SingleAsync(x => x.Id == id),
        "van-ban" => await db.Documents.AsNoTracking().SingleAsync(x => x.Id == id),
        "trang" => await db.Pages.AsNoTracking().SingleAsync(x => x.Id == id),
        "san-pham" => await db.Products.AsNoTracking().SingleAsync(x => x.Id == id),
        "truyen-hinh" => await db.TvSegments.AsNoTracking().SingleAsync(x => x.Id == id),
        "phong-trung-bay" => await db.Showrooms.AsNoTracking().SingleAsync(x => x.Id == id),
        _ => await db.Fairs.AsNoTracking().SingleAsync(x => x.Id == id),
    });

    /// <summary>Changes the title through the one write path, as a publisher's save would; returns the revision number before it.</summary>
    private Task<int> RetitleAsync(string type, int id, string title) => site.WithDbAsync(async (db, sp) =>
    {
        RoutedContent item = type switch
        {
            "tin-bai" => await db.Articles.Include(x => x.Tags).SingleAsync(x => x.Id == id),
            "van-ban" => await db.Documents.SingleAsync(x => x.Id == id),
            "trang" => await db.Pages.SingleAsync(x => x.Id == id),
            "san-pham" => await db.Products.Include(x => x.Certifications).SingleAsync(x => x.Id == id),
            "truyen-hinh" => await db.TvSegments.SingleAsync(x => x.Id == id),
            "phong-trung-bay" => await db.Showrooms.Include(x => x.Products).SingleAsync(x => x.Id == id),
            _ => await db.Fairs.Include(x => x.Participants).SingleAsync(x => x.Id == id),
        };
        var contentType = item.GetType().Name;
        var before = await db.Revisions.Where(r => r.ContentType == contentType && r.ContentId == id).MaxAsync(r => (int?)r.Number) ?? 0;
        item.Title = title;
        await sp.GetRequiredService<ContentPublisher>().SaveAsync(item, "test", "save");
        return before;
    });

    private static string Restore(string type, int id) => $"/quan-tri/lich-su/{type}/{id}?handler=Restore";

    [Theory]
    [InlineData("tin-bai")]
    [InlineData("van-ban")]
    [InlineData("trang")]
    [InlineData("san-pham")]
    [InlineData("truyen-hinh")]
    [InlineData("phong-trung-bay")]
    [InlineData("hoi-cho")]
    public async Task Restoring_a_revision_of_a_published_item_keeps_it_online_and_only_a_publisher_may(string type)
    {
        var (id, publicPath) = await LiveItemAsync(type);
        var original = (await ItemAsync(type, id)).Title;
        var number = await RetitleAsync(type, id, original + " (bản sửa sai)");
        Assert.True(number > 0, "the imported item has a revision to go back to");
        var history = $"/quan-tri/lich-su/{type}/{id}";

        // An editor may not change a published item: no restore button, and the POST itself is refused.
        var editor = await site.SignInAsync(Roles.Editor);
        var editorView = await editor.GetHtmlAsync(history);
        Assert.Empty(editorView.QuerySelectorAll("form[action*='handler=Restore'], button[form^='restore-']"));
        // (The editor's history page has no form to take a token from; any of the editor's forms gives one.)
        using (var refused = await editor.PostFormAsync(Restore(type, id), new() { ["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/tin-bai/them"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/loi/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var publisher = await site.SignInAsync(Roles.Publisher);
        var publisherView = await publisher.GetHtmlAsync(history);
        Assert.Contains("đăng ngay", publisherView.QuerySelector("button[form^='restore-']")!.TextContent, StringComparison.Ordinal);
        using (var restored = await publisher.PostFormAsync(Restore(type, id), new() { ["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) }, history))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
            Assert.Equal($"/quan-tri/{type}/{id}", restored.Headers.Location!.ToString());
        }

        var item = await ItemAsync(type, id);
        Assert.Equal((original, ContentStatus.Published), (item.Title, item.Status));
        Assert.NotNull(item.WentLiveAt);
        var page = await site.Browser().GetHtmlAsync(publicPath);
        // A document's heading names its kind and number once ("Chỉ thị 04/CT-BCT Về việc …"), so compare without the kind.
        var heading = page.QuerySelector("h1")!.TextContent;
        var titleWithoutKind = type == "van-ban" ? original[(original.Length / 2)..] : original;
        Assert.Contains(titleWithoutKind, heading, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bản sửa sai", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var note = await site.WithDbAsync((db, _) => db.Revisions.Where(r => r.ContentType == item.GetType().Name && r.ContentId == id)
            .OrderByDescending(r => r.Number).Select(r => r.Note).FirstAsync());
        Assert.Contains($"Khôi phục phiên bản {number}", note, StringComparison.Ordinal);
        Assert.Contains("đăng ngay", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_restores_a_revision_of_an_item_in_review_and_it_stays_in_review()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var article = await site.NewArticleAsync("Bài chờ duyệt có hai phiên bản", body: "Câu thứ nhất.", status: ContentStatus.InReview);
        var number = await RetitleAsync("tin-bai", article.Id, "Bài chờ duyệt đã đổi tên");
        var history = $"/quan-tri/lich-su/tin-bai/{article.Id}";
        Assert.NotEmpty((await editor.GetHtmlAsync(history)).QuerySelectorAll("button[form^='restore-']"));

        using (var restored = await editor.PostFormAsync(Restore("tin-bai", article.Id), new() { ["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) }, history))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        var item = await ItemAsync("tin-bai", article.Id);
        Assert.Equal(("Bài chờ duyệt có hai phiên bản", ContentStatus.InReview), (item.Title, item.Status));
    }

    [Fact]
    public async Task Edit_pages_show_an_editor_only_the_buttons_the_role_may_press()
    {
        var (id, _) = await LiveItemAsync("san-pham");
        var editor = await site.SignInAsync(Roles.Editor);
        var page = await editor.GetHtmlAsync($"/quan-tri/san-pham/{id}");
        var buttons = page.QuerySelectorAll("button[name=action]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(["preview"], buttons);

        var publisher = await site.SignInAsync(Roles.Publisher);
        var publisherButtons = (await publisher.GetHtmlAsync($"/quan-tri/san-pham/{id}")).QuerySelectorAll("button[name=action]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Contains("archive", publisherButtons);
        Assert.Contains("delete", publisherButtons);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoTime();

    [Fact]
    public async Task The_comparison_shows_the_form_labels_Vietnamese_values_and_a_word_diff()
    {
        var topics = await site.WithDbAsync((db, _) => db.Topics.OrderBy(t => t.SortOrder).Select(t => new { t.Id, t.Name }).Take(2).ToListAsync());
        var article = await site.NewArticleAsync("Bài so sánh phiên bản", body: "Hội chợ mở cửa ba ngày tại Bến Tre.", status: ContentStatus.Draft,
            publishAt: new DateTime(2026, 12, 6, 1, 28, 0, DateTimeKind.Utc));
        await site.WithDbAsync(async (db, sp) =>
        {
            var a = await db.Articles.Include(x => x.Tags).SingleAsync(x => x.Id == article.Id);
            a.TopicId = topics[0].Id;
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(a, "test", "save");
            a.TopicId = topics[1].Id;
            a.Status = ContentStatus.Published;
            a.PublishAt = new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);
            a.BodyMarkdown = "Hội chợ mở cửa năm ngày tại Bến Tre.";
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(a, "test", "publish");
            return 0;
        });

        var publisher = await site.SignInAsync(Roles.Publisher);
        var page = await publisher.GetHtmlAsync($"/quan-tri/lich-su/tin-bai/{article.Id}?a=2&b=3");
        var table = page.QuerySelector("table.revision-fields")!;
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray());
        Assert.Equal(["Bản nháp", "Đã đăng"], rows["Trạng thái"]);
        Assert.Equal(["06/12/2026 08:28", "07/12/2026 09:00"], rows["Thời điểm đăng"]);
        Assert.Equal([topics[0].Name, topics[1].Name], rows["Chuyên mục"]);
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var internalName in new[] { "PublishAt", "Status", "TopicId", "WentLiveAt", "BodyMarkdown" })
        {
            Assert.DoesNotContain(internalName, text, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(IsoTime(), text);
        var diff = page.QuerySelector("p.diff")!;
        Assert.Equal("ba", diff.QuerySelector("del")!.TextContent.Replace("[xóa: ", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal));
        Assert.Equal("năm", diff.QuerySelector("ins")!.TextContent.Replace("[thêm: ", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal));
        Assert.Contains("Hội chợ mở cửa", diff.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_word_diff_marks_changed_words_and_keeps_the_rest_including_line_breaks()
    {
        var diff = RevisionCompare.WordDiff("Dòng một giữ nguyên.\nDòng hai cũ.", "Dòng một giữ nguyên.\nDòng hai mới, thêm chữ.");
        Assert.Equal("Dòng một giữ nguyên.\nDòng hai cũ.", string.Concat(diff.Where(s => s.Change != RevisionCompare.Change.Inserted).Select(s => s.Text)));
        Assert.Equal("Dòng một giữ nguyên.\nDòng hai mới, thêm chữ.", string.Concat(diff.Where(s => s.Change != RevisionCompare.Change.Deleted).Select(s => s.Text)));
        Assert.Equal(["cũ"], diff.Where(s => s.Change == RevisionCompare.Change.Deleted).Select(s => s.Text.Trim()));
        Assert.StartsWith("Dòng một giữ nguyên.\nDòng hai ", diff[0].Text, StringComparison.Ordinal);
    }
}
