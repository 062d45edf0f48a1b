using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Pages.Registration;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Web.Tests.Pages.Documents.DraftClient;
using static KhuyenCong.Web.Tests.Pages.Questions.QuestionClient;

namespace KhuyenCong.Web.Tests.Pages.Documents;

/// <summary>"Góp ý dự thảo": a document open for comment takes moderated comments until its closing time (the site's clock).</summary>
public sealed class DraftCommentTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    private Task<Document> NewDraftAsync(string title, TimeSpan opensIn, TimeSpan closesIn) => DraftClient.NewDraftAsync(site, title, opensIn, closesIn);

    /// <summary>The heading of the drafts list's group that holds the draft.</summary>
    private static string ListGroup(AngleSharp.Html.Dom.IHtmlDocument list, Document draft) =>
        list.QuerySelector($"main a[href='/van-ban/{draft.Slug}']")!.Closest("ul")!.PreviousElementSibling!.TextContent.Trim();

    [Fact]
    public async Task The_cached_draft_page_and_drafts_list_change_when_the_comment_period_opens_and_closes()
    {
        var draft = await NewDraftAsync("Dự thảo mở và đóng theo giờ", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
        var hosted = site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();
        var scheduler = hosted.OfType<KhuyenCong.Web.Services.Jobs.Scheduler>().Single();
        // The node's change poller (one look a second) must have seen the draft's own save before the first visit:
        // otherwise its eviction of that save could land after the visit and refresh the page early.
        var changes = hosted.OfType<KhuyenCong.Web.Services.Content.ContentChanges>().Single();
        await changes.CheckAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await changes.CheckAsync(CancellationToken.None);
        var visitor = site.NewBrowser();
        async Task<string> StateAsync() => (await visitor.GetHtmlAsync("/van-ban/" + draft.Slug)).QuerySelector("#gop-y")!.TextContent;
        Assert.Contains("Dự thảo nhận góp ý từ", await StateAsync(), StringComparison.Ordinal);
        Assert.Equal("Sắp lấy ý kiến", ListGroup(await visitor.GetHtmlAsync("/van-ban/du-thao"), draft));

        // The opening time passes: the cached pages are still the old ones until the scheduler's pass.
        site.ManualClock.Advance(TimeSpan.FromMinutes(3));
        Assert.Contains("Dự thảo nhận góp ý từ", await StateAsync(), StringComparison.Ordinal);
        await scheduler.RunOnceAsync();
        Assert.Contains("Đang lấy ý kiến đến", await StateAsync(), StringComparison.Ordinal);
        Assert.Equal("Đang lấy ý kiến", ListGroup(await visitor.GetHtmlAsync("/van-ban/du-thao"), draft));

        // The closing time passes.
        site.ManualClock.Advance(TimeSpan.FromMinutes(3));
        await scheduler.RunOnceAsync();
        Assert.Contains("Đã hết hạn lấy ý kiến", await StateAsync(), StringComparison.Ordinal);
        Assert.Equal("Đã hết hạn lấy ý kiến", ListGroup(await visitor.GetHtmlAsync("/van-ban/du-thao"), draft));
    }

    [Fact]
    public async Task An_open_draft_takes_a_comment_that_shows_only_after_approval_and_without_name_or_email()
    {
        var draft = await NewDraftAsync("Dự thảo mức hỗ trợ máy móc", TimeSpan.FromDays(-1), TimeSpan.FromDays(10));
        var visitor = site.NewBrowser();
        var page = await visitor.GetHtmlAsync("/van-ban/" + draft.Slug);
        Assert.NotNull(page.QuerySelector($"#gop-y a[href='/van-ban/{draft.Slug}/gop-y']"));
        var form = await OpenFormAsync(visitor, draft.Slug);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using (var sent = await SendAsync(visitor, draft.Slug, ValidComment(), form))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal($"/van-ban/{draft.Slug}/gop-y?da-gui=1", sent.Headers.Location?.ToString());
        }

        Assert.Contains("Đã nhận góp ý", (await visitor.GetHtmlAsync($"/van-ban/{draft.Slug}/gop-y?da-gui=1")).MainText(), StringComparison.Ordinal);
        using (var again = await SendAsync(visitor, draft.Slug, ValidComment(), form))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var comment = await site.WithDbAsync((db, _) => db.DocumentComments.SingleAsync(c => c.DocumentId == draft.Id));
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.DoesNotContain("Đề nghị nâng mức", (await visitor.GetHtmlAsync("/van-ban/" + draft.Slug)).MainText(), StringComparison.Ordinal);

        var staff = await site.SignInAsync(Roles.Editor);
        var queue = await staff.GetHtmlAsync("/quan-tri/gop-y");
        Assert.Contains("gop@example.vn", queue.MainText(), StringComparison.Ordinal);
        using (var approve = await staff.PostFormAsync("/quan-tri/gop-y?handler=Approve", new() { ["id"] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/gop-y"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        var shown = (await site.NewBrowser().GetHtmlAsync("/van-ban/" + draft.Slug)).DocumentElement.OuterHtml;
        Assert.Contains("Đề nghị nâng mức hỗ trợ máy móc cho hợp tác xã.", shown, StringComparison.Ordinal);
        Assert.Contains("HTX Dừa Xanh", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm Văn Góp", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("gop@example.vn", shown, StringComparison.Ordinal);
        var actions = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == nameof(DocumentComment)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("comment-approve", actions);
    }

    [Fact]
    public async Task A_closed_or_not_yet_open_draft_refuses_comments_with_a_clear_message_and_shows_its_summary()
    {
        var draft = await NewDraftAsync("Dự thảo sắp hết hạn", TimeSpan.FromDays(-2), TimeSpan.FromHours(1));
        var visitor = site.NewBrowser();
        var form = await OpenFormAsync(visitor, draft.Slug);
        site.ManualClock.Advance(TimeSpan.FromHours(2));
        using (var late = await SendAsync(visitor, draft.Slug, ValidComment(), form))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.Contains("Đã hết hạn lấy ý kiến", (await ParseAsync(late)).MainText(), StringComparison.Ordinal);
        }

        await visitor.GetHtmlAsync($"/van-ban/{draft.Slug}/gop-y", HttpStatusCode.Conflict);
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.DocumentComments.CountAsync(c => c.DocumentId == draft.Id)));

        var upcoming = await NewDraftAsync("Dự thảo chưa mở", TimeSpan.FromDays(3), TimeSpan.FromDays(10));
        var notYet = await visitor.GetHtmlAsync($"/van-ban/{upcoming.Slug}/gop-y", HttpStatusCode.Conflict);
        Assert.Contains("chưa mở", notYet.MainText(), StringComparison.Ordinal);

        // The editor writes the summary through the document editor (the publisher renders it).
        var publisher = await site.SignInAsync(Roles.Publisher);
        var edit = await publisher.GetHtmlAsync($"/quan-tri/van-ban/{draft.Id}");
        var fields = edit.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "submit") && e.GetAttribute("name") != "__RequestVerificationToken")
            .GroupBy(e => e.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? g.First().TextContent);
        fields["Extra.CommentSummary"] = "Đã nhận **3** góp ý; tiếp thu ý kiến về Điều 3.";
        fields["action"] = "save";
        using (var save = await publisher.PostFormAsync($"/quan-tri/van-ban/{draft.Id}", fields, $"/quan-tri/van-ban/{draft.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }

        var page = await site.NewBrowser().GetHtmlAsync("/van-ban/" + draft.Slug);
        Assert.Contains("Đã hết hạn lấy ý kiến", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#gop-y .prose strong"));
        Assert.Null(page.QuerySelector($"#gop-y a[href='/van-ban/{draft.Slug}/gop-y']"));

        var drafts = await site.NewBrowser().GetHtmlAsync("/van-ban/du-thao");
        var headings = drafts.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal("Đang lấy ý kiến", headings[0]);
        Assert.True(headings.IndexOf("Đã hết hạn lấy ý kiến") > headings.IndexOf("Sắp lấy ý kiến"));
    }

    [Fact]
    public async Task The_editor_refuses_a_closing_time_before_the_opening_time()
    {
        var draft = await NewDraftAsync("Dự thảo sửa ngày", TimeSpan.FromDays(-1), TimeSpan.FromDays(5));
        var publisher = await site.SignInAsync(Roles.Publisher);
        var edit = await publisher.GetHtmlAsync($"/quan-tri/van-ban/{draft.Id}");
        var fields = edit.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "submit") && e.GetAttribute("name") != "__RequestVerificationToken")
            .GroupBy(e => e.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? g.First().TextContent);
        fields["Extra.CommentOpens"] = "2026-05-10T08:00";
        fields["Extra.CommentCloses"] = "2026-05-01T08:00";
        fields["action"] = "save";
        using var save = await publisher.PostFormAsync($"/quan-tri/van-ban/{draft.Id}", fields, $"/quan-tri/van-ban/{draft.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Contains("phải sau thời điểm bắt đầu", (await ParseAsync(save)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_of_the_comment_form_answers_bad_input_with_a_vietnamese_4xx_and_no_partial_write()
    {
        var draft = await NewDraftAsync("Dự thảo thử dữ liệu xấu", TimeSpan.FromDays(-1), TimeSpan.FromDays(3650));
        var client = site.NewBrowser();
        var failures = new List<string>();
        foreach (var field in ValidComment().Keys.Append("Form.Website"))
        {
            foreach (var (name, encoded) in RegistrationBadInputTests.Corpus())
            {
                var form = await OpenFormAsync(client, draft.Slug);
                site.ManualClock.Advance(TimeSpan.FromMinutes(1));
                var before = await site.WithDbAsync((db, _) => db.DocumentComments.CountAsync());
                var body = string.Join('&', ValidComment().Where(f => f.Key != field).Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))
                    .Append(Uri.EscapeDataString(field) + "=" + encoded)
                    .Append("__RequestVerificationToken=" + Uri.EscapeDataString(form.Token)).Append("phieu=" + Uri.EscapeDataString(form.Ticket)));
                using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
                using var response = await client.PostAsync(new Uri($"/van-ban/{draft.Slug}/gop-y", UriKind.Relative), content);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var after = await site.WithDbAsync((db, _) => db.DocumentComments.CountAsync());
                if (status >= 500 || (status == 302 && after != before + 1) || (status != 302 && (after != before || status < 400 || !HasVietnamese(text))))
                {
                    failures.Add($"{field} × {name}: {status}, {after - before} rows");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
