using System.Net;
using System.Text.Json;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Tests.Pages.News;

public sealed class NewsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task News_list_shows_ten_newest_articles_and_pages_on()
    {
        // Eleven articles of its own, newer than anything imported: ten fill the first page, one starts the second.
        var start = DateTime.UtcNow.AddMinutes(-1);
        var own = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            own.Add((await site.NewArticleAsync($"Tin danh sách kiểm thử số {i:00}", publishAt: start.AddSeconds(i))).Title);
        }

        own.Reverse();
        var client = site.Browser();
        var first = await client.GetHtmlAsync("/tin-tuc");
        var second = await client.GetHtmlAsync("/tin-tuc?trang=2");

        var firstTitles = first.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()).ToList();
        var secondTitles = second.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(own.Take(10), firstTitles);
        Assert.Equal(own[10], secondTitles.FirstOrDefault());
        Assert.Empty(firstTitles.Intersect(secondTitles));
        Assert.Equal("Tin tức", first.QuerySelector("h1")?.TextContent);
        Assert.NotNull(first.QuerySelector("a[rel=next][href='/tin-tuc?trang=2']"));
        Assert.Contains("Trang 2 /", second.QuerySelector(".pager-status")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_beyond_the_last_is_404_and_a_malformed_page_is_400_in_Vietnamese()
    {
        var client = site.Browser();
        var missing = await client.GetHtmlAsync("/tin-tuc?trang=999", HttpStatusCode.NotFound);
        var malformed = await client.GetHtmlAsync("/tin-tuc?trang=abc", HttpStatusCode.BadRequest);

        Assert.Equal("Không tìm thấy trang", missing.QuerySelector("h1")?.TextContent);
        Assert.Equal("Yêu cầu không hợp lệ", malformed.QuerySelector("h1")?.TextContent);
        Assert.Equal("vi", malformed.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Article_page_shows_title_date_topic_tags_breadcrumb_share_links_and_structured_data()
    {
        var client = site.Browser();
        var slug = await site.WithDbAsync((db, _) => Task.FromResult(db.Articles
            .Where(a => a.SourcePath != null && a.Tags.Any() && a.TopicId != null)
            .OrderByDescending(a => a.PublishAt).Select(a => a.Slug).First()));
        var href = "/tin-tuc/" + slug;
        var doc = await client.GetHtmlAsync(href);

        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Matches(@"Cập nhật: \d{2}/\d{2}/\d{4} \d{2}:\d{2}", doc.QuerySelector(".article-meta")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".article-taxonomy a[href^='/chuyen-muc/']"));
        Assert.NotEmpty(doc.QuerySelectorAll(".tag-list a[href^='/the/']"));
        Assert.Equal(4, doc.QuerySelectorAll(".breadcrumb li").Length);
        Assert.NotNull(doc.QuerySelector("a[href^='https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fkhuyencong.test%2Ftin-tuc%2F']"));
        Assert.NotNull(doc.QuerySelector("a[href^='https://zalo.me/share?url=']"));
        Assert.Equal("https://khuyencong.test" + href, doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("article", doc.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.NotNull(doc.QuerySelector("link[rel=stylesheet][media=print][href^='/css/print.css?v=']"));
        Assert.NotEmpty(doc.QuerySelectorAll(".related li a"));
        Assert.NotNull(doc.QuerySelector(".sample-label"));

        var types = doc.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement.GetProperty("@type").GetString())
            .ToList();
        Assert.Contains("NewsArticle", types);
        Assert.Contains("BreadcrumbList", types);
    }

    [Theory]
    [InlineData(ContentStatus.Draft, -1)]
    [InlineData(ContentStatus.InReview, -1)]
    [InlineData(ContentStatus.Archived, -1)]
    [InlineData(ContentStatus.Published, 24)]
    public async Task Unpublished_or_future_article_is_404_and_absent_from_lists_feeds_and_search(ContentStatus status, int hoursFromNow)
    {
        var title = $"Tin thử nghiệm ẩn {status} {hoursFromNow} zqxhidden";
        var article = await site.NewArticleAsync(title, status: status, publishAt: DateTime.UtcNow.AddHours(hoursFromNow));
        var client = site.Browser();

        await client.GetHtmlAsync("/tin-tuc/" + article.Slug, HttpStatusCode.NotFound);
        Assert.DoesNotContain(title, (await client.GetHtmlAsync("/tin-tuc")).MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await client.GetStringAsync(new Uri("/rss.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(article.Slug, await client.GetStringAsync(new Uri("/sitemap-articles-1.xml", UriKind.Relative)), StringComparison.Ordinal);
        var search = await client.GetHtmlAsync("/tim-kiem?q=zqxhidden");
        Assert.Empty(search.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task List_pages_run_the_same_number_of_queries_whatever_the_number_of_items()
    {
        var client = site.Browser();
        var total = await site.WithDbAsync((db, _) => Task.FromResult(db.Articles.Count()));
        var lastPage = (total + 9) / 10;

        site.Queries.Reset();
        await client.GetHtmlAsync("/tin-tuc?trang=1&n=a");
        var fullPage = site.Queries.Count;
        site.Queries.Reset();
        await client.GetHtmlAsync($"/tin-tuc?trang={lastPage}&n=b");
        var partialPage = site.Queries.Count;

        Assert.Equal(fullPage, partialPage);
        Assert.InRange(fullPage, 1, 3);
    }

    [Fact]
    public async Task Article_page_is_served_from_the_output_cache_until_the_publisher_changes_it()
    {
        var article = await site.NewArticleAsync("Bài kiểm tra bộ đệm trang");
        var client = site.Browser();
        var url = "/tin-tuc/" + article.Slug;
        Assert.Contains("Bài kiểm tra bộ đệm trang", (await client.GetHtmlAsync(url)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // A write that bypasses the publisher does not evict the cached page...
        await site.WithDbAsync(async (db, _) =>
        {
            var a = await db.Articles.FindAsync(article.Id);
            a!.Title = "Tiêu đề đổi ngoài luồng";
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Bài kiểm tra bộ đệm trang", (await client.GetHtmlAsync(url)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // ...a save through the publisher does.
        article.Title = "Tiêu đề đã cập nhật qua biên tập";
        await site.SaveAsync(article);
        Assert.Equal("Tiêu đề đã cập nhật qua biên tập", (await client.GetHtmlAsync(url)).QuerySelector("h1")!.TextContent);
    }
}
