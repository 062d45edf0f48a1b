using System.Net;
using ContentPage = KhuyenCong.Web.Models.Page;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Security;

/// <summary>
/// Every POST handler of the editor area, read from the app's endpoint table, × every role: anonymous visitors go to
/// the sign-in page, a user who must change a generated password goes to that form, a role below the one the
/// expectation table names is refused (403), and the roles allowed are not. A new POST handler without an entry in
/// the table fails <see cref="Every_editor_area_post_handler_has_an_expectation"/>. One app per role, so what an
/// allowed role changes (deletes included) never disturbs another role's run.
/// </summary>
public sealed class EditorPostMatrixTests
{
    /// <summary>Who may: the lowest role that may, in the order Editor &lt; Publisher &lt; Admin.</summary>
    public enum Need
    {
        Editor = 1,
        Publisher = 2,
        Admin = 3,
        /// <summary>Refused to every role (e.g. resubmitting a published item).</summary>
        Nobody = 4,
    }

    /// <summary>One POST tried by every role: the endpoint (route pattern and handler) and what is posted.</summary>
    public sealed record Probe(string Route, string Handler, string Url, Dictionary<string, string> Fields, Need Need, string Why);

    /// <summary>The ids a probe needs, looked up in each role's own app (every app imports the same content).</summary>
    private sealed record Ids(Dictionary<string, int> PublishedByType, int PublicEstablishment, int Achievement, int Media);

    private static readonly (string Segment, string Type)[] ContentTypes =
    [
        ("tin-bai", nameof(Article)), ("van-ban", nameof(Document)), ("trang", nameof(ContentPage)), ("san-pham", nameof(Product)),
        ("truyen-hinh", nameof(TvSegment)), ("phong-trung-bay", nameof(Showroom)), ("hoi-cho", nameof(Fair)),
        ("hoi-dap", nameof(QaItem)),
    ];

