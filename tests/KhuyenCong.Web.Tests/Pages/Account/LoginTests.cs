using System.Net;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Account;

public sealed class LoginTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task Login_page_is_Vietnamese_and_never_cached()
    {
        using var response = await site.NewBrowser().GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("Đăng nhập quản trị", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_audited_with_the_ip()
    {
        var email = await site.CreateUserAsync(Roles.Editor);
        using var response = await site.NewBrowser().PostFormAsync("/dang-nhap", Credentials(email, "sai mật khẩu rồi nhé"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = await site.WithDbAsync((db, _) => db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Actor == email));
        Assert.Equal("login-failure", entry.Action);
        Assert.Equal(TestClientAddress.Address.ToString(), entry.Ip);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var email = await site.CreateUserAsync(Roles.Editor);
        var client = site.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.PostFormAsync("/dang-nhap", Credentials(email, "sai mật khẩu lần " + i));
        }

        using var right = await client.PostFormAsync("/dang-nhap", Credentials(email, SiteFactory.TestPassword));
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("tạm bị khóa", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_for_one_user_name_are_throttled_with_429()
    {
        var client = site.NewBrowser();
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.PostFormAsync("/dang-nhap", Credentials("khong-ton-tai@khuyencong.test", "mật khẩu sai số " + i));
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task Admin_creates_an_account_and_sees_its_one_time_password_once()
    {
        var admin = await site.SignInAsync(Roles.Admin);
        using var response = await admin.PostFormAsync("/quan-tri/nguoi-dung?handler=Create",
            new() { ["NewUser.Email"] = "bientap.moi@khuyencong.test", ["NewUser.DisplayName"] = "Biên tập mới", ["NewUser.Role"] = Roles.Publisher }, "/quan-tri/nguoi-dung");
        // Post/redirect/get: the address after creating is the list's, not ?handler=Create (a reload cannot create twice).
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quan-tri/nguoi-dung", response.Headers.Location?.ToString());
        var html = await admin.GetHtmlAsync("/quan-tri/nguoi-dung");
        var password = html.QuerySelector(".once")!.TextContent.Trim();
        Assert.Equal(20, password.Length);

        var client = site.NewBrowser();
        using var login = await client.PostFormAsync("/dang-nhap", Credentials("bientap.moi@khuyencong.test", password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var gated = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal("/doi-mat-khau", gated.Headers.Location?.ToString());
        Assert.DoesNotContain(password, (await admin.GetHtmlAsync("/quan-tri/nguoi-dung")).DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Common_and_short_passwords_are_refused()
    {
        var client = await site.SignInAsync(Roles.Editor);
        foreach (var weak in new[] { "ngan quá", "matkhau12345", "aaaaaaaaaaaaaaaa" })
        {
            using var response = await client.PostFormAsync("/doi-mat-khau", new() { ["Input.Current"] = SiteFactory.TestPassword, ["Input.New"] = weak, ["Input.Confirm"] = weak });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}

/// <summary>The app with the security stamp checked on every request, to observe what production does within a minute.</summary>
public sealed class EagerStampSiteFactory : SiteFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }
}

public sealed class DisableUserTests(EagerStampSiteFactory site) : IClassFixture<EagerStampSiteFactory>
{
    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_and_blocks_new_logins()
    {
        var email = await site.CreateUserAsync(Roles.Editor);
        var client = site.NewBrowser();
        using (var login = await client.PostFormAsync("/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = SiteFactory.TestPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var ok = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var admin = await site.SignInAsync(Roles.Admin);
        var id = await site.WithDbAsync((db, _) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using (var disable = await admin.PostFormAsync("/quan-tri/nguoi-dung?handler=Disable", new() { ["id"] = id, ["disable"] = "true" }, "/quan-tri/nguoi-dung"))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        }

        using var after = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/dang-nhap", after.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var again = await site.NewBrowser().PostFormAsync("/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = SiteFactory.TestPassword });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var audit = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("user-disable", audit);
    }
}
