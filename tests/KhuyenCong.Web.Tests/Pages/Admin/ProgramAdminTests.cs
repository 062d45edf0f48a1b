using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Pages.Program;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>Publishers enter achievements with evidence; every change is kept and moves the public progress at once.</summary>
public sealed class ProgramAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Url = "/quan-tri/chuong-trinh";

    private static Dictionary<string, string> Form(string target = "may-moc-tien-tien", string date = "2022-03-15", string quantity = "12",
        string note = "Hỗ trợ máy đóng gói cho 12 cơ sở.", string evidence = "https://sct.bentre.gov.vn/ket-qua-2022", string id = "0") => new()
    {
        ["Input.Id"] = id, ["Input.TargetCode"] = target, ["Input.Date"] = date, ["Input.Quantity"] = quantity,
        ["Input.Note"] = note, ["Input.EvidenceUrl"] = evidence, ["Input.EvidenceDocumentId"] = "",
    };

    [Fact]
    public async Task Anonymous_visitors_cannot_reach_or_post_the_achievement_page()
    {
        var anonymous = site.NewBrowser();
        using var get = await anonymous.GetAsync(new Uri(Url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/dang-nhap", get.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var post = await anonymous.PostAsync(new Uri(Url + "?handler=Save", UriKind.Relative), new FormUrlEncodedContent(Form()));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.Achievements.CountAsync()));
    }

    [Fact]
    public async Task A_publisher_adds_edits_and_withdraws_an_achievement_with_history_and_the_public_page_follows()
    {
        var editor = await site.SignInAsync(Roles.Publisher);
        var visitor = site.Browser();
        var before = await ProgramProgressTests.PageAchievedAsync(visitor, "may-moc-tien-tien");
        Assert.Equal(0, before);

        using (var created = await editor.PostFormAsync(Url + "?handler=Save", Form(), Url))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        Assert.Equal(12, await ProgramProgressTests.PageAchievedAsync(visitor, "may-moc-tien-tien"));
        var progress = await ProgramProgressTests.ProgressAsync(visitor);
        Assert.Equal(12, progress["may-moc-tien-tien"].ByYear["2022"]);
        var id = await site.WithDbAsync((db, _) => db.Achievements.Select(a => a.Id).SingleAsync());

        using (var edited = await editor.PostFormAsync(Url + "?handler=Save", Form(quantity: "15", date: "15/04/2023", id: id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Url + "?sua=" + id))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        progress = await ProgramProgressTests.ProgressAsync(visitor);
        Assert.Equal(15, progress["may-moc-tien-tien"].Achieved);
        Assert.Equal(0, progress["may-moc-tien-tien"].ByYear["2022"]);
        Assert.Equal(15, progress["may-moc-tien-tien"].ByYear["2023"]);

        using (var withdrawn = await editor.PostFormAsync(Url + "?handler=Delete", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Url))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        Assert.Equal(0, await ProgramProgressTests.PageAchievedAsync(visitor, "may-moc-tien-tien"));
        var (changes, audit, deleted) = await site.WithDbAsync(async (db, _) => (
            await db.AchievementChanges.Where(c => c.AchievementId == id).OrderBy(c => c.Id).Select(c => c.Action + ":" + c.By).ToListAsync(),
            await db.AuditEntries.CountAsync(a => a.EntityType == "achievement" && a.EntityId == id.ToString()),
            await db.Achievements.Where(a => a.Id == id).Select(a => a.IsDeleted).SingleAsync()));
        Assert.Equal(["create", "update", "delete"], changes.Select(c => c.Split(':')[0]));
        Assert.All(changes, c => Assert.StartsWith("publisher-", c.Split(':')[1], StringComparison.Ordinal));
        Assert.Equal(3, audit);
        Assert.True(deleted);

        var page = await editor.GetHtmlAsync(Url);
        Assert.Contains("Lịch sử (3)", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("đã rút", page.MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("khong-co-chi-tieu", "2022-03-15", "1", "https://a.vn/x", "Input.TargetCode")]
    [InlineData("may-moc-tien-tien", "2020-12-31", "1", "https://a.vn/x", "Input.Date")]
    [InlineData("may-moc-tien-tien", "2099-01-01", "1", "https://a.vn/x", "Input.Date")]
    [InlineData("may-moc-tien-tien", "ngày mai", "1", "https://a.vn/x", "Input.Date")]
    [InlineData("may-moc-tien-tien", "2022-03-15", "0", "https://a.vn/x", "Input.Quantity")]
    [InlineData("may-moc-tien-tien", "2022-03-15", "abc", "https://a.vn/x", "Input.Quantity")]
    [InlineData("may-moc-tien-tien", "2022-03-15", "1", "javascript:alert(1)", "Input.EvidenceUrl")]
    [InlineData("may-moc-tien-tien", "2022-03-15", "1", "//evil.example/x", "Input.EvidenceUrl")]
    [InlineData("may-moc-tien-tien", "2022-03-15", "1", "", "Input.EvidenceUrl")]
    public async Task Bad_input_is_refused_with_a_vietnamese_message_and_nothing_is_written(string target, string date, string quantity, string evidence, string field)
    {
        var editor = await site.SignInAsync(Roles.Publisher);
        var count = await site.WithDbAsync((db, _) => db.Achievements.CountAsync());
        using var response = await editor.PostFormAsync(Url + "?handler=Save", Form(target, date, quantity, evidence: evidence), Url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(doc.QuerySelector(".error-summary"));
        Assert.NotNull(doc.QuerySelector($".error-summary a[href='#{field.Replace('.', '_')}']"));
        Assert.Equal(count, await site.WithDbAsync((db, _) => db.Achievements.CountAsync()));
    }

    [Fact]
    public async Task A_malformed_edit_id_is_a_400_and_an_unknown_one_a_404()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        using var bad = await editor.GetAsync(new Uri(Url + "?sua=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var unknown = await editor.GetAsync(new Uri(Url + "?sua=99999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_shows_the_programme_progress_and_the_nav_links_the_page()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var doc = await editor.GetHtmlAsync("/quan-tri");
        Assert.Contains("Chương trình 2021–2025: tiến độ", doc.MainText(), StringComparison.Ordinal);
        Assert.Contains("Bài viết, bản tin trên báo", doc.MainText(), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("nav a[href='/quan-tri/chuong-trinh']"));
    }
}
