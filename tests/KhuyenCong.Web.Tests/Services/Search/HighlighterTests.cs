using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services.Search;

public class HighlighterTests
{
    private const string Title = "Đào tạo nghề cho lao động nông thôn";

    private static readonly HashSet<string> WholeWords = new(StringComparer.Ordinal) { "lorem", "ipsum", "Đào", "tạo", "nghề", "dolor", "sit" };

    [Fact]
    public void Mark_finds_dao_tao_for_folded_terms()
    {
        var segments = Highlighter.Mark(Title, ["dao", "tao"]);

        Assert.Equal(["Đào", "tạo"], Matched(segments));
    }

    [Fact]
    public void Mark_matches_a_term_as_a_word_prefix_and_highlights_the_whole_word()
    {
        var segments = Highlighter.Mark(Title, ["ngh"]);

        Assert.Equal(["nghề"], Matched(segments));
    }

    [Fact]
    public void Mark_does_not_match_inside_a_word()
    {
        var segments = Highlighter.Mark("Sáng tạo, bảo đảm", ["ao"]);

        Assert.Empty(Matched(segments));
    }

    [Fact]
    public void Mark_finds_every_occurrence()
    {
        var segments = Highlighter.Mark("Đào tạo và tái đào tạo; ĐÀO TẠO lại.", ["dao"]);

        Assert.Equal(["Đào", "đào", "ĐÀO"], Matched(segments));
    }

    [Theory]
    [InlineData(Title, "dao")]
    [InlineData(Title, "thon")]
    [InlineData("  Đào tạo — “nghề”!  ", "nghe")]
    [InlineData("Không có gì khớp ở đây", "xyz")]
    [InlineData("", "dao")]
    public void Segments_concatenate_back_to_the_original_text(string text, string term)
    {
        var segments = Highlighter.Mark(text, [term]);

        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.DoesNotContain(segments, s => s.Text.Length == 0);
    }

