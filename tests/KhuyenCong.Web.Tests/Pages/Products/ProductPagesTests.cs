using System.Net;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Products;

public sealed class ProductPagesTests(ShowcaseSiteFactory site) : IClassFixture<ShowcaseSiteFactory>
{
    [Fact]
    public async Task Import_brings_establishments_products_certifications_and_images_and_a_second_import_changes_nothing()
    {
        Assert.Contains("establishments: 3 entries, 3 added", site.ImportOutput, StringComparison.Ordinal);
        Assert.Contains("products: 3 files, 3 added", site.ImportOutput, StringComparison.Ordinal);
        var product = await site.WithDbAsync((db, _) => db.Products.AsNoTracking().Include(p => p.Certifications).Include(p => p.Establishment).Include(p => p.Place)
            .SingleAsync(p => p.Slug == "fx-keo-dua-la-dua"));
        Assert.Equal(CnntGroup.ProcessedFood, product.Group);
        Assert.Equal("fx-htx-keo-dua-an-hoa", product.Establishment!.Slug);
        Assert.Equal("huyen-giong-trom", product.Place!.Code);
        Assert.Equal(2, product.Certifications.Count);
        Assert.Equal(CertificationLevel.National, product.HighestLevel);
        Assert.Equal(2022, product.LatestRoundYear);
        Assert.Equal(4, product.OcopStars);
        Assert.Single(product.Gallery);
        Assert.Equal("https://example.com/mua", product.WhereToBuy.Single().Url);
        Assert.Equal(2022, product.Support.Single().Year);
        Assert.True(product.IsSample);
        var images = await site.WithDbAsync((db, _) => db.MediaFiles.CountAsync(m => m.StorageName == product.FeaturedImage || m.StorageName == product.Gallery[0].Media));
        Assert.Equal(2, images);
        var revisions = await site.WithDbAsync((db, _) => db.Revisions.CountAsync(r => r.ContentType == nameof(Product) && r.ContentId == product.Id));

        var again = await site.ImportAsync(site.ContentCopy);
        Assert.Contains("establishments: 3 entries, 0 added, 0 updated, 3 unchanged", again, StringComparison.Ordinal);
        Assert.Contains("products: 3 files, 0 added, 0 updated, 3 unchanged", again, StringComparison.Ordinal);
        Assert.Equal(revisions, await site.WithDbAsync((db, _) => db.Revisions.CountAsync(r => r.ContentType == nameof(Product) && r.ContentId == product.Id)));
    }

    [Theory]
    [InlineData("group: processed-food", "group: snacks", "'group' must be")]
    [InlineData("producer: fx-htx-keo-dua-an-hoa", "producer: khong-co", "unknown producer")]
    [InlineData("place: huyen-giong-trom", "place: huyen-khong-co", "unknown place")]
    [InlineData("    round: 2020", "    round: abc", "")]
    [InlineData("  - level: national", "  - level: galactic", "certification level")]
    public async Task A_bad_product_file_names_the_file_and_line_and_imports_nothing(string from, string to, string message)
    {
        using var copy = ShowcaseSiteFactory.CopyOfFixtures();
        var folder = copy.Path;
        var file = Path.Combine(folder, "products", "fx-keo-dua-la-dua.md");
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text.Replace(from, to, StringComparison.Ordinal).Replace("Kẹo dừa lá dứa thử nghiệm", "Đổi tên", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<ContentImportException>(() => site.ImportAsync(folder));
        Assert.Equal("products/fx-keo-dua-la-dua.md", error.File);
        Assert.True(error.Line > 1, error.Message);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync((db, _) => db.Products.AnyAsync(p => p.Title == "Đổi tên")));
    }

