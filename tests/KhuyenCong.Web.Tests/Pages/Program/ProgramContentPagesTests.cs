using System.Net;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace KhuyenCong.Web.Tests.Pages.Program;

/// <summary>/chuong-trinh stays light (issue 18): the summary within 60,000 bytes, each programme content on a page of its own.</summary>
public sealed class ProgramContentPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>60 KB of HTML for the summary page, measured on the starting content (it was 60,820 bytes).</summary>
    private const int MaxSummaryBytes = 60_000;

    [Fact]
    public async Task The_summary_page_is_at_most_60_KB_and_links_every_content_page_which_answers_and_is_in_the_sitemap()
    {
        using var response = await site.Browser().GetAsync(new Uri("/chuong-trinh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length <= MaxSummaryBytes, $"/chuong-trinh is {bytes.Length} bytes of HTML");

        var doc = await new HtmlParser().ParseDocumentAsync(Encoding.UTF8.GetString(bytes));
        var links = doc.QuerySelectorAll("#sau-noi-dung a[href^='/chuong-trinh/noi-dung/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(6, links.Count);
        Assert.Equal(ProgramContents.All.Select(c => c.Path), links);

        // Each id once: the skip link's target (main#noi-dung) must stay the only "noi-dung".
        Assert.Empty(doc.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key));

        var sitemap = await SitemapLocationsAsync();
        foreach (var path in links.Append("/chuong-trinh/so-lieu"))
        {
            var page = await site.Browser().GetHtmlAsync(path);
            Assert.NotEmpty(page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Empty(page.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key));
            Assert.Contains("https://khuyencong.test" + path, sitemap);
        }
    }

    [Fact]
    public async Task Every_target_of_the_summary_is_on_exactly_one_content_page_with_the_same_figures()
    {
        var summary = await site.Browser().GetHtmlAsync("/chuong-trinh");
        var rows = summary.QuerySelectorAll("#table-tien-do tbody tr").ToDictionary(tr => tr.Id!, tr => tr.QuerySelectorAll("td").Take(2).Select(td => td.GetAttribute("data-value")).ToList());
        Assert.NotEmpty(rows);
        var seen = new List<string>();
        foreach (var content in ProgramContents.All)
        {
            var page = await site.Browser().GetHtmlAsync(content.Path);
            foreach (var tr in page.QuerySelectorAll($"#table-noi-dung-{content.Number} tbody tr"))
            {
                seen.Add(tr.Id!);
                Assert.Equal(rows[tr.Id!], tr.QuerySelectorAll("td").Take(2).Select(td => td.GetAttribute("data-value")).ToList());
            }
        }

        Assert.Equal(rows.Keys.Order(), seen.Order());
        using var unknown = await site.Browser().GetAsync(new Uri("/chuong-trinh/noi-dung/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<HashSet<string>> SitemapLocationsAsync()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await site.Browser().GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var locations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sitemap in index.Descendants(ns + "loc").Select(l => new Uri(l.Value).PathAndQuery))
        {
            var urls = XDocument.Parse(await site.Browser().GetStringAsync(new Uri(sitemap, UriKind.Relative)));
            locations.UnionWith(urls.Descendants(ns + "loc").Select(l => l.Value));
        }

        return locations;
    }
}
