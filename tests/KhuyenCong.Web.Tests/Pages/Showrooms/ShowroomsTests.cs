using System.Net;

namespace KhuyenCong.Web.Tests.Pages.Showrooms;

public sealed class ShowroomsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_showroom_page_shows_its_establishment_place_history_hours_photos_and_products()
    {
        var owner = await site.EstablishmentAsync("Hợp tác xã Trưng bày Thử");
        var product = await site.ProductAsync(owner, "Kẹo dừa lá dứa trưng bày");
        var room = await site.ShowroomAsync(owner, "huyen-giong-trom", product);

        var doc = await site.Browser().GetHtmlAsync("/phong-trung-bay/" + room.Slug);
        var text = doc.MainText();
        Assert.Equal("Hợp tác xã Trưng bày Thử", doc.QuerySelector($"a[href='/co-so/{owner.Slug}']")!.TextContent);
        Assert.Contains("ấp 2, xã Thử", text, StringComparison.Ordinal);
        Assert.Contains("huyện Giồng Trôm, tỉnh Bến Tre", text, StringComparison.Ordinal);
        Assert.Contains("nay thuộc tỉnh Vĩnh Long", text, StringComparison.Ordinal);
        Assert.Contains("7:30–17:00, thứ Hai đến thứ Bảy", text, StringComparison.Ordinal);
        Assert.Contains("2023", text, StringComparison.Ordinal);
        Assert.Equal("Kẹo dừa lá dứa trưng bày", doc.QuerySelector($"a[href='/san-pham/{product.Slug}']")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".gallery img[alt='Góc trưng bày hộp quà']"));
        Assert.Contains("Hộp quà tặng", doc.QuerySelector(".gallery figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(".hero-image img[alt='Kệ trưng bày kẹo dừa']"));
    }

    [Fact]
    public async Task The_list_filters_by_historical_district_or_by_province_without_javascript()
    {
        var inChoLach = await site.ShowroomAsync(null, "huyen-cho-lach");
        var inBaTri = await site.ShowroomAsync(null, "huyen-ba-tri");
        var client = site.Browser();

        var all = await client.GetHtmlAsync("/phong-trung-bay");
        Assert.NotNull(all.QuerySelector("form[method=get][action='/phong-trung-bay'] select[name=noi]"));
        Assert.Contains(inChoLach.Title, all.MainText(), StringComparison.Ordinal);
        Assert.Contains(inBaTri.Title, all.MainText(), StringComparison.Ordinal);

        var choLach = await client.GetHtmlAsync("/phong-trung-bay?noi=huyen-cho-lach");
        Assert.Contains(inChoLach.Title, choLach.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(inBaTri.Title, choLach.MainText(), StringComparison.Ordinal);
        Assert.Equal("huyen-cho-lach", choLach.QuerySelector("select[name=noi] option[selected]")!.GetAttribute("value"));
        Assert.Contains("nay thuộc tỉnh Vĩnh Long", choLach.QuerySelector(".media-card")!.TextContent, StringComparison.Ordinal);

        // The old province and the new one both cover the districts of 2021.
        foreach (var province in new[] { "ben-tre", "vinh-long" })
        {
            var doc = await client.GetHtmlAsync("/phong-trung-bay?noi=" + province);
            Assert.Contains(inChoLach.Title, doc.MainText(), StringComparison.Ordinal);
            Assert.Contains(inBaTri.Title, doc.MainText(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/phong-trung-bay?noi=khong-co")]
    [InlineData("/phong-trung-bay?noi=%3Cscript%3E")]
    [InlineData("/phong-trung-bay?trang=0")]
    [InlineData("/phong-trung-bay?trang=abc")]
    public async Task Bad_query_values_are_a_400(string url)
    {
        using var response = await site.Browser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_showrooms_are_not_found()
    {
        using var response = await site.Browser().GetAsync(new Uri("/phong-trung-bay/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
