using System.Net;

namespace KhuyenCong.Web.Tests.Pages.ContentPages;

public sealed class StaticPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Programme_page_lists_its_sub_pages()
    {
        var doc = await site.Browser().GetHtmlAsync("/chuong-trinh");
        var children = doc.QuerySelectorAll(".child-pages a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var path in new[] { "gioi-thieu", "muc-tieu", "doi-tuong-pham-vi", "noi-dung-ho-tro", "kinh-phi", "to-chuc-thuc-hien" })
        {
            Assert.Contains("/chuong-trinh/" + path, children);
        }
    }

    [Fact]
    public async Task Sub_page_has_breadcrumb_through_its_parent_and_exact_budget_figures()
    {
        var doc = await site.Browser().GetHtmlAsync("/chuong-trinh/kinh-phi");
        var crumbs = doc.QuerySelectorAll(".breadcrumb li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, crumbs.Count);
        Assert.NotNull(doc.QuerySelector(".breadcrumb a[href='/chuong-trinh']"));
        var text = doc.MainText();
        Assert.Contains("175.155", text, StringComparison.Ordinal);
        Assert.Contains("19.525", text, StringComparison.Ordinal);
        Assert.Contains("22.335", text, StringComparison.Ordinal);
        Assert.Contains("133.295", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_page_shows_the_agency_contact_block_from_settings()
    {
        var doc = await site.Browser().GetHtmlAsync("/lien-he");
        Assert.Equal("Liên hệ", doc.QuerySelector("h1")?.TextContent);
        Assert.NotNull(doc.QuerySelector("main .contact-block a[href='mailto:sct@bentre.gov.vn']"));
    }

    [Fact]
    public async Task English_page_is_marked_as_English()
    {
        var doc = await site.Browser().GetHtmlAsync("/english");
        Assert.Equal("en", doc.QuerySelector("article")?.GetAttribute("lang"));
        Assert.Contains("Department of Industry and Trade", doc.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_path_is_a_Vietnamese_404()
    {
        var doc = await site.Browser().GetHtmlAsync("/khong/co/trang/nay", HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy trang", doc.QuerySelector("h1")?.TextContent);
    }
}
