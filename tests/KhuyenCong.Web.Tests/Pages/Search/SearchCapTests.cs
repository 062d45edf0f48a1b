using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Search;

/// <summary>
/// A query with more matches than the cap counts and ranks only the newest <see cref="SearchQuery.MaxCounted"/>
/// and says so ("hơn 1.000 kết quả"); ranking within them keeps phrase-first order, and a kind filter still reaches
/// a kind whose matches are all older than the window.
/// </summary>
public sealed class SearchCapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Word = "zqvaxcap";

    private Task<int> SeedAsync() => site.WithDbAsync(async (db, sp) =>
    {
        if (await db.SearchItems.AnyAsync(s => s.Title.Contains(Word)))
        {
            return 0;
        }

        var index = sp.GetRequiredService<ISearchIndex>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var at = DateTime.UtcNow.AddDays(-1);
        // Oldest first: 20 showrooms, then 1,030 articles; the phrase "zqvaxcap mau" in a title once, near the end.
        for (var i = 0; i < 20; i++)
        {
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Showroom, 900_000 + i, $"Phòng {Word} {i}", $"/phong-trung-bay/cap-{i}", "", "Nội dung.", at, null));
        }

        for (var i = 0; i < 1030; i++)
        {
            var title = i == 1020 ? $"Bài {Word} mẫu đặc biệt" : $"Bài {i} {Word}";
            var body = i % 2 == 0 ? $"Chữ mẫu rồi {Word} cách xa." : "Nội dung thường.";
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Article, 900_000 + i, title, $"/tin-tuc/cap-{i}", "", body, at, null));
        }

        await tx.CommitAsync();
        return 0;
    });

    [Fact]
    public async Task A_broad_query_says_more_than_a_thousand_and_pages_through_the_thousand()
    {
        await SeedAsync();
        var client = site.Browser();
        var doc = await client.GetHtmlAsync($"/tim-kiem?q={Word}");
        Assert.Contains("Có hơn 1.000 kết quả", doc.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, doc.QuerySelectorAll(".search-hit").Length);
        Assert.Contains("Trang 1 / 100", doc.QuerySelector(".pager-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tất cả (hơn 1.000)", doc.QuerySelector("nav.search-kinds")!.TextContent, StringComparison.Ordinal);

        var last = await client.GetHtmlAsync($"/tim-kiem?q={Word}&trang=100");
        Assert.Equal(10, last.QuerySelectorAll(".search-hit").Length);
    }

    [Fact]
    public async Task Within_the_window_a_phrase_in_the_title_still_ranks_first()
    {
        await SeedAsync();
        var doc = await site.Browser().GetHtmlAsync($"/tim-kiem?q={Word}+mau");
        Assert.Equal($"Bài {Word} mẫu đặc biệt", doc.QuerySelector(".search-hit .card-title")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_kind_filter_reaches_matches_older_than_the_window()
    {
        await SeedAsync();
        var doc = await site.Browser().GetHtmlAsync($"/tim-kiem?q={Word}&loai={SearchKinds.Showroom}");
        Assert.Contains("Có 20 kết quả", doc.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.All(doc.QuerySelectorAll(".search-kind"), k => Assert.Equal("Phòng trưng bày", k.TextContent.Trim()));
    }
}
