using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin.Audit;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>The dashboard covers every content type; the dashboard and the audit log speak Vietnamese.</summary>
public sealed partial class DashboardAndAuditTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Moves an imported item of each kind into a state through the one write path.</summary>
    private Task<string> SetStateAsync<T>(Func<KhuyenCong.Web.Data.AppDbContext, IQueryable<T>> set, ContentStatus status, DateTime? publishAt, string title) where T : RoutedContent =>
        site.WithDbAsync(async (db, sp) =>
        {
            var item = await set(db).OrderByDescending(x => x.Id).FirstAsync(x => x.Status == ContentStatus.Published);
            item.Status = status;
            item.PublishAt = publishAt ?? item.PublishAt;
            item.Title = title;
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(item, "test", "save");
            return title;
        });

    private static string Section(AngleSharp.Html.Dom.IHtmlDocument page, string headingId) =>
        page.QuerySelector($"section[aria-labelledby={headingId}]")?.TextContent ?? "";

    [Fact]
    public async Task The_dashboard_lists_every_content_type_waiting_for_review_or_scheduled()
    {
        var later = DateTime.UtcNow.AddDays(3);
        var inReview = new[]
        {
            await SetStateAsync(db => db.Products, ContentStatus.InReview, null, "Sản phẩm chờ duyệt trên bảng"),
            await SetStateAsync(db => db.TvSegments, ContentStatus.InReview, null, "Kỳ truyền hình chờ duyệt trên bảng"),
            await SetStateAsync(db => db.Showrooms, ContentStatus.InReview, null, "Phòng trưng bày chờ duyệt trên bảng"),
        };
        var scheduled = new[]
        {
            await SetStateAsync(db => db.Fairs, ContentStatus.Published, later, "Hội chợ lên lịch trên bảng"),
            await SetStateAsync(db => db.Products, ContentStatus.Published, later, "Sản phẩm lên lịch trên bảng"),
        };

        var editor = await site.SignInAsync(Roles.Editor);
        var page = await editor.GetHtmlAsync("/quan-tri");
        Assert.All(inReview, t => Assert.Contains(t, Section(page, "in-review-heading"), StringComparison.Ordinal));
        Assert.All(scheduled, t => Assert.Contains(t, Section(page, "scheduled-heading"), StringComparison.Ordinal));
        Assert.Contains("Hội chợ lên lịch trên bảng", Section(page, "recent-heading"), StringComparison.Ordinal);
        var counts = page.QuerySelectorAll(".stat-grid a").Select(a => a.TextContent).ToList();
        Assert.Superset(new HashSet<string> { "Tin bài", "Văn bản", "Trang", "Sản phẩm", "Truyền hình", "Phòng trưng bày", "Hội chợ" }, counts.ToHashSet());
    }

    [Fact]
    public async Task An_item_sent_back_shows_on_its_authors_dashboard_with_the_reason_and_not_on_others()
    {
        var author = await site.SignInAsync(Roles.Editor);
        var other = await site.SignInAsync(Roles.Editor);
        var publisher = await site.SignInAsync(Roles.Publisher);
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Tin bị trả lại để bổ sung", ["Input.Slug"] = "", ["Input.Summary"] = "Tóm tắt.", ["Input.Body"] = "Nội dung.",
            ["Input.PublishAt"] = "", ["Input.UnpublishAt"] = "", ["Input.Note"] = "", ["action"] = "submit",
        };
        int id;
        using (var created = await author.PostFormAsync("/quan-tri/tin-bai/them", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            id = int.Parse(created.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }

        form["action"] = "sendback";
        form["Input.Note"] = "Thiếu số liệu năm 2025.";
        using (var back = await publisher.PostFormAsync($"/quan-tri/tin-bai/{id}", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        }

        var mine = Section(await author.GetHtmlAsync("/quan-tri"), "sent-back-heading");
        Assert.Contains("Tin bị trả lại để bổ sung", mine, StringComparison.Ordinal);
        Assert.Contains("Thiếu số liệu năm 2025.", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin bị trả lại để bổ sung", Section(await other.GetHtmlAsync("/quan-tri"), "sent-back-heading"), StringComparison.Ordinal);

        // Submitted again: no longer "sent back".
        form["action"] = "submit";
        using (await author.PostFormAsync($"/quan-tri/tin-bai/{id}", form))
        {
        }

        Assert.DoesNotContain("Tin bị trả lại để bổ sung", Section(await author.GetHtmlAsync("/quan-tri"), "sent-back-heading"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_shows_every_action_and_type_in_Vietnamese()
    {
        const string actor = "kiem-tra-nhat-ky@khuyencong.test";
        var types = AuditText.KnownTypes.ToList();
        var actions = AuditText.KnownActions.ToList();
        await site.WithDbAsync(async (db, sp) =>
        {
            var audit = sp.GetRequiredService<AuditLog>();
            for (var i = 0; i < actions.Count; i++)
            {
                audit.Add(actions[i], types[i % types.Count], "12", "chi tiết kiểm tra", actor);
            }

            for (var i = actions.Count; i < types.Count; i++)
            {
                audit.Add("save", types[i], "12", "chi tiết kiểm tra", actor);
            }

            await db.SaveChangesAsync();
            return 0;
        });

        var admin = await site.SignInAsync(Roles.Admin);
        var page = await admin.GetHtmlAsync("/quan-tri/nhat-ky?nguoi=kiem-tra-nhat-ky");
        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(Math.Max(actions.Count, types.Count), rows.Count);
        var shown = string.Join('\n', rows.Select(r => string.Join(" | ", r.QuerySelectorAll("td").Skip(2).Take(2).Select(c => c.TextContent.Trim()))))
            + string.Join('\n', page.QuerySelectorAll("select option").Select(o => o.TextContent));
        foreach (var code in actions.Concat(types))
        {
            Assert.DoesNotMatch(new Regex($@"(?<![\p{{L}}-]){Regex.Escape(code)}(?![\p{{L}}-])"), shown);
        }

        Assert.DoesNotMatch(AsciiWord(), string.Join(' ', rows.Select(r => r.QuerySelectorAll("td")[2].TextContent)));
        Assert.Contains("đổi mật khẩu", shown, StringComparison.Ordinal);

        // The dashboard's recent list speaks the same language.
        var dashboard = (await admin.GetHtmlAsync("/quan-tri")).QuerySelector("main")!.TextContent;
        Assert.DoesNotMatch(new Regex(@"\b(save|publish|import|password-change|User|Registration|Article|Fair)\b"), dashboard);
    }

    [GeneratedRegex(@"\b(save|submit|publish|send|archive|delete|restore|import|create|update|media|user|password|login|logout|registration)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsciiWord();

    /// <summary>Every editor-area page (from the app's endpoint table) with a real item for each {id}.</summary>
    private async Task<List<string>> EditorPagesAsync()
    {
        var firstIds = await site.WithDbAsync(async (db, _) => new Dictionary<string, int>
        {
            ["tin-bai"] = await db.Articles.MinAsync(x => x.Id), ["van-ban"] = await db.Documents.MinAsync(x => x.Id),
            ["trang"] = await db.Pages.MinAsync(x => x.Id), ["san-pham"] = await db.Products.MinAsync(x => x.Id),
            ["truyen-hinh"] = await db.TvSegments.MinAsync(x => x.Id), ["phong-trung-bay"] = await db.Showrooms.MinAsync(x => x.Id),
            ["hoi-cho"] = await db.Fairs.MinAsync(x => x.Id), ["co-so"] = await db.Establishments.MinAsync(x => x.Id),
        });
        var patterns = site.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => p.StartsWith("/quan-tri", StringComparison.Ordinal)).Distinct().ToList();
        var urls = new List<string>();
        foreach (var pattern in patterns)
        {
            if (pattern.Contains("{type}", StringComparison.Ordinal))
            {
                urls.AddRange(firstIds.Where(x => x.Key != "co-so").Select(x => pattern.Replace("{type}", x.Key, StringComparison.Ordinal)
                    .Replace("{id:int}", x.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
                continue;
            }

            var parts = pattern.Split('/');
            var segment = parts.Length > 2 ? parts[2] : "";
            var url = pattern.Replace("{id:int}", firstIds.GetValueOrDefault(segment, 0).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{id:int?}", "", StringComparison.Ordinal);
            if (!url.Contains('{', StringComparison.Ordinal) && !url.EndsWith("/0", StringComparison.Ordinal))
            {
                urls.Add(url.TrimEnd('/'));
            }
        }

        return urls.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Every_editor_page_has_unique_ids_and_labels_that_name_form_fields()
    {
        var admin = await site.SignInAsync(Roles.Admin);
        var urls = await EditorPagesAsync();
        Assert.Contains("/quan-tri/san-pham/them", urls);
        Assert.Contains(urls, u => u.StartsWith("/quan-tri/lich-su/hoi-cho/", StringComparison.Ordinal));
        foreach (var url in urls)
        {
            var page = await admin.GetHtmlAsync(url);
            var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            var repeated = ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"{url}: repeated ids {string.Join(", ", repeated)}");
            foreach (var label in page.QuerySelectorAll("label[for]"))
            {
                var target = page.GetElementById(label.GetAttribute("for")!);
                Assert.True(target?.TagName is "INPUT" or "SELECT" or "TEXTAREA", $"{url}: label “{label.TextContent.Trim()}” points at {target?.TagName ?? "nothing"}");
            }
        }
    }

    /// <summary>A new audit action written anywhere in the code must get its Vietnamese words, or this fails.</summary>
    [Fact]
    public void Every_audit_action_written_by_the_code_has_Vietnamese_words()
    {
        var src = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(src, "src", "KhuyenCong.Web")))
        {
            src = Path.GetDirectoryName(src) ?? throw new InvalidOperationException("repository root not found");
        }

        var known = AuditText.KnownActions.ToHashSet(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(src, "src", "KhuyenCong.Web"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(text, @"audit\.(?:Add|WriteAsync)\((?<args>[^;]*)"))
            {
                written.UnionWith(Regex.Matches(m.Groups["args"].Value, @"""(?<code>[a-z]+(?:-[a-z]+)*)""").Select(c => c.Groups["code"].Value).Take(2));
            }

            foreach (Match m in Regex.Matches(text, @"publisher\.SaveAsync\((?<args>[^;]*)"))
            {
                written.UnionWith(Regex.Matches(m.Groups["args"].Value, @"""(?<code>[a-z]+(?:-[a-z]+)*)""").Select(c => c.Groups["code"].Value));
            }
        }

        Assert.Contains("password-change", written);
        Assert.Contains("scheduled-publish", written);
        var unknown = written.Where(c => !known.Contains(c) && !AuditText.KnownTypes.Contains(c)).ToList();
        Assert.True(unknown.Count == 0, "audit actions without Vietnamese words: " + string.Join(", ", unknown));
    }
}
