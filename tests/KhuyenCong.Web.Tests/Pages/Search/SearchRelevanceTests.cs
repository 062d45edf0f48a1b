using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Search;

/// <summary>
/// Issue 15 item 6: realistic queries over the starting content (without diacritics, document numbers, venues,
/// producer names, places, episode numbers) each find the expected item among the first three hits on /tim-kiem.
/// The expected item is named by its content file (or "co-so/{slug}" for a producer of establishments.yml).
/// </summary>
public sealed class SearchRelevanceTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static TheoryData<string, string> Queries => new()
    {
        // Venues, hosts and organisers of fairs.
        { "dong khoi", "fairs/hoi-cho-cnnt-va-san-pham-dua-ben-tre-2024.md" },
        { "Công viên Đồng Khởi", "fairs/hoi-cho-cnnt-va-san-pham-dua-ben-tre-2024.md" },
        { "cong vien song hau", "fairs/hoi-cho-hang-cnnt-tieu-bieu-khu-vuc-phia-nam-2023.md" },
        { "hoi cho can tho", "fairs/hoi-cho-hang-cnnt-tieu-bieu-khu-vuc-phia-nam-2023.md" },
        { "hoi cho vinh long 2027", "fairs/hoi-cho-trien-lam-hang-cnnt-tinh-vinh-long-thang-3-2027.md" },
        // Document numbers, whole or in part, with or without diacritics.
        { "1625/QĐ-UBND", "documents/quyet-dinh-1625-qd-ubnd.md" },
        { "1625", "documents/quyet-dinh-1625-qd-ubnd.md" },
        { "quyet dinh 1625", "documents/quyet-dinh-1625-qd-ubnd.md" },
        { "45/2012/NĐ-CP", "documents/nghi-dinh-45-2012-nd-cp.md" },
        { "nghi dinh 235", "documents/nghi-dinh-235-2025-nd-cp.md" },
        { "thong tu 26/2014", "documents/thong-tu-26-2014-tt-bct.md" },
        { "28/2018/TT-BTC", "documents/thong-tu-28-2018-tt-btc.md" },
        { "chi thi 04/CT-BCT", "documents/chi-thi-04-ct-bct.md" },
        { "1881/QĐ-TTg", "documents/quyet-dinh-1881-qd-ttg.md" },
        // TV episodes by number.
        { "ky 5", "tv/ky-05-phat-dong-binh-chon-san-pham-tieu-bieu-2022.md" },
        { "kỳ 14", "tv/ky-14-may-say-bom-nhiet-dua-say-ba-tri.md" },
        { "ky 20", "tv/ky-20-nhin-lai-chuong-trinh-2021-2025.md" },
        { "truyen hinh may trang banh", "tv/ky-09-may-trang-banh-tu-dong-my-long.md" },
        // Products by name, producer and place.
        { "banh phong sua", "products/banh-phong-sua-son-doc.md" },
        { "banh phong son doc", "products/bo-banh-phong-son-doc-ba-vi.md" },
        { "keo dua sua la dua", "products/keo-dua-sua-la-dua.md" },
        { "nuoc mam an thuy", "products/nuoc-mam-ca-com-an-thuy.md" },
        { "tui xach dan luc binh", "products/tui-xach-luc-binh.md" },
        { "chom chom say", "products/chom-chom-say-deo.md" },
        { "mat hoa dua", "products/mat-hoa-dua-co-dac.md" },
        { "may say com dua", "products/may-say-com-dua-bom-nhiet.md" },
        // Producers (establishments) by name.
        { "bien xanh an thuy", "co-so/cs-nuoc-mam-an-thuy" },
        { "co khi nam hiep", "co-so/cs-co-khi-nam-hiep" },
        { "luong quoi thanh", "co-so/cty-co-khi-luong-quoi" },
        { "hop tac xa mat hoa dua chau binh", "co-so/htx-mat-hoa-dua-chau-binh" },
        { "thach dua ngoc phuoc", "co-so/cty-thach-dua-ngoc-phuoc" },
        // Showrooms by address and place.
        { "hung nhuong", "showrooms/phong-trung-bay-banh-phong-ut-hanh.md" },
        { "phong trung bay phu le", "showrooms/phong-trung-bay-htx-dan-dat-phu-le.md" },
        { "son dong go dua", "showrooms/phong-trung-bay-my-nghe-go-dua-bay-thom.md" },
        { "phong trung bay thanh thoi b", "showrooms/phong-trung-bay-htx-keo-dua-thanh-thoi-loc.md" },
        // News and pages by their words, in order.
        { "dao tao khoi su doanh nghiep", "articles/2021-11-16-khai-giang-khoa-dao-tao-khoi-su-doanh-nghiep-cho-co-so-cong-nghiep-nong-thon.md" },
        { "may trang banh tu dong", "articles/2023-05-17-may-trang-banh-tu-dong-giup-co-so-banh-trang-my-long-nang-cong-suat.md" },
        { "thi diem san xuat sach hon thach dua", "articles/2023-08-23-trien-khai-mo-hinh-thi-diem-san-xuat-sach-hon-tai-co-so-thach-dua-o-mo-cay-bac.md" },
        { "lien he", "pages/lien-he.md" },
    };

    private static Dictionary<string, string>? urls;

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_expected_item_is_among_the_first_three_hits(string query, string expected)
    {
        var map = await UrlsAsync();
        Assert.True(map.TryGetValue(expected, out var url), $"no published item from {expected}");
        var doc = await site.Browser().GetHtmlAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        var top = doc.QuerySelectorAll(".search-hit h2 a").Take(3).Select(a => a.GetAttribute("href")).ToList();
        Assert.True(top.Contains(url), $"“{query}”: {url} is not in the top 3: {string.Join(", ", top)}");
    }

    [Fact]
    public void The_set_has_at_least_thirty_queries() => Assert.True(Queries.Count >= 30);

    [Fact]
    public async Task Items_with_the_words_as_a_phrase_rank_above_items_with_them_scattered()
    {
        // "dong khoi": the fair at Công viên Đồng Khởi (a phrase) comes before texts with "động" and "khởi" apart.
        var map = await UrlsAsync();
        var doc = await site.Browser().GetHtmlAsync("/tim-kiem?q=dong+khoi");
        var first = doc.QuerySelector(".search-hit h2 a")?.GetAttribute("href");
        Assert.Equal(map["fairs/hoi-cho-cnnt-va-san-pham-dua-ben-tre-2024.md"], first);

        var snippets = doc.QuerySelectorAll(".search-hit").Select(h => TextFolding.Fold(h.TextContent)).ToList();
        var lastPhrase = snippets.FindLastIndex(s => s.Contains("dong khoi", StringComparison.Ordinal));
        var firstScattered = snippets.FindIndex(s => !s.Contains("dong khoi", StringComparison.Ordinal));
        Assert.True(firstScattered < 0 || lastPhrase < firstScattered || lastPhrase < 0,
            $"a scattered match at {firstScattered} ranks above a phrase match at {lastPhrase}");
    }

    [Fact]
    public async Task Each_hit_shows_its_kind_and_the_kind_filter_works_without_javascript()
    {
        var client = site.Browser();
        var all = await client.GetHtmlAsync("/tim-kiem?q=dua");
        var filters = all.QuerySelectorAll("nav.search-kinds a").ToList();
        Assert.True(filters.Count >= 4, "expected a filter per kind found");
        Assert.All(all.QuerySelectorAll(".search-hit"), h => Assert.NotNull(h.QuerySelector(".search-kind")));
        var labels = all.QuerySelectorAll(".search-kind").Select(k => k.TextContent.Trim()).ToHashSet();
        Assert.Subset(new HashSet<string> { "Tin", "Văn bản", "Sản phẩm", "Hội chợ", "Truyền hình", "Phòng trưng bày", "Trang", "Cơ sở" }, labels);

        var productFilter = filters.Single(a => a.TextContent.StartsWith("Sản phẩm", StringComparison.Ordinal));
        var count = int.Parse(productFilter.TextContent.Split('(', ')')[1], System.Globalization.CultureInfo.InvariantCulture);
        var products = await client.GetHtmlAsync(productFilter.GetAttribute("href")!);
        Assert.Contains($"Có {count} kết quả", products.MainText(), StringComparison.Ordinal);
        Assert.All(products.QuerySelectorAll(".search-kind"), k => Assert.Equal("Sản phẩm", k.TextContent.Trim()));
        Assert.All(products.QuerySelectorAll(".search-hit h2 a"), a => Assert.StartsWith("/san-pham/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("page", products.QuerySelector("nav.search-kinds a[aria-current]")?.GetAttribute("aria-current"));

        var producers = await client.GetHtmlAsync("/tim-kiem?q=dua&loai=establishment");
        Assert.NotEmpty(producers.QuerySelectorAll(".search-hit"));
        Assert.All(producers.QuerySelectorAll(".search-hit h2 a"), a => Assert.StartsWith("/co-so/", a.GetAttribute("href"), StringComparison.Ordinal));

        using var bad = await client.GetAsync("/tim-kiem?q=dua&loai=khong-co");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<Dictionary<string, string>> UrlsAsync()
    {
        if (urls is not null)
        {
            return urls;
        }

        var map = await site.WithDbAsync(async (db, _) =>
        {
            var now = DateTime.UtcNow;
            var rows = new List<(string? Path, string Url)>();
            rows.AddRange((await db.Articles.Published(now).Select(x => new { x.SourcePath, x.Slug }).ToListAsync()).Select(x => (x.SourcePath, SiteUrls.Article(x.Slug))));
            rows.AddRange((await db.Documents.Published(now).Select(x => new { x.SourcePath, x.Slug }).ToListAsync()).Select(x => (x.SourcePath, SiteUrls.Document(x.Slug))));
            rows.AddRange((await db.Pages.Published(now).Select(x => new { x.SourcePath, x.Path }).ToListAsync()).Select(x => (x.SourcePath, SiteUrls.Page(x.Path))));
            rows.AddRange((await db.Products.Published(now).Select(x => new { x.SourcePath, x.Slug }).ToListAsync()).Select(x => (x.SourcePath, SiteUrls.Product(x.Slug))));
            rows.AddRange((await db.TvSegments.Published(now).Select(x => new { x.SourcePath, x.Slug }).ToListAsync()).Select(x => (x.SourcePath, SiteUrls.TvSegment(x.Slug))));
            rows.AddRange((await db.Showrooms.Published(now).Select(x => new { x.SourcePath, x.Slug }).ToListAsync()).Select(x => (x.SourcePath, SiteUrls.Showroom(x.Slug))));
            rows.AddRange((await db.Fairs.Published(now).Select(x => new { x.SourcePath, x.Slug }).ToListAsync()).Select(x => (x.SourcePath, SiteUrls.Fair(x.Slug))));
            var result = rows.Where(r => r.Path is not null)
                .ToDictionary(r => r.Path!.Replace('\\', '/').TrimStart('/'), r => r.Url, StringComparer.Ordinal);
            foreach (var slug in await db.Establishments.Select(e => e.Slug).ToListAsync())
            {
                result["co-so/" + slug] = SiteUrls.Establishment(slug);
            }

            return result;
        });
        // Paths may be stored with the content folder's name in front: key by the part from the type folder on.
        urls = map.ToDictionary(kv => Key(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        return urls;
    }

    private static string Key(string path)
    {
        var parts = path.Split('/');
        return parts.Length <= 2 ? path : string.Join('/', parts[^2..]);
    }
}
