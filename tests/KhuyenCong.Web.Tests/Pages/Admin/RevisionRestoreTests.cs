using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Admin;

public sealed class RevisionRestoreTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private Task<List<string>> TagsAsync(int id) => site.WithDbAsync((db, _) =>
        db.Articles.Where(a => a.Id == id).SelectMany(a => a.Tags).Select(t => t.Name).OrderBy(n => n).ToListAsync());

    [Fact]
    public async Task Restoring_an_article_brings_back_its_tags_and_a_save_that_did_not_load_them_leaves_them_alone()
    {
        var article = await site.NewArticleAsync("Bài có nhãn để khôi phục");
        await site.WithDbAsync(async (db, sp) =>
        {
            var a = await db.Articles.Include(x => x.Tags).SingleAsync(x => x.Id == article.Id);
            a.Tags.Add(new Tag { Name = "Nhãn khôi phục Kẹo", Slug = Slugifier.Slugify("Nhãn khôi phục Kẹo") });
            a.Tags.Add(new Tag { Name = "Nhãn khôi phục Bao bì", Slug = Slugifier.Slugify("Nhãn khôi phục Bao bì") });
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(a, "test", "save"); // revision 2: two tags
            return 0;
        });

        // Revision 3: saved the way the scheduler saves, without loading the tags.
        await site.WithDbAsync(async (db, sp) =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == article.Id);
            a.Summary = "Tóm tắt đổi khi đăng theo lịch.";
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(a, "lịch đăng", "scheduled-publish");
            return 0;
        });
        var third = await site.WithDbAsync((db, _) => db.Revisions.Where(r => r.ContentType == nameof(Article) && r.ContentId == article.Id)
            .OrderByDescending(r => r.Number).FirstAsync());
        Assert.Equal(3, third.Number);
        Assert.DoesNotContain("\"Tags\"", third.SnapshotJson, StringComparison.Ordinal);

        // Revision 4: the tags removed by an editor.
        await site.WithDbAsync(async (db, sp) =>
        {
            var a = await db.Articles.Include(x => x.Tags).SingleAsync(x => x.Id == article.Id);
            a.Tags.Clear();
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(a, "test", "save");
            return 0;
        });
        Assert.Empty(await TagsAsync(article.Id));

        var publisher = await site.SignInAsync(Roles.Publisher);
        using (var restore = await publisher.PostFormAsync($"/quan-tri/lich-su/tin-bai/{article.Id}?handler=Restore", new() { ["number"] = "2" }, $"/quan-tri/lich-su/tin-bai/{article.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }

        Assert.Equal(["Nhãn khôi phục Bao bì", "Nhãn khôi phục Kẹo"], await TagsAsync(article.Id));

        // Restoring revision 3 (no tag list recorded) restores its summary and leaves the tags as they are.
        using (var restore = await publisher.PostFormAsync($"/quan-tri/lich-su/tin-bai/{article.Id}?handler=Restore", new() { ["number"] = "3" }, $"/quan-tri/lich-su/tin-bai/{article.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }

        Assert.Equal(["Nhãn khôi phục Bao bì", "Nhãn khôi phục Kẹo"], await TagsAsync(article.Id));
        var restored = await site.WithDbAsync((db, _) => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(("Tóm tắt đổi khi đăng theo lịch.", ContentStatus.Published), (restored.Summary, restored.Status));
    }
}
