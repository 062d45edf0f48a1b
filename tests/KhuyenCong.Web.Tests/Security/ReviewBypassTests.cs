using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin.Establishments;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Security;

/// <summary>
/// What an editor saves never reaches a public page without a publisher: producers shown by published items and
/// programme achievements (public the moment they are saved) are changed by publishers and admins only.
/// </summary>
public sealed class ReviewBypassTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private Task<Establishment> PublicEstablishmentAsync() => site.WithDbAsync((db, _) =>
        db.Products.Where(p => p.Status == ContentStatus.Published && p.EstablishmentId != null)
            .OrderBy(p => p.Id).Select(p => p.Establishment!).FirstAsync());

    private static Dictionary<string, string> Form(Establishment e, string description) => new()
    {
        ["Input.Name"] = e.Name, ["Input.Slug"] = e.Slug, ["Input.Kind"] = EstablishmentPicker.KindCode(e.Kind), ["Input.Address"] = e.Address,
        ["Input.Description"] = description, ["Input.ConsentedToPublish"] = "true",
    };

    [Fact]
    public async Task An_editor_cannot_change_a_producer_that_a_published_product_shows_and_a_publisher_can()
    {
        var e = await PublicEstablishmentAsync();
        var url = $"/quan-tri/co-so/{e.Id}";
        var editor = await site.SignInAsync(Roles.Editor);

        var form = await editor.GetHtmlAsync(url);
        Assert.Null(form.QuerySelector("main form button[type=submit]:not([formaction])"));
        Assert.NotNull(form.QuerySelector("main form fieldset[disabled]"));
        Assert.Contains("Chỉ biên tập viên duyệt bài", form.MainText(), StringComparison.Ordinal);

        const string editorText = "Mô tả do biên tập viên sửa mà chưa duyệt.";
        using (var refused = await editor.PostFormAsync(url, Form(e, editorText), "/quan-tri/thu-vien"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/loi/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var visitor = site.Browser();
        Assert.DoesNotContain(editorText, (await visitor.GetHtmlAsync("/co-so/" + e.Slug)).MainText(), StringComparison.Ordinal);
        Assert.Equal(e.Description, await site.WithDbAsync((db, _) => db.Establishments.Where(x => x.Id == e.Id).Select(x => x.Description).SingleAsync()));

        var publisher = await site.SignInAsync(Roles.Publisher);
        Assert.NotNull((await publisher.GetHtmlAsync(url)).QuerySelector("main form button[type=submit]:not([formaction])"));
        const string publisherText = "Mô tả do người duyệt bài sửa.";
        using (var saved = await publisher.PostFormAsync(url, Form(e, publisherText)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(url, saved.Headers.Location!.ToString());
        }

        Assert.Contains(publisherText, (await visitor.GetHtmlAsync("/co-so/" + e.Slug)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_cannot_add_or_withdraw_programme_achievements_which_are_public_at_once()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var page = await editor.GetHtmlAsync("/quan-tri/chuong-trinh");
        Assert.Null(page.QuerySelector("main form[action*='handler=Save']"));
        var target = await site.WithDbAsync((db, _) => db.ProgramTargets.Select(t => t.Code).FirstAsync());
        var before = await site.WithDbAsync((db, _) => db.Achievements.CountAsync());
        using var refused = await editor.PostFormAsync("/quan-tri/chuong-trinh?handler=Save", new()
        {
            ["Input.Id"] = "0", ["Input.TargetCode"] = target, ["Input.Date"] = "2022-03-15", ["Input.Quantity"] = "5",
            ["Input.Note"] = "Chưa duyệt.", ["Input.EvidenceUrl"] = "https://example.vn/x",
        }, "/quan-tri/thu-vien");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/loi/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await site.WithDbAsync((db, _) => db.Achievements.CountAsync()));
    }

    [Fact]
    public async Task Deleting_a_page_that_has_sub_pages_is_refused_with_a_message_not_a_server_error()
    {
        var parent = await site.WithDbAsync((db, _) => db.Pages.Where(p => db.Pages.Any(c => c.ParentId == p.Id)).Select(p => p.Id).FirstAsync());
        var publisher = await site.SignInAsync(Roles.Publisher);
        using var response = await publisher.PostFormAsync($"/quan-tri/trang/{parent}", new() { ["action"] = "delete" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("còn trang con", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync((db, _) => db.Pages.AnyAsync(p => p.Id == parent)));
    }
}