    [Fact]
    public async Task A_bad_establishment_entry_names_its_line()
    {
        using var copy = ShowcaseSiteFactory.CopyOfFixtures();
        var folder = copy.Path;
        var file = Path.Combine(folder, "establishments.yml");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("kind: enterprise", "kind: empire", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<ContentImportException>(() => site.ImportAsync(folder));
        Assert.Equal("establishments.yml", error.File);
        var line = text.Split('\n').Select((l, i) => (l, i)).Last(x => x.l.StartsWith("- slug:", StringComparison.Ordinal)).i + 1;
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public async Task Product_page_shows_gallery_certifications_producer_place_history_share_links_and_valid_json_ld()
    {
        var doc = await site.Browser().GetHtmlAsync("/san-pham/fx-keo-dua-la-dua");
        Assert.Equal("Kẹo dừa lá dứa thử nghiệm", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("huyện Giồng Trôm, tỉnh Bến Tre — nay thuộc tỉnh Vĩnh Long", doc.QuerySelector("[data-place-history]")!.TextContent.Trim());
        var rows = doc.QuerySelectorAll("table.certifications tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("2022", rows[0], StringComparison.Ordinal);
        Assert.Contains("Cấp quốc gia", rows[0], StringComparison.Ordinal);
        Assert.Contains("200/QĐ-BCT", rows[0], StringComparison.Ordinal);
        Assert.Contains("15/11/2022", rows[0], StringComparison.Ordinal);
        Assert.Contains("Cấp tỉnh", rows[1], StringComparison.Ordinal);
        Assert.True(doc.QuerySelectorAll("picture source[srcset*='480w']").Length >= 2);
        Assert.Equal("Nấu kẹo dừa trong chảo lớn", doc.QuerySelector(".product-gallery img")!.GetAttribute("alt"));
        Assert.Equal("/co-so/fx-htx-keo-dua-an-hoa", doc.QuerySelector(".producer-card h2 a")!.GetAttribute("href"));
        Assert.Contains("Dữ liệu mẫu", doc.QuerySelector(".sample-label")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hỗ trợ máy đóng gói tự động", doc.MainText(), StringComparison.Ordinal);
        Assert.Contains("Cửa hàng của hợp tác xã", doc.MainText(), StringComparison.Ordinal);
        var share = doc.QuerySelectorAll(".share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fkhuyencong.test%2Fsan-pham%2Ffx-keo-dua-la-dua", share);
        Assert.Contains("https://zalo.me/share?url=https%3A%2F%2Fkhuyencong.test%2Fsan-pham%2Ffx-keo-dua-la-dua", share);
        Assert.EndsWith("-share.jpg", doc.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);

        var ld = doc.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent)).ToList();
        var product = ld.Single(j => j.RootElement.GetProperty("@type").GetString() == "Product").RootElement;
        Assert.Equal("Kẹo dừa lá dứa thử nghiệm", product.GetProperty("name").GetString());
        Assert.Equal("https://khuyencong.test/san-pham/fx-keo-dua-la-dua", product.GetProperty("url").GetString());
        Assert.Equal("Hợp tác xã Kẹo dừa An Hòa (thử nghiệm)", product.GetProperty("manufacturer").GetProperty("name").GetString());
        Assert.Equal(2, product.GetProperty("image").GetArrayLength());
        Assert.Equal(3, product.GetProperty("award").GetArrayLength());
    }

    [Fact]
    public async Task Producer_card_lists_other_products_and_related_products_share_the_group()
    {
        var doc = await site.Browser().GetHtmlAsync("/san-pham/fx-gao-dua-my-nghe");
        var related = doc.QuerySelectorAll(".related li.product-card").Select(li => li.GetAttribute("data-slug")!).ToList();
        Assert.NotEmpty(related);
        var groups = await site.WithDbAsync((db, _) => db.Products.Where(p => related.Contains(p.Slug)).Select(p => p.Group).Distinct().ToListAsync());
        Assert.Equal([CnntGroup.Handicraft], groups);
        var other = await site.WithDbAsync((db, _) => db.Products.Where(p => p.Establishment!.Slug == "fx-co-so-dua-thu-cong" && p.Slug != "fx-gao-dua-my-nghe" && p.Status == ContentStatus.Published)
            .Select(p => p.Slug).ToListAsync());
        var listed = doc.QuerySelectorAll(".producer-card li a").Select(a => a.GetAttribute("href")!.Replace("/san-pham/", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(other.Order(), listed.Order());

        // Related: the same group, not this product nor the producer's others, latest round first, then newest.
        var now = DateTime.UtcNow;
        var expected = await site.WithDbAsync(async (db, _) => (await db.Products.Where(p => p.Status == ContentStatus.Published && p.PublishAt <= now
                && p.Group == CnntGroup.Handicraft && p.Slug != "fx-gao-dua-my-nghe" && !other.Contains(p.Slug))
            .Select(p => new { p.Slug, p.LatestRoundYear, p.PublishAt, p.Id }).ToListAsync())
            .OrderByDescending(p => p.LatestRoundYear).ThenByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).Take(4).Select(p => p.Slug).ToList());
        Assert.Equal(expected, related);
    }

    [Fact]
    public async Task Producer_page_shows_kind_place_history_products_and_contact_only_when_consented()
    {
        var client = site.Browser();
        var consented = await client.GetHtmlAsync("/co-so/fx-htx-keo-dua-an-hoa");
        Assert.Equal("Hợp tác xã Kẹo dừa An Hòa (thử nghiệm)", consented.QuerySelector("h1")!.TextContent);
        Assert.Contains("Hợp tác xã", consented.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("huyện Giồng Trôm, tỉnh Bến Tre — nay thuộc tỉnh Vĩnh Long", consented.QuerySelector("[data-place-history]")!.TextContent.Trim());
        Assert.Contains("0275 3 111 222", consented.MainText(), StringComparison.Ordinal);
        Assert.Contains("fx-keo-dua-la-dua", consented.QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")));
        var ld = consented.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent)).ToList();
        Assert.Contains(ld, j => j.RootElement.GetProperty("@type").GetString() == "Organization");

        var private_ = await client.GetHtmlAsync("/co-so/fx-co-so-dua-thu-cong");
        Assert.DoesNotContain("0909 000 111", private_.Source.Text, StringComparison.Ordinal);
        Assert.Empty(private_.QuerySelectorAll("[data-contact]"));
        await client.GetHtmlAsync("/co-so/khong-co", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Drafts_and_scheduled_products_are_not_shown()
    {
        var client = site.Browser();
        await client.GetHtmlAsync("/san-pham/fx-draft", HttpStatusCode.NotFound);
        await client.GetHtmlAsync("/san-pham/fx-scheduled", HttpStatusCode.NotFound);
        var list = await client.GetHtmlAsync("/san-pham?tu-khoa=an");
        Assert.DoesNotContain("Sản phẩm nháp ẩn", list.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_are_in_site_search_and_the_sitemap()
    {
        var client = site.Browser();
        var search = await client.GetHtmlAsync("/tim-kiem?q=keo+dua+la+dua");
        Assert.Contains(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/san-pham/fx-keo-dua-la-dua");
        Assert.Contains("Sản phẩm", search.MainText(), StringComparison.Ordinal);
        var index = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Contains("/sitemap-products-1.xml", index, StringComparison.Ordinal);
        var products = await client.GetStringAsync(new Uri("/sitemap-products-1.xml", UriKind.Relative));
        Assert.Contains("https://khuyencong.test/san-pham/fx-keo-dua-la-dua", products, StringComparison.Ordinal);
        Assert.DoesNotContain("fx-draft", products, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_navigation_has_the_products_entry_after_documents()
    {
        var doc = await site.Browser().GetHtmlAsync("/san-pham");
        var links = doc.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(links.IndexOf("/van-ban") + 1, links.IndexOf("/san-pham"));
        Assert.Equal("page", doc.QuerySelector(".main-nav a[href='/san-pham']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Place_history_describes_former_and_current_units()
    {
        var places = await site.WithDbAsync(async (db, _) => await PlaceHistory.LoadAsync(db));
        var today = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal("huyện Ba Tri, tỉnh Bến Tre — nay thuộc tỉnh Vĩnh Long", places.Describe(places.ByCode["huyen-ba-tri"], today));
        Assert.Equal("huyện Ba Tri, tỉnh Bến Tre", places.Describe(places.ByCode["huyen-ba-tri"], new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("tỉnh Vĩnh Long", places.Describe(places.ByCode["vinh-long"], today));
        Assert.Contains(places.ByCode["huyen-ba-tri"].Id, places.Covered(places.ByCode["vinh-long"]));
        Assert.DoesNotContain(places.ByCode["huyen-ba-tri"].Id, places.Covered(places.ByCode["huyen-giong-trom"]));
    }
}
