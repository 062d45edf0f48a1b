using System.Net;

namespace KhuyenCong.Web.Tests.Pages.Documents;

public sealed class DocumentsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static List<string> Numbers(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll(".data-table tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task List_shows_every_legal_basis_of_the_decision()
    {
        var numbers = Numbers(await site.Browser().GetHtmlAsync("/van-ban"));
        foreach (var n in new[] { "1625/QĐ-UBND", "45/2012/NĐ-CP", "46/2012/TT-BCT", "20/2017/TT-BCT", "36/2013/TT-BCT", "17/2018/TT-BCT",
                     "26/2014/TT-BCT", "14/2018/TT-BCT", "28/2018/TT-BTC", "1881/QĐ-TTg", "04/CT-BCT", "08/2019/QĐ-UBND" })
        {
            Assert.Contains(n, numbers);
        }
    }

    [Fact]
    public async Task Filters_by_kind_year_and_issuer_combine()
    {
        var client = site.Browser();
        var circulars = Numbers(await client.GetHtmlAsync("/van-ban?loai=" + Uri.EscapeDataString("Thông tư")));
        Assert.All(circulars, n => Assert.Contains("/TT-", n, StringComparison.Ordinal));
        Assert.Contains("46/2012/TT-BCT", circulars);

        var year2018 = Numbers(await client.GetHtmlAsync("/van-ban?nam=2018"));
        Assert.Equal(["14/2018/TT-BCT", "17/2018/TT-BCT", "28/2018/TT-BTC"], year2018.Order(StringComparer.Ordinal));

        var both = Numbers(await client.GetHtmlAsync("/van-ban?nam=2018&co-quan=" + Uri.EscapeDataString("Bộ Tài chính")));
        Assert.Equal(["28/2018/TT-BTC"], both);
    }

    [Fact]
    public async Task Keyword_without_diacritics_finds_documents()
    {
        var numbers = Numbers(await site.Browser().GetHtmlAsync("/van-ban?tu-khoa=binh+chon"));
        Assert.Contains("26/2014/TT-BCT", numbers);
        Assert.DoesNotContain("28/2018/TT-BTC", numbers);
    }

    [Theory]
    [InlineData("/van-ban?nam=abc")]
    [InlineData("/van-ban?nam=99999")]
    [InlineData("/van-ban?trang=-1")]
    public async Task Malformed_filters_are_400(string url) =>
        await site.Browser().GetHtmlAsync(url, HttpStatusCode.BadRequest);

    [Fact]
    public async Task Document_page_shows_metadata_and_the_decision_downloads()
    {
        var client = site.Browser();
        var doc = await client.GetHtmlAsync("/van-ban/quyet-dinh-1625-qd-ubnd");
        var meta = doc.QuerySelector(".meta-table")!.TextContent;
        Assert.Contains("1625/QĐ-UBND", meta, StringComparison.Ordinal);
        Assert.Contains("12/07/2021", meta, StringComparison.Ordinal);
        Assert.Contains("UBND tỉnh Bến Tre", meta, StringComparison.Ordinal);

        var href = doc.QuerySelector(".download a")!.GetAttribute("href")!;
        using var file = await client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", file.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_document_and_missing_file_are_404()
    {
        var client = site.Browser();
        await client.GetHtmlAsync("/van-ban/khong-ton-tai", HttpStatusCode.NotFound);
        using var response = await client.GetAsync(new Uri("/van-ban/nghi-dinh-45-2012-nd-cp/tai-ve", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
