using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task A_long_body_whose_match_lies_past_its_start_still_shows_the_match_and_one_with_none_shows_the_summary()
    {
        // A search reads the start of each hit's body and the whole body only when the start cannot decide.
        using var node = new SearchEngine(NullLogger<SearchEngine>.Instance);
        var index = new DatabaseSearchIndex(node);
        var filler = string.Join(' ', Enumerable.Repeat("nội dung dài", 200));
        await site.WithDbAsync(async (db, _) =>
        {
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Article, 810_201, "Tin zqxadai ở cuối", "/tin-tuc/zq-1", "Tóm tắt một",
                filler + " đoạn zqxadai sau cùng " + filler, DateTime.UtcNow.AddDays(-1), null));
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Article, 810_202, "Tin zqxadai chỉ ở tiêu đề", "/tin-tuc/zq-2", "Tóm tắt hai",
                filler, DateTime.UtcNow.AddDays(-2), null));
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Article, 810_203, "Tin zqxadai ở đầu", "/tin-tuc/zq-3", "Tóm tắt ba",
                "Mở đầu zqxadai rồi " + filler, DateTime.UtcNow.AddDays(-3), null));

            var hits = (await node.SearchAsync(db, "zqxadai", 0, 10, null, CancellationToken.None)).Hits.ToDictionary(h => h.ItemId);

            Assert.Equal(["zqxadai"], hits[810_201].Snippet.Where(s => s.IsMatch).Select(s => s.Text));
            Assert.StartsWith("… ", hits[810_201].Snippet[0].Text, StringComparison.Ordinal);
            Assert.Equal("Tóm tắt hai", string.Concat(hits[810_202].Snippet.Select(s => s.Text)));
            Assert.Equal(["zqxadai"], hits[810_203].Snippet.Where(s => s.IsMatch).Select(s => s.Text));
            Assert.StartsWith("Mở đầu", hits[810_203].Snippet[0].Text, StringComparison.Ordinal);
            Assert.True(filler.Length > SearchEngine.BodyStart * 2);
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

    [Fact]
    public async Task The_site_loads_its_index_at_start_without_waiting_for_a_search()
    {
        // Nothing in this class searches through the site's own engine: only the warm-up at start can load it.
        var engine = site.Services.GetRequiredService<SearchEngine>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (engine.Version < 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        Assert.True(engine.Version >= 0, $"the index was not loaded {waited.Elapsed.TotalSeconds:F0} s after start");
        var loaded = await site.WithDbAsync((db, _) => SearchStamp.ReadAsync(db, CancellationToken.None));
        Assert.True(engine.Version <= loaded);
    }

    [Fact]
    public async Task Scoring_from_word_places_ranks_exactly_as_reading_every_word()
    {
        using var engine = new SearchEngine(NullLogger<SearchEngine>.Instance);
        var index = new DatabaseSearchIndex(engine);
        await site.WithDbAsync(async (db, _) =>
        {
            // Phrases in each field, repeated words, a word that stands for two query words, words across fields.
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Article, 820_001, "Zqvitri đào tạo nghề đào tạo",
                "/tin-tuc/vi-tri-1", "Tóm tắt zqvitri về đào tạo", "Thân bài: đào tạo nghề zqvitri zqvitri, dao tao lại.", DateTime.UtcNow.AddDays(-2), null));
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Article, 820_002, "Tin zqvitri",
                "/tin-tuc/vi-tri-2", "nghề đào", "tạo nghề đào tạo đào đào tạo zqvitri", DateTime.UtcNow.AddDays(-1), null));
            await index.UpsertAsync(db, new SearchDocument(SearchKinds.Article, 820_003, "Zqvitri zqvitri",
                "/tin-tuc/vi-tri-3", "", "đào tạo", DateTime.UtcNow.AddDays(-1), null));
            await engine.SyncAsync(db, CancellationToken.None);
            string[] queries = ["zqvitri dao tao", "dao tao nghe", "dao tao", "zqvitri zqvitri", "nghe dao tao zqv", "dao dao tao",
                "tao nghe dao t", "zqvitri d", "khuyen cong", "san pham", "ho tro doanh nghiep", "ben tre 2021", "keo dua", "ca"];
            var compared = 0;
            foreach (var q in queries)
            {
                foreach (var (places, reading) in engine.ScoreBothWays(SearchQuery.Terms(q)))
                {
                    Assert.True(places == reading, $"\"{q}\": from places {places}, by reading {reading}");
                    compared++;
                }
            }

            Assert.True(compared > 50, $"only {compared} candidates compared");
            return 0;
        });
    }

    private static readonly string[] PagedQueries = ["khuyen cong", "san pham", "dao tao", "c", "ben tre", "ho tro doanh nghiep"];
    private static readonly int[] PageSizes = [10, 7];

    [Fact]
    public async Task Each_page_of_the_ranking_holds_the_same_rows_as_sorting_every_candidate()
    {
        using var engine = new SearchEngine(NullLogger<SearchEngine>.Instance);
        await site.WithDbAsync(async (db, _) =>
        {
            await engine.SyncAsync(db, CancellationToken.None);
            var checkedPages = 0;
            foreach (var q in PagedQueries)
            {
                var terms = SearchQuery.Terms(q);
                var reference = engine.RankedBySortingAll(terms);
                var paged = new List<int>();
                foreach (var take in PageSizes)
                {
                    paged.Clear();
                    for (var skip = 0; skip < reference.Count; skip += take)
                    {
                        var page = engine.Rank(terms, skip, take, null);
                        Assert.Equal(reference.Count, page.Total);
                        paged.AddRange(page.Ids);
                        checkedPages++;
                    }

                    Assert.Equal(reference, paged);
                }
            }

            Assert.True(checkedPages > 20, $"only {checkedPages} pages compared");
            return 0;
        });
    }

    private static readonly string[] MatchQueries = ["dao tao", "khuyen cong c", "san pham th", "ben tre x", "c", "ho tro doanh nghiep", "keo dua", "2021", "san pham t"];

    [Fact]
    public async Task The_candidates_are_the_newest_rows_holding_every_word_and_the_prefix_as_reading_every_row_finds()
    {
        using var engine = new SearchEngine(NullLogger<SearchEngine>.Instance);
        await site.WithDbAsync(async (db, _) =>
        {
            await engine.SyncAsync(db, CancellationToken.None);
            var rows = (await db.SearchItems.AsNoTracking().Where(r => !r.Removed)
                    .Select(r => new { r.Id, r.Kind, r.Title, r.Summary, r.BodyText }).ToListAsync())
                .Select(r => (Id: (int)r.Id, r.Kind, Words: TextFolding.Tokens(r.Title).Concat(TextFolding.Tokens(r.Summary))
                    .Concat(TextFolding.Tokens(r.BodyText)).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            foreach (var q in MatchQueries)
            {
                var terms = SearchQuery.Terms(q);
                foreach (var kind in new string?[] { null, SearchKinds.Product, SearchKinds.Article })
                {
                    var expected = rows
                        .Where(r => (kind is null || r.Kind == kind) && terms.Take(terms.Count - 1).All(r.Words.Contains)
                            && r.Words.Any(w => w.StartsWith(terms[^1], StringComparison.Ordinal)))
                        .Select(r => r.Id).OrderDescending().Take(SearchQuery.MaxCounted).Order().ToList();
                    var ranking = engine.Rank(terms, 0, SearchQuery.MaxCounted, kind);
                    Assert.True(expected.Count == ranking.Total, $"\"{q}\" ({kind ?? "every kind"}): {ranking.Total} found, {expected.Count} by reading");
                    Assert.Equal(expected, ranking.Ids.Order().ToList());
                }
            }

            return 0;
        });
    }
}