    /// <summary>The expectation table. Deleting probes come last for their item.</summary>
    private static List<Probe> Probes(Ids ids)
    {
        static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var probes = new List<Probe>();
        foreach (var (segment, type) in ContentTypes)
        {
            var id = ids.PublishedByType[type];
            var item = $"quan-tri/{segment}/{{id:int}}";
            var create = $"quan-tri/{segment}/them";
            probes.Add(new(create, "", $"/{create}", new() { ["action"] = "save", ["Input.Title"] = "" }, Need.Editor, "a new draft"));
            probes.Add(new(create, "", $"/{create}", new() { ["action"] = "publish", ["Input.Title"] = "" }, Need.Publisher, "publish a new item"));
            probes.Add(new(item, "", $"/quan-tri/{segment}/{S(id)}", new() { ["action"] = "save", ["Input.Title"] = "" }, Need.Publisher, "change a published item"));
            probes.Add(new(item, "", $"/quan-tri/{segment}/{S(id)}", new() { ["action"] = "submit", ["Input.Title"] = "" }, Need.Nobody, "resubmit a published item"));
            probes.Add(new(item, "", $"/quan-tri/{segment}/{S(id)}", new() { ["action"] = "preview" }, Need.Editor, "preview only (nothing saved)"));
            probes.Add(new(item, "", $"/quan-tri/{segment}/{S(id)}", new() { ["action"] = "archive" }, Need.Publisher, "archive a published item"));
            probes.Add(new("quan-tri/lich-su/{type}/{id:int}", "Restore", $"/quan-tri/lich-su/{segment}/{S(id)}?handler=Restore", new() { ["number"] = "1" }, Need.Publisher, "restore over an archived item"));
            probes.Add(new(item, "", $"/quan-tri/{segment}/{S(id)}", new() { ["action"] = "delete" }, Need.Publisher, "delete"));
            // The media picker's search, upload and add buttons change only the form (an upload joins the library,
            // which any editor may add to); forms without image fields answer 400.
            probes.Add(new(create, "Media", $"/{create}?handler=Media", new() { ["media-op"] = "search:anh-dai-dien" }, Need.Editor, "media picker, nothing saved"));
            probes.Add(new(item, "Media", $"/quan-tri/{segment}/{S(id)}?handler=Media", new() { ["media-op"] = "search:anh-dai-dien" }, Need.Editor, "media picker, nothing saved"));
            if (segment == "san-pham")
            {
                probes.Add(new(create, "AddRows", $"/{create}?handler=AddRows", [], Need.Editor, "form rows only"));
                probes.Add(new(item, "AddRows", $"/quan-tri/{segment}/{S(id)}?handler=AddRows", [], Need.Editor, "form rows only"));
            }
        }

        var est = S(ids.PublicEstablishment);
        probes.Add(new("quan-tri/co-so/them", "", "/quan-tri/co-so/them", new() { ["Input.Name"] = "" }, Need.Editor, "a new establishment is on no public page"));
        probes.Add(new("quan-tri/co-so/{id:int}", "", $"/quan-tri/co-so/{est}", new() { ["Input.Name"] = "Đổi tên" }, Need.Publisher, "an establishment a published product shows"));
        probes.Add(new("quan-tri/co-so/{id:int}", "Delete", $"/quan-tri/co-so/{est}?handler=Delete", [], Need.Publisher, "delete an establishment"));
        probes.Add(new("quan-tri/co-so/them", "Delete", "/quan-tri/co-so/them?handler=Delete", [], Need.Publisher, "delete an establishment"));
        probes.Add(new("quan-tri/chuong-trinh", "Save", "/quan-tri/chuong-trinh?handler=Save", new() { ["Input.Id"] = S(ids.Achievement) }, Need.Publisher, "achievements are public at once"));
        probes.Add(new("quan-tri/chuong-trinh", "Delete", "/quan-tri/chuong-trinh?handler=Delete", new() { ["id"] = S(ids.Achievement) }, Need.Publisher, "withdraw a public achievement"));
        probes.Add(new("quan-tri/chuong-trinh/giai-doan", "", "/quan-tri/chuong-trinh/giai-doan", new() { ["Input.Code"] = "" }, Need.Admin, "a new programme period changes the public programme"));
        probes.Add(new("quan-tri/thu-vien", "Upload", "/quan-tri/thu-vien?handler=Upload", [], Need.Editor, "an upload is on no page until used"));
        probes.Add(new("quan-tri/thu-vien", "Delete", "/quan-tri/thu-vien?handler=Delete", new() { ["id"] = S(ids.Media) }, Need.Editor, "a file in use is never deleted"));
        foreach (var handler in new[] { "Status", "Note", "Assign", "Export", "Erase" })
        {
            probes.Add(new("quan-tri/dang-ky/{id:long}", handler, $"/quan-tri/dang-ky/1?handler={handler}", [], Need.Editor, "registrations are staff work, never public"));
        }

        foreach (var handler in new[] { "Status", "Note", "Assign", "Answer", "Export", "Erase" })
        {
            probes.Add(new("quan-tri/cau-hoi/{id:long}", handler, $"/quan-tri/cau-hoi/1?handler={handler}", [], Need.Editor, "questions are staff work, never public"));
        }

        foreach (var handler in new[] { "Approve", "Reject", "Erase" })
        {
            probes.Add(new("quan-tri/gop-y", handler, $"/quan-tri/gop-y?handler={handler}", new() { ["id"] = "0" }, Need.Editor, "moderating comments on drafts is staff work"));
        }

        probes.Add(new("quan-tri/gop-y/{id:long}", "Reply", "/quan-tri/gop-y/1?handler=Reply", new() { ["tra-loi"] = "" }, Need.Editor, "replying to comments on drafts is staff work"));

        probes.Add(new("quan-tri/cau-hoi/{id:long}", "Publish", "/quan-tri/cau-hoi/1?handler=Publish", [], Need.Publisher, "publishing makes a public page"));

        probes.Add(new("quan-tri/thu-gui", "Retry", "/quan-tri/thu-gui?handler=Retry", new() { ["id"] = "1" }, Need.Admin, "the outbox (recipients, SMTP answers) is admins' only"));
        foreach (var handler in new[] { "Export", "Erase" })
        {
            probes.Add(new("quan-tri/thu-gui/nguoi-nhan-tin", handler, $"/quan-tri/thu-gui/nguoi-nhan-tin?handler={handler}", new() { ["thu-dien-tu"] = "" }, Need.Admin, "subscribers' personal data"));
        }

        foreach (var handler in new[] { "Create", "Role", "Disable", "Reset" })
        {
            probes.Add(new("quan-tri/nguoi-dung", handler, $"/quan-tri/nguoi-dung?handler={handler}", new() { ["id"] = "none", ["role"] = Roles.Admin }, Need.Admin, "accounts"));
        }

        return probes;
    }

    /// <summary>(route pattern, handler) of every POST handler under /quan-tri, from the endpoint table.</summary>
    private static async Task<SortedSet<string>> PostHandlersAsync(SiteFactory site)
    {
        var loader = site.Services.GetRequiredService<PageLoader>();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!route.StartsWith("quan-tri", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(Key(route, handler.Name ?? ""));
            }
        }

