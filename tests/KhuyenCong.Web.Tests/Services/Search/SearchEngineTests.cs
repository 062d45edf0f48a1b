using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace KhuyenCong.Web.Tests.Services.Search;

/// <summary>
/// Each app node ranks search in its own memory, built from SearchItems. Two engines over one database stand for two
/// nodes: what one node writes (an addition, a new text, a removal) the other finds at its next search, and a write
/// that rolls back is never seen. Runs on both databases.
/// </summary>
public sealed class SearchEngineTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static SearchDocument Doc(int id, string title, string body) =>
        new(SearchKinds.Article, id, title, $"/tin-tuc/dong-bo-{id}", "", body, DateTime.UtcNow.AddDays(-1), null);

    private static async Task<IReadOnlyList<string>> TitlesAsync(SearchEngine engine, AppDbContext db, string query)
    {
        var results = await engine.SearchAsync(db, query, 0, 10, null, CancellationToken.None);
        return [.. results.Hits.Select(h => string.Concat(h.Title.Select(t => t.Text)))];
    }

    [Fact]
    public async Task Another_node_finds_what_one_node_added_changed_and_removed()
    {
        using var writerNode = new SearchEngine(NullLogger<SearchEngine>.Instance);
        using var readerNode = new SearchEngine(NullLogger<SearchEngine>.Instance);
        var index = new DatabaseSearchIndex(writerNode);
        await site.WithDbAsync(async (db, _) =>
        {
            Assert.Empty(await TitlesAsync(readerNode, db, "zqdongbo"));
            var loaded = readerNode.Version;

            await index.UpsertAsync(db, Doc(810_001, "Tin zqdongbo thứ nhất", "Nội dung đồng bộ."));
            Assert.Equal(["Tin zqdongbo thứ nhất"], await TitlesAsync(readerNode, db, "zqdongbo"));
            Assert.True(readerNode.Version > loaded);

            await index.UpsertAsync(db, Doc(810_001, "Tin zqdoimoi đã sửa", "Nội dung khác."));
            Assert.Empty(await TitlesAsync(readerNode, db, "zqdongbo"));
            Assert.Equal(["Tin zqdoimoi đã sửa"], await TitlesAsync(readerNode, db, "zqdoimoi"));

            await index.RemoveAsync(db, SearchKinds.Article, 810_001);
            Assert.Empty(await TitlesAsync(readerNode, db, "zqdoimoi"));

            // Published again after the removal: found again, once.
            await index.UpsertAsync(db, Doc(810_001, "Tin zqdoimoi trở lại", "Nội dung."));
            Assert.Equal(["Tin zqdoimoi trở lại"], await TitlesAsync(readerNode, db, "zqdoimoi"));
            return 0;
        });
    }

    [Fact]
    public async Task A_write_that_rolls_back_is_never_found()
    {
        using var writerNode = new SearchEngine(NullLogger<SearchEngine>.Instance);
        using var readerNode = new SearchEngine(NullLogger<SearchEngine>.Instance);
        var index = new DatabaseSearchIndex(writerNode);
        await site.WithDbAsync(async (db, _) =>
        {
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await index.UpsertAsync(db, Doc(810_101, "Tin zqhuybo", "Sẽ không được lưu."));
                await tx.RollbackAsync();
            }

            Assert.Empty(await TitlesAsync(readerNode, db, "zqhuybo"));
            await index.UpsertAsync(db, Doc(810_102, "Tin zqhuybo đã lưu", "Được lưu."));
            Assert.Equal(["Tin zqhuybo đã lưu"], await TitlesAsync(readerNode, db, "zqhuybo"));
            return 0;
        });
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_and_every_other_word_exactly()
    {
        using var node = new SearchEngine(NullLogger<SearchEngine>.Instance);
        var index = new DatabaseSearchIndex(node);
        await site.WithDbAsync(async (db, _) =>
        {
            await index.UpsertAsync(db, Doc(810_201, "Máy zqtiento sấy", "Nội dung."));
            await index.UpsertAsync(db, Doc(810_202, "Máy zqtien sấy", "Nội dung."));
            Assert.Equal(2, (await TitlesAsync(node, db, "may zqtien")).Count);
            Assert.Equal(["Máy zqtien sấy"], await TitlesAsync(node, db, "zqtien may"));
            Assert.Empty(await TitlesAsync(node, db, "zqtie may"));
            return 0;
        });
    }
}
