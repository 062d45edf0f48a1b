using System.Net;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>
/// The Data Protection key ring is in the database, so what one node protects another reads: an antiforgery token
/// from A's form is accepted by B, and the sign-in cookie B issues is accepted by A.
/// </summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_form_token_from_one_node_validates_on_the_other_and_the_sign_in_cookie_works_on_both()
    {
        var data = ClusterNode.NewDataPath();
        await using var a = new ClusterNode(data, redis: null);
        var email = await a.CreateUserAsync(Roles.Editor);
        await using var b = new ClusterNode(data, redis: null);

        // One browser whose requests reach either node, as behind a round-robin proxy.
        var cookies = new CookieContainer();
        var origin = new Uri("https://localhost");
        using var toA = a.CreateDefaultClient(origin, new CookieContainerHandler(cookies));
        using var toB = b.CreateDefaultClient(origin, new CookieContainerHandler(cookies));

        var form = await toA.GetHtmlAsync("/dang-nhap");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        using var signIn = await toB.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = SiteFactory.TestPassword,
            ["__RequestVerificationToken"] = token!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(cookies.GetCookies(origin), c => c.Name == "__Host-kc-auth");

        // The cookie B made opens the editor area on A, and on B.
        using (var onA = await toA.GetAsync("/quan-tri"))
        {
            Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        }

        using (var onB = await toB.GetAsync("/quan-tri"))
        {
            Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        }

        // Without it the editor area is closed (the test would pass for the wrong reason otherwise).
        using var stranger = a.CreateDefaultClient(origin);
        using (var closed = await stranger.GetAsync("/quan-tri"))
        {
            Assert.NotEqual(HttpStatusCode.OK, closed.StatusCode);
        }

        Directory.Delete(data, recursive: true);
    }
}