        return found;
    }

    private static string Key(string route, string handler) => $"POST {route} {handler}".TrimEnd();

    /// <summary>The starting content has no "Hỏi đáp" item: one is published through the publisher for the probes.</summary>
    private static async Task<int> PublishedQaItemAsync(KhuyenCong.Web.Data.AppDbContext db, IServiceProvider sp)
    {
        var item = new QaItem
        {
            Title = "Hỏi đáp thử quyền", Slug = "hoi-dap-thu-quyen", QuestionText = "Câu hỏi?", BodyMarkdown = "Trả lời.",
            Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddMinutes(-1),
        };
        db.QaItems.Add(item);
        await sp.GetRequiredService<KhuyenCong.Web.Services.Content.ContentPublisher>().SaveAsync(item, "test", "publish");
        return item.Id;
    }

    private static Task<Ids> IdsAsync(SiteFactory site) => site.WithDbAsync(async (db, sp) =>
    {
        var published = new Dictionary<string, int>
        {
            [nameof(Article)] = await db.Articles.Where(x => x.Status == ContentStatus.Published).Select(x => x.Id).FirstAsync(),
            [nameof(Document)] = await db.Documents.Where(x => x.Status == ContentStatus.Published).Select(x => x.Id).FirstAsync(),
            [nameof(ContentPage)] = await db.Pages.Where(x => x.Status == ContentStatus.Published).Select(x => x.Id).FirstAsync(),
            [nameof(Product)] = await db.Products.Where(x => x.Status == ContentStatus.Published && x.EstablishmentId != null).Select(x => x.Id).FirstAsync(),
            [nameof(TvSegment)] = await db.TvSegments.Where(x => x.Status == ContentStatus.Published).Select(x => x.Id).FirstAsync(),
            [nameof(Showroom)] = await db.Showrooms.Where(x => x.Status == ContentStatus.Published).Select(x => x.Id).FirstAsync(),
            [nameof(Fair)] = await db.Fairs.Where(x => x.Status == ContentStatus.Published).Select(x => x.Id).FirstAsync(),
            [nameof(QaItem)] = await PublishedQaItemAsync(db, sp),
        };
        var establishment = await db.Products.Where(x => x.Status == ContentStatus.Published && x.EstablishmentId != null)
            .OrderByDescending(x => x.Id).Select(x => x.EstablishmentId!.Value).FirstAsync();
        var achievement = new Achievement
        {
            TargetCode = await db.ProgramTargets.Select(t => t.Code).FirstAsync(), Date = new DateTime(2022, 3, 1), Quantity = 1,
            Note = "Kết quả thử quyền.", EvidenceUrl = "https://example.vn/minh-chung", CreatedBy = "test", CreatedAt = DateTime.UtcNow,
        };
        db.Achievements.Add(achievement);
        await db.SaveChangesAsync();
        var media = await db.MediaFiles.Select(m => m.Id).FirstAsync();
        return new Ids(published, establishment, achievement.Id, media);
    });

    [Fact]
    public async Task Every_editor_area_post_handler_has_an_expectation()
    {
        await using var site = new SiteFactory();
        var ids = await IdsAsync(site);
        var expected = Probes(ids).Select(p => Key(p.Route, p.Handler)).ToHashSet(StringComparer.Ordinal);
        var handlers = await PostHandlersAsync(site);
        Assert.True(handlers.Count >= 20, "POST handlers found: " + string.Join(", ", handlers));
        var missing = handlers.Where(h => !expected.Contains(h)).ToList();
        Assert.True(missing.Count == 0, "POST handlers without an entry in the expectation table: " + string.Join("; ", missing));
        var stale = expected.Where(e => !handlers.Contains(e)).ToList();
        Assert.True(stale.Count == 0, "expectations for handlers that no longer exist: " + string.Join("; ", stale));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("must-change-password")]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Publisher)]
    [InlineData(Roles.Admin)]
    public async Task Each_role_gets_what_the_table_says_on_every_editor_area_post(string role)
    {
        await using var site = new SiteFactory();
        var ids = await IdsAsync(site);
        HttpClient client;
        string tokenPage;
        Need? level = null;
        switch (role)
        {
            case "anonymous":
                client = site.NewBrowser();
                tokenPage = "/dang-nhap";
                break;
            case "must-change-password":
                client = await site.SignInAsync(Roles.Admin, mustChangePassword: true);
                tokenPage = "/doi-mat-khau";
                break;
            default:
                client = await site.SignInAsync(role);
                tokenPage = "/quan-tri/thu-vien";
                level = Enum.Parse<Need>(role);
                break;
        }

        var token = (await client.GetHtmlAsync(tokenPage)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        var failures = new List<string>();
        foreach (var probe in Probes(ids))
        {
            var fields = new Dictionary<string, string>(probe.Fields) { ["__RequestVerificationToken"] = token! };
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(new Uri(probe.Url, UriKind.Relative), content);
            var location = response.Headers.Location?.ToString() ?? "";
            var status = (int)response.StatusCode;
            var refused = status == 403 || (status == 302 && location.Contains("/loi/403", StringComparison.Ordinal));
            var what = $"{role} POST {probe.Url} [{string.Join(",", probe.Fields.Select(f => f.Key + "=" + f.Value))}] ({probe.Why}): {status} {location}";
            if (status >= 500)
            {
                failures.Add("server error: " + what);
            }
            else if (level is null && role == "anonymous")
            {
                if (!(status == 302 && location.Contains("/dang-nhap", StringComparison.Ordinal)))
                {
                    failures.Add("expected the sign-in page: " + what);
                }
            }
            else if (level is null)
            {
                if (!(status == 302 && location.EndsWith("/doi-mat-khau", StringComparison.Ordinal)))
                {
                    failures.Add("expected the change-password form: " + what);
                }
            }
            else if (level < probe.Need && !refused)
            {
                failures.Add($"expected 403 (needs {probe.Need}): " + what);
            }
            else if (level >= probe.Need && (refused || location.Contains("/dang-nhap", StringComparison.Ordinal)))
            {
                failures.Add("expected to be allowed: " + what);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
