using System.Net;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Tests.Pages.Search;

public sealed class SearchTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll(".search-hit .card-title").Select(h => h.TextContent.Trim()).ToList();

    [Theory]
    [InlineData("dao tao")]
    [InlineData("đào tạo")]
    [InlineData("ĐÀO TẠO")]
    public async Task Query_with_or_without_diacritics_finds_dao_tao(string query)
    {
        var doc = await site.Browser().GetHtmlAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        var titles = Titles(doc);

        Assert.NotEmpty(titles);
        Assert.Contains(titles, t => t.Contains("Đào tạo", StringComparison.Ordinal) || t.Contains("đào tạo", StringComparison.Ordinal));
        Assert.Contains(doc.QuerySelectorAll("mark"), m => m.TextContent is "đào" or "Đào");
    }

    [Fact]
    public async Task Dong_khoi_without_diacritics_finds_Dong_Khoi_because_d_is_folded()
    {
        await site.NewArticleAsync("Báo Đồng Khởi giới thiệu sản phẩm tiêu biểu", body: "Bài viết trên báo Đồng Khởi.");
        var titles = Titles(await site.Browser().GetHtmlAsync("/tim-kiem?q=dong+khoi"));
        Assert.Contains("Báo Đồng Khởi giới thiệu sản phẩm tiêu biểu", titles);
    }

    [Fact]
    public async Task Last_word_matches_as_a_prefix()
    {
        var titles = Titles(await site.Browser().GetHtmlAsync("/tim-kiem?q=khuyen+co"));
        Assert.NotEmpty(titles);
    }

    [Fact]
    public async Task Title_match_ranks_above_body_match()
    {
        await site.NewArticleAsync("Tin về chủ đề khác", body: "Đoạn văn có nhắc đến từ zylophát một lần.", summary: "Không liên quan.");
        await site.NewArticleAsync("Zylophát trong tiêu đề", body: "Nội dung thường.", summary: "Không liên quan.");
        var titles = Titles(await site.Browser().GetHtmlAsync("/tim-kiem?q=zylophat"));
        Assert.Equal(["Zylophát trong tiêu đề", "Tin về chủ đề khác"], titles);
    }

    [Fact]
    public async Task Index_follows_publish_change_and_withdrawal()
    {
        var client = site.Browser();
        var article = await site.NewArticleAsync("Máy sấy quixotrung thế hệ mới");
        Assert.Single(Titles(await client.GetHtmlAsync("/tim-kiem?q=quixotrung")));

        article.Title = "Máy sấy velmorana thế hệ mới";
        await site.SaveAsync(article);
        Assert.Empty(Titles(await client.GetHtmlAsync("/tim-kiem?q=quixotrung")));
        Assert.Single(Titles(await client.GetHtmlAsync("/tim-kiem?q=velmorana")));

        article.Status = ContentStatus.Archived;
        await site.SaveAsync(article);
        Assert.Empty(Titles(await client.GetHtmlAsync("/tim-kiem?q=velmorana")));
    }

    [Fact]
    public async Task Documents_and_pages_are_searchable_too()
    {
        var doc = await site.Browser().GetHtmlAsync("/tim-kiem?q=1625");
        var links = doc.QuerySelectorAll(".search-hit .card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(links, l => l!.StartsWith("/van-ban/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(a b)")]
    [InlineData("a* OR b AND NOT c")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("title:abc")]
    [InlineData("%00%01")]
    public async Task Hostile_queries_never_fail(string query)
    {
        using var response = await site.Browser().GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Overlong_query_gets_a_Vietnamese_message_and_400()
    {
        var doc = await site.Browser().GetHtmlAsync("/tim-kiem?q=" + new string('a', 300), HttpStatusCode.BadRequest);
        Assert.Contains("Từ khóa quá dài", doc.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }
}
