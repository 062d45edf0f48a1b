using System.Net;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin.Establishments;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Services.Content;

/// <summary>A site whose saves fail on demand (a database fault in the middle of a change).</summary>
public sealed class FaultySaveSite : SiteFactory
{
    public FailingSave Fault { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Fault));
    }
}

/// <summary>Throws on a save whose changes match <see cref="When"/>, as a lost connection or a violated constraint would.</summary>
public sealed class FailingSave : SaveChangesInterceptor
{
    public Func<DbContext, bool>? When { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && When?.Invoke(context) == true)
        {
            throw new DbUpdateException("Lỗi cơ sở dữ liệu giả lập cho kiểm thử.");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>
/// The one write path has no side doors: a delete, a slug change, a producer's edit and a programme result are each
/// one transaction with their audit entry, search entry and redirects, so a fault halfway leaves nothing half done.
/// </summary>
public sealed class ContentPublisherTests(FaultySaveSite site) : IClassFixture<FaultySaveSite>
{
    private static Dictionary<string, string> ArticleForm(Article article, string slug, string action) => new()
    {
        ["Input.Title"] = article.Title, ["Input.Slug"] = slug, ["Input.Summary"] = article.Summary, ["Input.Body"] = article.BodyMarkdown,
        ["Input.PublishAt"] = "", ["Input.UnpublishAt"] = "", ["Input.Note"] = "", ["action"] = action,
    };

    private static bool Has<T>(DbContext db, EntityState state, Func<T, bool> match) where T : class =>
        db.ChangeTracker.Entries<T>().Any(e => e.State == state && match(e.Entity));

    /// <summary>Posts while the fault is armed; the request fails (a 500 page or the exception itself).</summary>
    private async Task PostFailingAsync(HttpClient client, string url, Dictionary<string, string> form, Func<DbContext, bool> when)
    {
        var page = url.Contains('?', StringComparison.Ordinal) ? url[..url.IndexOf('?', StringComparison.Ordinal)] : url;
        site.Fault.When = when;
        try
        {
            using var response = await client.PostFormAsync(url, form, page);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        }
        catch (DbUpdateException)
        {
        }
        finally
        {
            site.Fault.When = null;
        }
    }

    [Fact]
    public async Task A_delete_that_fails_leaves_the_item_published_searchable_and_without_a_delete_entry_in_the_audit_log()
    {
        var article = await site.NewArticleAsync("Bài xóa hỏng giữa chừng");
        var publisher = await site.SignInAsync(Roles.Publisher);
        await PostFailingAsync(publisher, $"/quan-tri/tin-bai/{article.Id}", ArticleForm(article, article.Slug, "delete"),
            db => Has<Article>(db, EntityState.Deleted, a => a.Id == article.Id));

        var (status, deletes, indexed) = await site.WithDbAsync(async (db, _) => (
            await db.Articles.Where(a => a.Id == article.Id).Select(a => a.Status).SingleAsync(),
            await db.AuditEntries.CountAsync(a => a.Action == "delete" && a.EntityType == nameof(Article) && a.EntityId == article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await db.SearchItems.AnyAsync(s => s.Kind == SearchKinds.Article && s.ItemId == article.Id && !s.Removed)));
        Assert.Equal(ContentStatus.Published, status);
        Assert.Equal(0, deletes);
        Assert.True(indexed);
        await site.Browser().GetHtmlAsync(SiteUrls.Article(article.Slug));
    }

    [Fact]
    public async Task A_delete_removes_the_item_its_search_entry_and_its_old_addresses_and_is_in_the_audit_log()
    {
        var article = await site.NewArticleAsync("Bài sẽ bị xóa hẳn");
        var publisher = await site.SignInAsync(Roles.Publisher);
        var oldSlug = article.Slug;
        using (var renamed = await publisher.PostFormAsync($"/quan-tri/tin-bai/{article.Id}", ArticleForm(article, oldSlug + "-moi", "publish")))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        using (var deleted = await publisher.PostFormAsync($"/quan-tri/tin-bai/{article.Id}", ArticleForm(article, oldSlug + "-moi", "delete")))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var id = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exists, redirects, indexed, deletes) = await site.WithDbAsync(async (db, _) => (
            await db.Articles.AnyAsync(a => a.Id == article.Id),
            await db.SlugRedirects.CountAsync(r => r.ContentType == nameof(Article) && r.ContentId == article.Id),
            await db.SearchItems.AnyAsync(s => s.Kind == SearchKinds.Article && s.ItemId == article.Id && !s.Removed),
            await db.AuditEntries.CountAsync(a => a.Action == "delete" && a.EntityType == nameof(Article) && a.EntityId == id)));
        Assert.False(exists);
        Assert.Equal(0, redirects);
        Assert.False(indexed);
        Assert.Equal(1, deletes);
        using var gone = await site.Browser().GetAsync(new Uri(SiteUrls.Article(oldSlug), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_slug_change_that_fails_keeps_the_old_address_redirecting()
    {
        var article = await site.NewArticleAsync("Bài đổi đường dẫn hỏng giữa chừng");
        var publisher = await site.SignInAsync(Roles.Publisher);
        var first = article.Slug;
        var second = first + "-hai";
        using (var renamed = await publisher.PostFormAsync($"/quan-tri/tin-bai/{article.Id}", ArticleForm(article, second, "publish")))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        // Taking the first address back fails in the save: the first address must still redirect to the second.
        await PostFailingAsync(publisher, $"/quan-tri/tin-bai/{article.Id}", ArticleForm(article, first, "publish"),
            db => Has<Article>(db, EntityState.Modified, a => a.Id == article.Id));

        using var old = await site.Browser().GetAsync(new Uri(SiteUrls.Article(first), UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(SiteUrls.Article(second), old.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_renamed_sub_page_answers_301_at_its_old_path()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var parent = new Page { Title = "Trang cha thử đổi tên", Slug = "trang-cha-" + suffix, Path = "trang-cha-" + suffix, Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddMinutes(-5) };
        await site.SaveAsync(parent);
        var child = new Page
        {
            Title = "Trang con thử đổi tên", Slug = "trang-con", Path = parent.Path + "/trang-con", ParentId = parent.Id, BodyMarkdown = "Nội dung trang con.",
            Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddMinutes(-5),
        };
        await site.SaveAsync(child);
        var publisher = await site.SignInAsync(Roles.Publisher);
        using (var renamed = await publisher.PostFormAsync($"/quan-tri/trang/{child.Id}", new()
        {
            ["Input.Title"] = child.Title, ["Input.Slug"] = "trang-con-moi", ["Input.Summary"] = "", ["Input.Body"] = child.BodyMarkdown,
            ["Input.PublishAt"] = "", ["Input.UnpublishAt"] = "", ["Input.Note"] = "", ["action"] = "publish",
            ["Extra.ParentId"] = parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Extra.SortOrder"] = "0", ["Extra.Language"] = "vi",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        using var old = await site.Browser().GetAsync(new Uri(SiteUrls.Page(child.Path), UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(SiteUrls.Page(parent.Path + "/trang-con-moi"), old.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_producer_rename_that_fails_keeps_the_old_address_redirecting()
    {
        var e = await site.WithDbAsync((db, _) => db.Products.Where(p => p.Status == ContentStatus.Published && p.EstablishmentId != null)
            .OrderByDescending(p => p.Id).Select(p => p.Establishment!).FirstAsync());
        var first = e.Slug;
        var second = first + "-doi-ten";
        Dictionary<string, string> Form(string slug) => new()
        {
            ["Input.Name"] = e.Name, ["Input.Slug"] = slug, ["Input.Kind"] = EstablishmentPicker.KindCode(e.Kind), ["Input.Address"] = e.Address,
            ["Input.Description"] = e.Description, ["Input.ConsentedToPublish"] = e.ConsentedToPublish ? "true" : "false",
        };
        var publisher = await site.SignInAsync(Roles.Publisher);
        using (var saved = await publisher.PostFormAsync($"/quan-tri/co-so/{e.Id}", Form(second)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await PostFailingAsync(publisher, $"/quan-tri/co-so/{e.Id}", Form(first),
            db => Has<Establishment>(db, EntityState.Modified, x => x.Id == e.Id));

        using var old = await site.Browser().GetAsync(new Uri(SiteUrls.Establishment(first), UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(SiteUrls.Establishment(second), old.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_programme_result_is_never_saved_without_its_audit_entry()
    {
        const string note = "Kết quả ghi khi nhật ký hỏng.";
        var publisher = await site.SignInAsync(Roles.Publisher);
        await PostFailingAsync(publisher, "/quan-tri/chuong-trinh?handler=Save", new()
        {
            ["Input.Id"] = "0", ["Input.TargetCode"] = "may-moc-tien-tien", ["Input.Date"] = "2022-03-15", ["Input.Quantity"] = "3",
            ["Input.Note"] = note, ["Input.EvidenceUrl"] = "https://sct.bentre.gov.vn/ket-qua", ["Input.EvidenceDocumentId"] = "",
        }, db => Has<AuditEntry>(db, EntityState.Added, a => a.EntityType == "achievement"));

        Assert.False(await site.WithDbAsync((db, _) => db.Achievements.AnyAsync(a => a.Note == note)));
    }

    [Fact]
    public async Task The_publishing_node_evicts_its_own_change_once_and_a_change_from_elsewhere_still_evicts()
    {
        var changes = site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ContentChanges>().Single();
        var visitor = site.Browser();
        // An article page rendered once before, so the visit below follows the publish within milliseconds, well
        // inside the node's one look a second at the stamp.
        await visitor.GetHtmlAsync("/tin-tuc/" + (await site.NewArticleAsync("Bài làm nóng " + Guid.NewGuid().ToString("N")[..6])).Slug);
        var article = await site.NewArticleAsync("Bài đăng ở nút này " + Guid.NewGuid().ToString("N")[..6]);
        var url = "/tin-tuc/" + article.Slug;
        await visitor.GetHtmlAsync(url);

        // A title written behind the site's back: the cached page keeps the old one when the node looks at the stamp,
        // since the stamp has not moved since this node's own publish and eviction.
        var changed = "Tiêu đề đổi thẳng trong cơ sở dữ liệu " + Guid.NewGuid().ToString("N")[..6];
        await site.WithDbAsync((db, _) => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, changed)));
        await changes.CheckAsync(CancellationToken.None);
        Assert.DoesNotContain(changed, (await visitor.GetHtmlAsync(url)).MainText(), StringComparison.Ordinal);

        // Another writer (a process or node) moves the stamp: the next look evicts.
        await site.WithDbAsync(async (db, _) =>
        {
            await ContentChanges.BumpAsync(db);
            return true;
        });
        await changes.CheckAsync(CancellationToken.None);
        Assert.Contains(changed, (await visitor.GetHtmlAsync(url)).MainText(), StringComparison.Ordinal);
    }
}