    [Fact]
    public void Mark_on_nfd_text_highlights_the_whole_word()
    {
        // Vietnamese typed with combining marks (NFD) must highlight "Đào", not a shifted slice of it.
        var nfd = Title.Normalize(NormalizationForm.FormD);

        var segments = Highlighter.Mark(nfd, ["dao"]);

        Assert.Equal(nfd.Normalize(NormalizationForm.FormC), string.Concat(segments.Select(s => s.Text)).Normalize(NormalizationForm.FormC));
        var match = Assert.Single(segments, s => s.IsMatch);
        Assert.Equal("Đào", match.Text.Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public void No_match_gives_no_match_segments()
    {
        var segments = Highlighter.Mark(Title, ["xyz"]);

        Assert.DoesNotContain(segments, s => s.IsMatch);
        Assert.Equal(Title, Assert.Single(segments).Text);
    }

    [Fact]
    public void No_terms_gives_the_whole_text_unmarked()
    {
        var segments = Highlighter.Mark(Title, []);

        var segment = Assert.Single(segments);
        Assert.Equal(new TextSegment(Title, false), segment);
    }

    [Fact]
    public void Snippet_of_short_text_is_the_whole_text()
    {
        var segments = Highlighter.Snippet(Title, ["nghe"]);

        Assert.Equal(Title, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["nghề"], Matched(segments));
    }

    [Fact]
    public void Snippet_of_long_text_contains_the_first_match_and_is_bounded()
    {
        var text = Words("lorem ipsum", 100) + " Đào tạo nghề " + Words("dolor sit", 100) + " đào tạo lần hai";
        const int maxLength = 120;

        var segments = Highlighter.Snippet(text, ["dao"], maxLength);

        var snippet = string.Concat(segments.Select(s => s.Text));
        Assert.Equal("Đào", Matched(segments)[0]);
        Assert.DoesNotContain("lần hai", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= maxLength + "… ".Length + " …".Length, $"{snippet.Length} chars: {snippet}");
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_is_cut_at_word_edges()
    {
        var text = Words("lorem ipsum", 100) + " Đào tạo nghề " + Words("dolor sit", 100);

        var segments = Highlighter.Snippet(text, ["dao"], 120);

        var body = string.Concat(segments.Select(s => s.Text))["… ".Length..^" …".Length];
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(words, w => Assert.Contains(w, WholeWords));
    }

    [Fact]
    public void Snippet_near_the_start_does_not_begin_with_an_ellipsis()
    {
        var text = "Đào tạo nghề " + Words("dolor sit", 100);

        var segments = Highlighter.Snippet(text, ["dao"], 120);

        Assert.Equal(new TextSegment("Đào", true), segments[0]);
        Assert.Equal(new TextSegment(" …", false), segments[^1]);
    }

    [Fact]
    public void Snippet_without_a_match_shows_the_start_without_marks()
    {
        var text = Words("lorem ipsum", 100);

        var segments = Highlighter.Snippet(text, ["xyz"], 120);

        Assert.DoesNotContain(segments, s => s.IsMatch);
        Assert.StartsWith("lorem ipsum", segments[0].Text, StringComparison.Ordinal);
        Assert.True(string.Concat(segments.Select(s => s.Text)).Length <= 120 + " …".Length);
    }

    [Fact]
    public void A_hit_shows_its_body_around_the_match_else_its_summary_else_the_start_of_its_body()
    {
        var body = Words("lorem ipsum", 100) + " Đào tạo nghề " + Words("dolor sit", 100);
        const string Summary = "Tóm tắt: lao động nông thôn";

        var inBody = Highlighter.SnippetOf(body, Summary, ["dao"]);
        var inSummaryOnly = Highlighter.SnippetOf(body, Summary, ["nong"]);
        var nowhere = Highlighter.SnippetOf(body, "", ["xyz"]);

        Assert.Equal(string.Concat(Highlighter.Snippet(body, ["dao"]).Select(s => s.Text)), string.Concat(inBody.Select(s => s.Text)));
        Assert.Equal(["Đào"], Matched(inBody));
        Assert.Equal(Summary, string.Concat(inSummaryOnly.Select(s => s.Text)));
        Assert.Equal(["nông"], Matched(inSummaryOnly));
        Assert.StartsWith("lorem ipsum", nowhere[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(nowhere, s => s.IsMatch);
    }

    [Fact]
    public void A_snippet_made_from_the_start_of_a_body_is_the_one_the_whole_body_gives_or_none()
    {
        // Searches read only the start of each hit's body and the whole only when the start cannot decide.
        string[] pool = ["lorem", "ipsum", "Đào", "tạo", "nghề", "đào-tạo", "ĐÀO", "dao", "daoxyz", "nông", "thôn", "—", "“trích”", "…", "x", "một", "hai"];
        var random = new Random(1625);
        var decided = 0;
        var undecided = 0;
        for (var round = 0; round < 400; round++)
        {
            var words = Enumerable.Range(0, random.Next(5, 160)).Select(_ => pool[random.Next(pool.Length)]);
            var body = string.Join(random.Next(4) == 0 ? "  " : " ", words);
            if (round % 10 == 9)
            {
                body = body.Normalize(NormalizationForm.FormD);
            }

            string[] terms = random.Next(3) switch { 0 => ["dao"], 1 => ["nong", "th"], _ => ["hai"] };
            var whole = Text(Highlighter.SnippetOf(body, "Tóm tắt", terms));
            foreach (var cut in new[] { 1, 40, 120, 250, 300, 400, 600, body.Length - 1 }.Where(c => c > 0 && c < body.Length))
            {
                var fromStart = Highlighter.SnippetOfStart(body[..cut], terms);
                if (fromStart is null)
                {
                    undecided++;
                    continue;
                }

                decided++;
                Assert.Equal(whole, Text(fromStart));
            }
        }

        // Both ways are taken: most starts decide, some do not (no match yet, a match too near the cut, NFD text).
        Assert.True(decided > 300, $"{decided} decided");
        Assert.True(undecided > 100, $"{undecided} undecided");

        static string Text(IEnumerable<TextSegment> segments) => string.Join("|", segments.Select(s => (s.IsMatch ? "*" : "") + s.Text));
    }

    [Fact]
    public void A_body_typed_with_combining_marks_is_composed_before_its_snippet_is_cut()
    {
        var body = (Words("lorem ipsum", 100) + " Đào tạo nghề").Normalize(NormalizationForm.FormD);

        var segments = Highlighter.SnippetOf(body, "Tóm tắt", ["dao"]);

        Assert.Equal(["Đào"], Matched(segments));
        Assert.True(string.Concat(segments.Select(s => s.Text)).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Every_char_the_quick_check_calls_composed_is_left_as_it_is_by_NFC_alone_and_beside_a_letter()
    {
        var accepted = 0;
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch) || !Highlighter.IsPlainlyComposed([ch]))
            {
                continue;
            }

            accepted++;
            Assert.True(ch.ToString().IsNormalized(NormalizationForm.FormC), $"U+{c:X4} alone");
            Assert.True((ch + "a").IsNormalized(NormalizationForm.FormC), $"U+{c:X4} before a letter");
            Assert.True(("a" + ch).IsNormalized(NormalizationForm.FormC), $"U+{c:X4} after a letter");
        }

        // Below U+0300, U+1E00–U+1EFF and U+2010–U+206F, nothing else: a combining mark, the ohm sign (NFC makes it
        // omega) or a CJK char goes to the full check.
        Assert.Equal(0x300 + 0x100 + 0x60, accepted);
        Assert.False(Highlighter.IsPlainlyComposed("a\u0301"));
        Assert.False(Highlighter.IsPlainlyComposed("\u2126"));
        Assert.False(Highlighter.IsPlainlyComposed("\u2000"));
        Assert.True(Highlighter.IsPlainlyComposed("Đào tạo nghề – “Bến Tre”…"));
    }

    [Fact]
    public void ToHtml_wraps_matches_in_mark_and_encodes_text()
    {
        var segments = Highlighter.Mark("<script>alert(1)</script> Đào tạo", ["dao"]);
        using var writer = new StringWriter();

        Highlighter.ToHtml(segments).WriteTo(writer, HtmlEncoder.Default);

        var body = new HtmlParser().ParseDocument(writer.ToString()).Body!;
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Equal("<script>alert(1)</script> Đào tạo", body.TextContent);
        Assert.Equal("Đào", Assert.Single(body.QuerySelectorAll("mark")).TextContent);
    }

    private static List<string> Matched(IEnumerable<TextSegment> segments) =>
        segments.Where(s => s.IsMatch).Select(s => s.Text).ToList();

    private static string Words(string words, int times) => string.Join(' ', Enumerable.Repeat(words, times));
}
