using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.Web.Tests.Security;

/// <summary>
/// The app behind a reverse proxy: the test server's own client address (see <see cref="TestClientAddress"/>) is a
/// configured known proxy, so each test picks its client address with X-Forwarded-For, as a proxy would send it.
/// </summary>
public sealed class ProxiedSiteFactory : SiteFactory
{
    public const int LookupLimit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:KnownProxies"] = TestClientAddress.Address.ToString(),
            ["Registration:LookupsPerWindow"] = LookupLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }
}

/// <summary>Helpers shared by the security tests: browsers with a reachable cookie jar and a chosen client address.</summary>
internal static class SecurityClient
{
    private static readonly HtmlParser Parser = new();
    public static readonly Uri Origin = new("https://localhost");

    /// <summary>An https browser whose cookies the test can read and copy, optionally behind a proxy that names its address.</summary>
    public static HttpClient Browser(SiteFactory site, CookieContainer jar, string? forwardedFor = null)
    {
        var client = site.CreateDefaultClient(Origin, new CookieContainerHandler(jar));
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (await ParseAsync(page)).AntiforgeryToken(url);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", token))
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string token, string email, string password) =>
        PostAsync(client, "/dang-nhap", token, ("Input.Email", email), ("Input.Password", password));

    /// <summary>The messages of the error summary, in order.</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        string.Join(" | ", (await ParseAsync(response)).QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()));

    public static string? AuthCookie(CookieContainer jar) => jar.GetCookies(Origin)["__Host-kc-auth"]?.Value;
}

