using System.Net;
using System.Text;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Pages.Registration;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Web.Tests.Pages.Questions.QuestionClient;

namespace KhuyenCong.Web.Tests.Pages.Feedback;

/// <summary>"Thông tin có hữu ích không?": the form on every kind of page, one vote per browser per page, cache-safe, staff views.</summary>
public sealed class PageFeedbackTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    /// <summary>The test client's own origin (what a browser sends with a form of this site).</summary>
    private const string Origin = "https://localhost";
    private static readonly string[] FormFields = ["loai", "ma", "huu-ich", "y-kien"];

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, string type, int id, string useful, string comment = "", string? origin = Origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/phan-hoi-trang", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["loai"] = type, ["ma"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["huu-ich"] = useful, ["y-kien"] = comment }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private Task<(int Id, string Slug)> PublishedAsync<T>(Func<KhuyenCong.Web.Data.AppDbContext, IQueryable<T>> set) where T : RoutedContent =>
        site.WithDbAsync(async (db, _) =>
        {
            var item = await set(db).Where(x => x.Status == ContentStatus.Published).OrderBy(x => x.Id).FirstAsync();
            return (item.Id, item.Slug);
        });

    [Fact]
    public async Task Every_kind_of_page_carries_the_same_form_for_everyone_without_an_antiforgery_token()
    {
        var article = await PublishedAsync(db => db.Articles);
        var document = await PublishedAsync(db => db.Documents);
        var product = await PublishedAsync(db => db.Products);
        var tv = await PublishedAsync(db => db.TvSegments);
        var fair = await PublishedAsync(db => db.Fairs);
        foreach (var (url, type, id) in new[]
                 {
                     ("/tin-tuc/" + article.Slug, "tin-bai", article.Id), ("/van-ban/" + document.Slug, "van-ban", document.Id),
                     ("/san-pham/" + product.Slug, "san-pham", product.Id), ("/truyen-hinh/" + tv.Slug, "truyen-hinh", tv.Id),
                     ("/hoi-cho/" + fair.Slug, "hoi-cho", fair.Id), ("/chuong-trinh", "chuong-trinh", 0),
                 })
        {
            var first = await site.NewBrowser().GetHtmlAsync(url);
            var second = await site.NewBrowser().GetHtmlAsync(url);
            var form = first.QuerySelector("#phan-hoi form");
            Assert.True(form is not null, url);
            Assert.Equal("/phan-hoi-trang", form!.GetAttribute("action"));
            Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
            Assert.Equal(type, form.QuerySelector("input[name=loai]")!.GetAttribute("value"));
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("input[name=ma]")!.GetAttribute("value"));
            Assert.Contains("không lưu thông tin cá nhân", form.TextContent, StringComparison.Ordinal);
            Assert.Equal(form.OuterHtml, second.QuerySelector("#phan-hoi form")!.OuterHtml);
        }
    }

    [Fact]
    public async Task A_vote_is_stored_and_sends_the_browser_back_and_a_second_vote_on_the_same_page_is_refused()
    {
        var article = await PublishedAsync(db => db.Articles);
        var client = site.NewBrowser();
        var before = await site.WithDbAsync((db, _) => db.PageFeedback.CountAsync());
        using (var vote = await VoteAsync(client, "tin-bai", article.Id, "khong", "Thiếu số điện thoại liên hệ"))
        {
            Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
            Assert.Equal($"/tin-tuc/{article.Slug}?phan-hoi=cam-on#phan-hoi", vote.Headers.Location?.ToString());
        }

        var thanks = await client.GetHtmlAsync($"/tin-tuc/{article.Slug}?phan-hoi=cam-on");
        Assert.Contains("Cảm ơn", thanks.QuerySelector("#phan-hoi")!.TextContent, StringComparison.Ordinal);
        // The page without the parameter still offers the form (another visitor's cached copy is unchanged).
        Assert.NotNull((await site.NewBrowser().GetHtmlAsync($"/tin-tuc/{article.Slug}")).QuerySelector("#phan-hoi form"));

        using (var again = await VoteAsync(client, "tin-bai", article.Id, "co"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("đã phản hồi", (await ParseAsync(again)).MainText(), StringComparison.Ordinal);
        }

        var stored = await site.WithDbAsync((db, _) => db.PageFeedback.OrderByDescending(f => f.Id).FirstAsync());
        Assert.Equal(before + 1, await site.WithDbAsync((db, _) => db.PageFeedback.CountAsync()));
        Assert.False(stored.Useful);
        Assert.Equal("Thiếu số điện thoại liên hệ", stored.Comment);
        Assert.Equal(nameof(Article), stored.ContentType);

        // Another browser may vote on the same page; the same browser on another page.
        using (var other = await VoteAsync(site.NewBrowser(), "tin-bai", article.Id, "co"))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        using (var program = await VoteAsync(client, "chuong-trinh", 0, "co"))
        {
            Assert.Equal(HttpStatusCode.Redirect, program.StatusCode);
            Assert.Equal("/chuong-trinh?phan-hoi=cam-on#phan-hoi", program.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task A_vote_from_another_site_or_for_an_unknown_page_or_without_an_answer_is_refused_in_vietnamese()
    {
        var article = await PublishedAsync(db => db.Articles);
        var before = await site.WithDbAsync((db, _) => db.PageFeedback.CountAsync());
        using (var cross = await VoteAsync(site.NewBrowser(), "tin-bai", article.Id, "co", origin: "https://evil.example"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, cross.StatusCode);
            Assert.True(HasVietnamese(await cross.Content.ReadAsStringAsync()));
        }

        using (var none = await VoteAsync(site.NewBrowser(), "tin-bai", article.Id, "co", origin: null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        }

        using (var unknown = await VoteAsync(site.NewBrowser(), "tin-bai", 987654, "co"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var noAnswer = await VoteAsync(site.NewBrowser(), "tin-bai", article.Id, ""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
            Assert.Contains("Có", (await ParseAsync(noAnswer)).MainText(), StringComparison.Ordinal);
        }

        var failures = new List<string>();
        foreach (var (field, value) in FormFields.SelectMany(f => RegistrationBadInputTests.Corpus().Select(c => (f, c))))
        {
            var fields = new Dictionary<string, string> { ["loai"] = "tin-bai", ["ma"] = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["huu-ich"] = "co", ["y-kien"] = "" };
            var body = string.Join('&', fields.Where(f => f.Key != field).Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)).Append(field + "=" + value.Encoded));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/phan-hoi-trang", UriKind.Relative)) { Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded") };
            request.Headers.Add("Origin", Origin);
            using var response = await site.NewBrowser().SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500 || (status != 302 && !HasVietnamese(await response.Content.ReadAsStringAsync())))
            {
                failures.Add($"{field} × {value.Name}: {status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var written = await site.WithDbAsync((db, _) => db.PageFeedback.Where(f => f.Comment != null).Select(f => f.Comment!).ToListAsync());
        Assert.DoesNotContain(written, c => c.Any(ch => char.IsControl(ch) && ch != '\n' && ch != '\t') || c.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.True(await site.WithDbAsync((db, _) => db.PageFeedback.CountAsync()) >= before);
    }

    [Fact]
    public async Task Editors_see_counts_comments_and_the_least_useful_pages_first()
    {
        var documents = await site.WithDbAsync((db, _) => db.Documents.Where(d => d.Status == ContentStatus.Published).OrderBy(d => d.Id).Select(d => new { d.Id, d.Slug }).Take(2).ToListAsync());
        using (await VoteAsync(site.NewBrowser(), "van-ban", documents[0].Id, "co")) { }
        using (await VoteAsync(site.NewBrowser(), "van-ban", documents[1].Id, "khong", "<script>alert('gop-y')</script>")) { }
        using (await VoteAsync(site.NewBrowser(), "van-ban", documents[1].Id, "khong")) { }
        var staff = await site.SignInAsync(Roles.Editor);
        var list = await staff.GetHtmlAsync("/quan-tri/phan-hoi");
        var rows = list.QuerySelectorAll("main tbody tr a").Select(a => a.GetAttribute("href")).ToList();
        var worse = rows.IndexOf($"/quan-tri/phan-hoi/van-ban/{documents[1].Id}");
        var better = rows.IndexOf($"/quan-tri/phan-hoi/van-ban/{documents[0].Id}");
        Assert.True(worse >= 0 && better > worse, string.Join(", ", rows));
        var detail = await staff.GetHtmlAsync($"/quan-tri/phan-hoi/van-ban/{documents[1].Id}");
        Assert.Contains("<script>alert('gop-y')</script>", detail.MainText(), StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector("main script"));
        Assert.Contains("Không hữu ích: 2", detail.MainText(), StringComparison.Ordinal);
        using var anonymous = await site.NewBrowser().GetAsync(new Uri("/quan-tri/phan-hoi", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
