using System.Net;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>
/// Every admin page and handler, enumerated from the app's own endpoint table so a new one cannot be
/// forgotten, refuses anonymous users, users without the needed role, and POSTs without an antiforgery token.
/// </summary>
public sealed class AdminAccessTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private List<string> AdminUrls()
    {
        var urls = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.StartsWith("quan-tri", StringComparison.Ordinal) || p.StartsWith("/quan-tri", StringComparison.Ordinal))
            .Select(p => "/" + p.TrimStart('/')
                .Replace("{id:int?}", "1", StringComparison.Ordinal)
                .Replace("{id:int}", "1", StringComparison.Ordinal)
                .Replace("{id:long}", "1", StringComparison.Ordinal)
                .Replace("{type}", "tin-bai", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(urls.Count >= 14, "admin endpoints found: " + string.Join(", ", urls));
        Assert.All(urls, u => Assert.DoesNotContain("{", u, StringComparison.Ordinal));
        return urls;
    }

    private static bool IsAdminOnly(string url) =>
        url.StartsWith("/quan-tri/nguoi-dung", StringComparison.Ordinal) || url.StartsWith("/quan-tri/nhat-ky", StringComparison.Ordinal)
        || url.StartsWith("/quan-tri/chuong-trinh/giai-doan", StringComparison.Ordinal) || url.StartsWith("/quan-tri/thu-gui", StringComparison.Ordinal);

    [Fact]
    public async Task Anonymous_users_are_sent_to_the_login_page_for_every_admin_url_and_method()
    {
        var client = site.NewBrowser();
        foreach (var url in AdminUrls())
        {
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {url}: {(int)get.StatusCode}");
            Assert.StartsWith("https://localhost/dang-nhap", get.Headers.Location!.ToString(), StringComparison.Ordinal);

            using var post = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("action", "publish")]));
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST {url}: {(int)post.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }
    }

    [Fact]
    public async Task Editors_are_refused_the_admin_only_pages_and_admins_reach_every_page()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var admin = await site.SignInAsync(Roles.Admin);
        foreach (var url in AdminUrls())
        {
            using var asEditor = await editor.GetAsync(new Uri(url, UriKind.Relative));
            if (IsAdminOnly(url))
            {
                Assert.True(asEditor.StatusCode == HttpStatusCode.Redirect && asEditor.Headers.Location!.ToString().Contains("/loi/403", StringComparison.Ordinal),
                    $"editor GET {url}: {(int)asEditor.StatusCode} {asEditor.Headers.Location}");
            }
            else
            {
                Assert.True(asEditor.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"editor GET {url}: {(int)asEditor.StatusCode}");
            }

            using var asAdmin = await admin.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(asAdmin.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"admin GET {url}: {(int)asAdmin.StatusCode}");
            Assert.True(asAdmin.Headers.CacheControl?.NoStore, $"admin GET {url}: Cache-Control {asAdmin.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Posts_without_a_valid_antiforgery_token_are_refused()
    {
        var admin = await site.SignInAsync(Roles.Admin);
        foreach (var url in AdminUrls())
        {
            using var post = await admin.PostAsync(new Uri(url, UriKind.Relative),
                new FormUrlEncodedContent([new("action", "save"), new("Input.Title", "x"), new("__RequestVerificationToken", "forged")]));
            Assert.True(post.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task A_user_with_a_generated_password_must_change_it_first()
    {
        var client = await site.SignInAsync(Roles.Editor, mustChangePassword: true);
        using var response = await client.GetAsync(new Uri("/quan-tri/tin-bai", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/doi-mat-khau", response.Headers.Location?.ToString());

        using var change = await client.PostFormAsync("/doi-mat-khau", new()
        {
            ["Input.Current"] = SiteFactory.TestPassword, ["Input.New"] = "cụm mật khẩu mới của biên tập viên", ["Input.Confirm"] = "cụm mật khẩu mới của biên tập viên",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        using var after = await client.GetAsync(new Uri("/quan-tri/tin-bai", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