/// <summary>
/// The standing security tests of signing in and out (issue 14, findings 1, 5, 8 and 9): sign-out from every page
/// that offers it kills every copy of the cookie, blank fields get a message and never a 500, an unknown address
/// answers like an account, and one client's failures cannot shut out another's correct password.
/// </summary>
public sealed class SignInSecurityTests(ProxiedSiteFactory site, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ProxiedSiteFactory>
{
    private static int nextClient;

    /// <summary>A client address of its own for each test, so the per-address limits of one test do not touch another.</summary>
    private static string NewClientAddress() => $"198.51.100.{Interlocked.Increment(ref nextClient)}";

    public static TheoryData<string, string, bool> PagesOfferingSignOut => new()
    {
        { "/quan-tri", Roles.Editor, false },
        { "/quan-tri/tin-bai", Roles.Editor, false },
        { "/quan-tri/thu-vien", Roles.Editor, false },
        { "/doi-mat-khau", Roles.Editor, false },
        { "/doi-mat-khau", Roles.Editor, true },
        { "/quan-tri/nguoi-dung", Roles.Admin, false },
        { "/quan-tri/nhat-ky", Roles.Admin, false },
    };

    [Theory]
    [MemberData(nameof(PagesOfferingSignOut))]
    public async Task Sign_out_works_from_every_page_that_offers_it_and_kills_every_copy_of_the_cookie(string page, string role, bool mustChangePassword)
    {
        var email = await site.CreateUserAsync(role, mustChangePassword);
        var jar = new CookieContainer();
        var browser = SecurityClient.Browser(site, jar, NewClientAddress());
        using (var login = await SecurityClient.SignInAsync(browser, await SecurityClient.TokenAsync(browser, "/dang-nhap"), email, SiteFactory.TestPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        // Someone copies the cookie (another tab, a shared computer, a stolen value).
        var copied = new CookieContainer();
        copied.Add(SecurityClient.Origin, new Cookie("__Host-kc-auth", SecurityClient.AuthCookie(jar)!) { Secure = true, Path = "/" });
        var replay = SecurityClient.Browser(site, copied);
        using (var before = await replay.GetAsync(new Uri(page, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // The sign-out form as the page renders it: its action and every field it carries.
        using var shown = await browser.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var form = (await SecurityClient.ParseAsync(shown)).QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .SingleOrDefault(f => f.GetAttribute("action") == "/dang-xuat");
        Assert.True(form is not null, $"{page} offers no sign-out form posting to /dang-xuat");
        Assert.Equal("post", form.Method, ignoreCase: true);
        var fields = form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>().Select(i => (i.Name!, i.Value)).ToArray();
        Assert.Contains(fields, f => f.Item1 == "__RequestVerificationToken" && f.Item2.Length > 0);
        using (var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))))
        using (var signOut = await browser.PostAsync(new Uri("/dang-xuat", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("/dang-nhap", signOut.Headers.Location?.OriginalString);
        }

        foreach (var client in new[] { browser, replay })
        {
            using var after = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("https://localhost/dang-nhap", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // The replayed cookie is refused at once, not at the next periodic check, and the sign-out is audited.
        var audit = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Action == "logout" && a.Detail == email).CountAsync());
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_at_once_and_keeps_this_one()
    {
        var email = await site.CreateUserAsync(Roles.Editor);
        var (here, elsewhere) = (SecurityClient.Browser(site, new CookieContainer(), NewClientAddress()), SecurityClient.Browser(site, new CookieContainer(), NewClientAddress()));
        foreach (var browser in new[] { here, elsewhere })
        {
            using var login = await SecurityClient.SignInAsync(browser, await SecurityClient.TokenAsync(browser, "/dang-nhap"), email, SiteFactory.TestPassword);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        const string NewPassword = "một cụm mật khẩu mới hoàn toàn 2027";
        using (var change = await SecurityClient.PostAsync(here, "/doi-mat-khau", await SecurityClient.TokenAsync(here, "/doi-mat-khau"),
            ("Input.Current", SiteFactory.TestPassword), ("Input.New", NewPassword), ("Input.Confirm", NewPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }

        using (var stillHere = await here.GetAsync(new Uri("/quan-tri", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        }

        using var gone = await elsewhere.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.StartsWith("https://localhost/dang-nhap", gone.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BlankSignIns => new()
    {
        { "", SiteFactory.TestPassword }, { " ", SiteFactory.TestPassword }, { "\t", SiteFactory.TestPassword },
        { "\n", SiteFactory.TestPassword }, { " \t ", SiteFactory.TestPassword }, { "\u00a0", SiteFactory.TestPassword },
        { "x@khuyencong.test", "" }, { "x@khuyencong.test", " " }, { "x@khuyencong.test", "\t" }, { "", "" }, { "\t", "\t" },
    };

    [Theory]
    [MemberData(nameof(BlankSignIns))]
    public async Task Blank_sign_in_fields_get_the_vietnamese_message_never_a_server_error(string email, string password)
    {
        var browser = SecurityClient.Browser(site, new CookieContainer(), NewClientAddress());
        using var response = await SecurityClient.SignInAsync(browser, await SecurityClient.TokenAsync(browser, "/dang-nhap"), email, password);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await SecurityClient.ErrorsAsync(response);
        Assert.True(errors.Contains("Nhập địa chỉ thư điện tử.", StringComparison.Ordinal) || errors.Contains("Nhập mật khẩu.", StringComparison.Ordinal)
            || errors.Contains("Địa chỉ thư điện tử không hợp lệ.", StringComparison.Ordinal), errors);
    }

    [Fact]
    public async Task Sign_in_with_fields_missing_altogether_gets_the_messages()
    {
        var browser = SecurityClient.Browser(site, new CookieContainer(), NewClientAddress());
        using var response = await SecurityClient.PostAsync(browser, "/dang-nhap", await SecurityClient.TokenAsync(browser, "/dang-nhap"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await SecurityClient.ErrorsAsync(response);
        Assert.Contains("Nhập địa chỉ thư điện tử.", errors, StringComparison.Ordinal);
        Assert.Contains("Nhập mật khẩu.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_fields_of_the_other_account_forms_get_messages_never_a_server_error()
    {
        var editor = SecurityClient.Browser(site, new CookieContainer(), NewClientAddress());
        var editorEmail = await site.CreateUserAsync(Roles.Editor);
        using (var login = await SecurityClient.SignInAsync(editor, await SecurityClient.TokenAsync(editor, "/dang-nhap"), editorEmail, SiteFactory.TestPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var token = await SecurityClient.TokenAsync(editor, "/doi-mat-khau");
        foreach (var blank in new[] { "", " ", "\t", "\n" })
        {
            using var change = await SecurityClient.PostAsync(editor, "/doi-mat-khau", token, ("Input.Current", blank), ("Input.New", blank), ("Input.Confirm", blank));
            Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
            var errors = await SecurityClient.ErrorsAsync(change);
            Assert.Contains("Nhập mật khẩu hiện tại.", errors, StringComparison.Ordinal);
            Assert.Contains("Nhập mật khẩu mới.", errors, StringComparison.Ordinal);
        }

        using (var missing = await SecurityClient.PostAsync(editor, "/doi-mat-khau", token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }

        var admin = SecurityClient.Browser(site, new CookieContainer(), NewClientAddress());
        var adminEmail = await site.CreateUserAsync(Roles.Admin);
        using (var login = await SecurityClient.SignInAsync(admin, await SecurityClient.TokenAsync(admin, "/dang-nhap"), adminEmail, SiteFactory.TestPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var adminToken = await SecurityClient.TokenAsync(admin, "/quan-tri/nguoi-dung");
        foreach (var blank in new[] { "", " ", "\t" })
        {
            using var create = await SecurityClient.PostAsync(admin, "/quan-tri/nguoi-dung?handler=Create", adminToken,
                ("NewUser.Email", blank), ("NewUser.DisplayName", blank), ("NewUser.Role", blank));
            Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
            Assert.Contains("Nhập địa chỉ thư điện tử.", await SecurityClient.ErrorsAsync(create), StringComparison.Ordinal);
            foreach (var handler in new[] { "Role", "Disable", "Reset" })
            {
                using var response = await SecurityClient.PostAsync(admin, $"/quan-tri/nguoi-dung?handler={handler}", adminToken, ("id", blank), ("role", blank), ("disable", blank));
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_messages_as_an_account_including_the_lockout()
    {
        var account = await site.CreateUserAsync(Roles.Editor);
        var unknown = $"khong-co-{Guid.NewGuid():N}"[..24] + "@khuyencong.test";
        var browser = SecurityClient.Browser(site, new CookieContainer(), NewClientAddress());
        var token = await SecurityClient.TokenAsync(browser, "/dang-nhap");
        var messages = new List<(string Account, string Unknown)>();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            using var real = await SecurityClient.SignInAsync(browser, token, account, "mật khẩu sai lần " + attempt);
            using var none = await SecurityClient.SignInAsync(browser, token, unknown, "mật khẩu sai lần " + attempt);
            Assert.Equal(real.StatusCode, none.StatusCode);
            messages.Add((await SecurityClient.ErrorsAsync(real), await SecurityClient.ErrorsAsync(none)));
        }

        Assert.All(messages, m => Assert.Equal(m.Account, m.Unknown));
        Assert.All(messages.Take(4), m => Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", m.Account, StringComparison.Ordinal));
        Assert.All(messages.Skip(4), m => Assert.Contains("Tài khoản tạm bị khóa", m.Account, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_address_takes_as_long_to_refuse_as_an_account()
    {
        // Interleaved attempts, four per name (below the lockout, which answers without a password check for both),
        // compared by their medians; the bound is generous, the point is the order of magnitude (the hash or not).
        const int Names = 5, Tries = 4;
        var accounts = new List<string>();
        for (var i = 0; i < Names; i++)
        {
            accounts.Add(await site.CreateUserAsync(Roles.Editor));
        }

        var unknowns = Enumerable.Range(0, Names).Select(i => $"vang-mat-{i}-{Guid.NewGuid():N}"[..20] + "@khuyencong.test").ToList();
        var browser = SecurityClient.Browser(site, new CookieContainer(), NewClientAddress());
        var token = await SecurityClient.TokenAsync(browser, "/dang-nhap");
        // Warm-up: the first check of an unknown name makes the dummy hash.
        (await SecurityClient.SignInAsync(browser, token, "khoi-dong@khuyencong.test", "mật khẩu khởi động")).Dispose();

        var real = new List<double>();
        var none = new List<double>();
        for (var round = 0; round < Tries; round++)
        {
            for (var i = 0; i < Names; i++)
            {
                real.Add(await TimeAsync(() => SecurityClient.SignInAsync(browser, token, accounts[i], $"sai {round}-{i} mật khẩu")));
                none.Add(await TimeAsync(() => SecurityClient.SignInAsync(browser, token, unknowns[i], $"sai {round}-{i} mật khẩu")));
            }
        }

        output.WriteLine($"median for an account {Median(real):0.0} ms, for an unknown address {Median(none):0.0} ms");
        var ratio = Median(real) / Median(none);
        Assert.True(ratio is > 1 / 3.0 and < 3.0, $"median for an account {Median(real):0.0} ms, for an unknown address {Median(none):0.0} ms");
    }

    [Fact]
    public async Task Many_failures_from_one_address_against_other_accounts_do_not_shut_out_a_user_who_has_not_failed()
    {
        var address = NewClientAddress();
        var admin = await site.CreateUserAsync(Roles.Admin);
        var others = new List<string> { await site.CreateUserAsync(Roles.Editor), await site.CreateUserAsync(Roles.Publisher) };
        others.AddRange(Enumerable.Range(0, 3).Select(i => $"doan-{i}-{Guid.NewGuid():N}"[..16] + "@khuyencong.test"));
        var attacker = SecurityClient.Browser(site, new CookieContainer(), address);
        var token = await SecurityClient.TokenAsync(attacker, "/dang-nhap");
        for (var i = 0; i < 55; i++)
        {
            using var failed = await SecurityClient.SignInAsync(attacker, token, others[i % others.Count], "đoán mật khẩu số " + i);
            Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
        }

        // The attacker's own name is throttled for that address...
        using (var throttled = await SecurityClient.SignInAsync(attacker, token, others[^1], "đoán thêm lần nữa"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        }

        // ...while the administrator behind the same address signs in with the right password.
        var colleague = SecurityClient.Browser(site, new CookieContainer(), address);
        using var login = await SecurityClient.SignInAsync(colleague, await SecurityClient.TokenAsync(colleague, "/dang-nhap"), admin, SiteFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/quan-tri", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Clients_named_by_a_known_proxy_get_their_own_rate_limit_and_audit_address()
    {
        var (first, second) = (NewClientAddress(), NewClientAddress());
        async Task<HttpStatusCode> LookupAsync(string forwardedFor)
        {
            var client = SecurityClient.Browser(site, new CookieContainer(), forwardedFor);
            using var response = await SecurityClient.PostAsync(client, "/dang-ky-ho-tro/tra-cuu", await SecurityClient.TokenAsync(client, "/dang-ky-ho-tro/tra-cuu"),
                ("ma-so", "KC-2026-000001"), ("dien-thoai", "0912345678"));
            return response.StatusCode;
        }

        for (var i = 0; i < ProxiedSiteFactory.LookupLimit; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await LookupAsync(first));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await LookupAsync(first));
        // Another client behind the same proxy has its own allowance.
        Assert.Equal(HttpStatusCode.BadRequest, await LookupAsync(second));
        // An address the limited client writes in front of its own is not believed: only the proxy's entry counts.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookupAsync($"192.0.2.200, {first}"));

        var browser = SecurityClient.Browser(site, new CookieContainer(), second);
        (await SecurityClient.SignInAsync(browser, await SecurityClient.TokenAsync(browser, "/dang-nhap"), "ghi-nhat-ky@khuyencong.test", "mật khẩu sai để ghi")).Dispose();

        var ip = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Actor == "ghi-nhat-ky@khuyencong.test").Select(a => a.Ip).SingleAsync());
        Assert.Equal(second, ip);
    }

    [Fact]
    public async Task The_scheme_named_by_a_known_proxy_is_used()
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dang-nhap");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kc-af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> post)
    {
        var clock = Stopwatch.StartNew();
        using var response = await post();
        clock.Stop();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>
/// The production defaults, configured as a deployment would be: AllowedHosts left at the framework's "*" and only
/// Site:PublicBaseUrl set (https://khuyencong.test). No reverse proxy is configured.
/// </summary>
public sealed class PublicHostSiteFactory : SiteFactory
{
    public static readonly Uri PublicBase = new("https://khuyencong.test");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = "*" }));
    }

    /// <summary>A browser on the public address (cookies kept, no auto-redirect).</summary>
    public HttpClient PublicBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = PublicBase });
}

/// <summary>
/// The deployment defaults (issue 14, findings 9 and 10): with no proxy configured forwarded headers are ignored;
/// outside Development only the public host answers and every absolute link is made from Site:PublicBaseUrl.
/// </summary>
public sealed class DeploymentSecurityTests(PublicHostSiteFactory site) : IClassFixture<PublicHostSiteFactory>
{
    public static TheoryData<string> AbsoluteLinkUrls => new()
    {
        "/", "/rss.xml", "/atom.xml", "/sitemap.xml", "/robots.txt", "/api/v1/program", "/hoi-cho/lich.ics", "/tin-tuc",
    };

    [Theory]
    [MemberData(nameof(AbsoluteLinkUrls))]
    public async Task Only_the_public_host_answers_and_absolute_links_use_it(string url)
    {
        var client = site.PublicBrowser();
        using (var ours = await client.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
            var body = await ours.Content.ReadAsStringAsync();
            if (url is not ("/tin-tuc" or "/hoi-cho/lich.ics"))
            {
                Assert.Contains("https://khuyencong.test/", body, StringComparison.Ordinal);
            }
        }

        foreach (var host in new[] { "evil.example", "localhost", "khuyencong.test.evil.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = host;
            using var foreign = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.DoesNotContain(host, await foreign.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Canonical_and_share_links_of_a_page_use_the_public_base_url()
    {
        var article = await site.NewArticleAsync("Liên kết tuyệt đối của bài");
        var page = await site.PublicBrowser().GetHtmlAsync("/tin-tuc/" + article.Slug);
        Assert.Equal("https://khuyencong.test/tin-tuc/" + article.Slug, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://khuyencong.test/tin-tuc/" + article.Slug, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_no_proxy_is_configured()
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = PublicHostSiteFactory.PublicBase });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.99");
        var email = $"gia-mao-{Guid.NewGuid():N}"[..20] + "@khuyencong.test";
        (await client.PostFormAsync("/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = "mật khẩu sai để ghi" })).Dispose();
        var ip = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Actor == email).Select(a => a.Ip).SingleAsync());
        Assert.Equal(TestClientAddress.Address.ToString(), ip);

        var plain = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://khuyencong.test") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dang-nhap");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await plain.SendAsync(request);
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kc-af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
