using System.Text;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services.Search;

public class SearchQueryTests
{
    [Fact]
    public void Terms_are_folded_words()
    {
        Assert.Equal(["dao", "tao", "nghe"], SearchQuery.Terms("Đào TẠO, nghề!"));
    }

    [Fact]
    public void Nfd_query_gives_the_same_terms_as_nfc()
    {
        const string query = "Đồng Khởi khuyến công";

        Assert.Equal(
            SearchQuery.Terms(query.Normalize(NormalizationForm.FormC)),
            SearchQuery.Terms(query.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void At_most_eight_terms_are_kept_in_order()
    {
        var terms = SearchQuery.Terms("mot hai ba bon nam sau bay tam chin muoi");

        Assert.Equal(SearchQuery.MaxTerms, terms.Count);
        Assert.Equal(["mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam"], terms);
    }

    [Fact]
    public void Terms_over_forty_chars_are_dropped()
    {
        var longest = new string('a', SearchQuery.MaxTermLength);
        var tooLong = new string('b', SearchQuery.MaxTermLength + 1);

        var terms = SearchQuery.Terms($"dao {tooLong} {longest} tao");

        Assert.Equal(["dao", longest, "tao"], terms);
    }

    [Fact]
    public void Dropped_long_terms_do_not_count_towards_the_eight()
    {
        // Three over-long words first (126 chars, still inside the 200-char limit), then nine short ones.
        var tooLong = new string('x', SearchQuery.MaxTermLength + 1);
        var query = string.Join(' ', Enumerable.Repeat(tooLong, 3)) + " a b c d e f g h i";

        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], SearchQuery.Terms(query));
    }

    [Fact]
    public void Long_queries_are_truncated_before_splitting()
    {
        // Only the first 200 characters are read: "dao" starts at 198, so just "da" is left of it.
        var query = new string(' ', SearchQuery.MaxQueryLength - 2) + "dao tao";

        Assert.Equal(["da"], SearchQuery.Terms(query));
    }

    [Fact]
    public void Words_past_the_query_length_limit_are_ignored()
    {
        var query = new string('.', SearchQuery.MaxQueryLength) + " dao";

        Assert.Empty(SearchQuery.Terms(query));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ... --- ???")]
    [InlineData("\"*\" () :^ — “…”")]
    public void Punctuation_only_or_empty_queries_give_no_terms(string? query)
    {
        Assert.Empty(SearchQuery.Terms(query));
    }

    [Fact]
    public void Fts_syntax_in_a_query_becomes_plain_words()
    {
        // Quotes, stars and parentheses would change an FTS5 MATCH: terms must be letters and digits only.
        var terms = SearchQuery.Terms("\"dao\"* OR tao) NEAR(nghe");

        Assert.Equal(["dao", "or", "tao", "near", "nghe"], terms);
    }
}
