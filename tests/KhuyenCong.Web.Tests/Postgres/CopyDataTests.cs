using System.Net;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.Postgres;

/// <summary>A site on SQLite whatever the run's provider (the source of a copy).</summary>
public sealed class SqliteSite : SiteFactory
{
    protected override bool OnPostgres => false;
}

/// <summary>A site on a given PostgreSQL database that the test owns (and drops).</summary>
public sealed class PostgresSite(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) : SiteFactory
{
    protected override bool OnPostgres => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
        }));
    }
}

/// <summary>
/// The move from SQLite: copy-data fills an empty PostgreSQL database with everything, and a site started on the
/// copy serves the same pages and lets the same editor sign in with the same password.
/// </summary>
[Trait("Provider", TestDatabase.OwnDatabase)]
public sealed class CopyDataTests(ITestOutputHelper log)
{
    private static readonly string[] Pages =
    [
        "/", "/tin-tuc", "/van-ban", "/san-pham", "/co-so", "/phong-trung-bay", "/hoi-cho", "/chuong-trinh",
        "/chuong-trinh/gioi-thieu", "/chuong-trinh/muc-tieu",
    ];

    [ServicesFact(Service.Postgres)]
    public async Task A_site_copied_to_postgres_serves_the_same_pages_and_the_same_editor_signs_in()
    {
        var database = "kc_t_copy_" + Guid.NewGuid().ToString("N")[..12];
        var target = TestDatabase.ConnectionString(database);
        try
        {
            await using var source = new SqliteSite();
            var editor = await source.CreateUserAsync(Roles.Editor);
            var article = await source.NewArticleAsync("Bản tin sao chép sang PostgreSQL", "Nội dung **đặc biệt** của bài sao chép.");
            var urls = Pages.Append("/tin-tuc/" + article.Slug).ToList();
            var before = await MainContentAsync(source, urls);
            var counts = await source.WithDbAsync(async (db, _) => (await db.Articles.CountAsync(), await db.Users.CountAsync(), await db.Revisions.CountAsync()));

            var output = new StringWriter();
            var copied = await source.WithDbAsync((db, _) => DataCopy.RunAsync(db, target, output));
            log.WriteLine(output.ToString());
            Assert.True(copied, output.ToString());

            // The planner knows the copied tables' sizes (an ANALYZE after the commit), so the first pages are not
            // planned for empty tables.
            await using (var pg = new Npgsql.NpgsqlConnection(target))
            {
                await pg.OpenAsync();
                await using var cmd = new Npgsql.NpgsqlCommand("SELECT reltuples FROM pg_class WHERE relname = 'Articles' AND relkind = 'r'", pg);
                Assert.Equal(counts.Item1, Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }

            // A second copy into the now filled database is refused, and changes nothing.
            var again = new StringWriter();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => source.WithDbAsync((db, _) => DataCopy.RunAsync(db, target, again)));
            Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);

            await using var copy = new PostgresSite(target);
            Assert.Equal(counts, await copy.WithDbAsync(async (db, _) => (await db.Articles.CountAsync(), await db.Users.CountAsync(), await db.Revisions.CountAsync())));
            var after = await MainContentAsync(copy, urls);
            foreach (var url in urls)
            {
                Assert.False(string.IsNullOrWhiteSpace(before[url]), url);
                Assert.True(before[url] == after[url], $"{url} differs after the copy");
            }

            var browser = copy.NewBrowser();
            using var signIn = await browser.PostFormAsync("/dang-nhap", new() { ["Input.Email"] = editor, ["Input.Password"] = SiteFactory.TestPassword });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            using var admin = await browser.GetAsync(new Uri("/quan-tri", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

            // New rows on the copy get fresh ids (identity sequences moved past the copied ones).
            var next = await copy.NewArticleAsync("Bài đầu tiên viết trên PostgreSQL");
            Assert.True(next.Id > article.Id);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    private static async Task<Dictionary<string, string>> MainContentAsync(SiteFactory site, IEnumerable<string> urls)
    {
        var parser = new HtmlParser();
        var client = site.Browser();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            // The programme page states when its figures were computed (the request's time): not compared.
            document.QuerySelectorAll("main dt").Where(dt => dt.TextContent.Contains("Số liệu tính đến", StringComparison.Ordinal))
                .Select(dt => dt.NextElementSibling).OfType<AngleSharp.Dom.IElement>().ToList().ForEach(dd => dd.TextContent = "");
            result[url] = document.QuerySelector("main")?.TextContent.ReplaceLineEndings(" ") ?? "";
        }

        return result;
    }
}
