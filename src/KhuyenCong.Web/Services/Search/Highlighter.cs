using Microsoft.AspNetCore.Html;

namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// Marks query words in original text. Words are found on the original (NFC) text with each char folded as it is
/// read (<see cref="TextFolding.FoldChar"/>), so a snippet costs a scan up to the first match and the window itself,
/// not a folded copy of the whole body.
/// </summary>
public static class Highlighter
{
    /// <summary>Segments as HTML: text encoded, matches wrapped in &lt;mark&gt;, no whitespace added.</summary>
    public static IHtmlContent ToHtml(IEnumerable<TextSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.IsMatch)
            {
                html.AppendHtml("<mark>").Append(segment.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }

    /// <summary>
    /// A hit's snippet: around the first match in the body, else (no match there) the summary when there is one,
    /// else the body's start. The body is composed and scanned once (a hit's body is the longest text on the page).
    /// </summary>
    public static IReadOnlyList<TextSegment> SnippetOf(string body, string summary, IReadOnlyList<string> terms, int maxLength = 240)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(summary);
        body = Nfc(body);
        var first = FirstMatch(body, terms);
        if (first < 0 && summary.Length > 0)
        {
            return Snippet(summary, terms, maxLength);
        }

        return Window(body, terms, maxLength, Math.Max(0, first));
    }

    /// <summary>
    /// The snippet <see cref="SnippetOf"/> would make from the whole body, made from the body's start alone, or null
    /// when the start cannot decide it: no match in it (a later one, or the summary, may be the snippet), a window that
    /// would reach the start's end, or text that composing could change. A page of hits then reads only the start of
    /// each body (a long body is the largest thing a search reads) and the whole of those few.
    /// </summary>
    public static IReadOnlyList<TextSegment>? SnippetOfStart(string bodyStart, IReadOnlyList<string> terms, int maxLength = 240)
    {
        ArgumentNullException.ThrowIfNull(bodyStart);
        // Every char plainly composed: composing the whole body changes none of them (nor their positions) but
        // perhaps the last, and the window ends at least two chars before it.
        if (!IsPlainlyComposed(bodyStart))
        {
            return null;
        }

        var first = FirstMatch(bodyStart, terms);
        if (first < 0 || first + maxLength + 2 >= bodyStart.Length)
        {
            return null;
        }

        return Window(bodyStart, terms, maxLength, first);
    }

    public static IReadOnlyList<TextSegment> Mark(string text, IReadOnlyList<string> terms)
    {
        text = Nfc(text);
        return Segments(text, terms, 0, text.Length);
    }

    /// <summary>Folding keeps positions only for NFC text, so text typed with combining marks is composed first.</summary>
    private static string Nfc(string text) =>
        IsPlainlyComposed(text) || text.IsNormalized(System.Text.NormalizationForm.FormC) ? text : text.Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>
    /// True when every char is one that NFC leaves as it is whatever follows it: below U+0300 (before the combining
    /// marks), a precomposed Latin letter of U+1E00–U+1EFF (where every Vietnamese letter with a tone mark lives) or
    /// punctuation of U+2010–U+206F (dashes, quotes, ellipsis). Vietnamese text typed on a usual keyboard passes
    /// without asking ICU; anything else is checked in full.
    /// </summary>
    internal static bool IsPlainlyComposed(ReadOnlySpan<char> text) =>
        // Three vectorised scans for a char outside the three ranges (a char-by-char loop cost more than ICU's check).
        !text.ContainsAnyInRange('\u0300', '\u1DFF') && !text.ContainsAnyInRange('\u1F00', '\u200F') && !text.ContainsAnyInRange('\u2070', '\uFFFF');

    /// <summary>A window of about <paramref name="maxLength"/> chars around the first match, cut at word edges.</summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<string> terms, int maxLength = 240)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Nfc(text);
        // A text that fits whole needs no look for its first match.
        return Window(text, terms, maxLength, text.Length <= maxLength ? 0 : Math.Max(0, FirstMatch(text, terms)));
    }

    /// <summary>About <paramref name="maxLength"/> chars of NFC text around <paramref name="first"/>, cut at word edges.</summary>
    private static List<TextSegment> Window(string text, IReadOnlyList<string> terms, int maxLength, int first)
    {
        if (text.Length <= maxLength)
        {
            return Segments(text, terms, 0, text.Length);
        }

        var start = Math.Max(0, first - (maxLength / 3));
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + maxLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }

        var segments = new List<TextSegment>();
        if (start > 0)
        {
            segments.Add(new TextSegment("… ", false));
        }

        segments.AddRange(Segments(text, terms, start, end));
        if (end < text.Length)
        {
            segments.Add(new TextSegment(" …", false));
        }

        return segments;
    }

    /// <summary>Where the first word starting with a term begins; -1 when none does.</summary>
    private static int FirstMatch(string text, IReadOnlyList<string> terms)
    {
        foreach (var (start, length) in new TextFolding.WordRanges(text))
        {
            if (IsMatch(text.AsSpan(start, length), terms))
            {
                return start;
            }
        }

        return -1;
    }

    /// <summary>Whether the word, folded, starts with one of the (folded) terms.</summary>
    private static bool IsMatch(ReadOnlySpan<char> word, IReadOnlyList<string> terms)
    {
        foreach (var term in terms)
        {
            if (word.Length < term.Length)
            {
                continue;
            }

            var k = 0;
            while (k < term.Length && TextFolding.FoldChar(word[k]) == term[k])
            {
                k++;
            }

            if (k == term.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text between start and end as segments; only words wholly inside are marked.</summary>
    private static List<TextSegment> Segments(string text, IReadOnlyList<string> terms, int start, int end)
    {
        var segments = new List<TextSegment>();
        var pos = start;
        if (terms.Count > 0)
        {
            // A word cut by the window's start is not a word of the window (the whole text decides).
            var from = start;
            while (from > 0 && from < end && TextFolding.IsWordChar(text[from - 1]) && TextFolding.IsWordChar(text[from]))
            {
                from++;
            }

            foreach (var (s, length) in new TextFolding.WordRanges(text.AsSpan(from, end - from)))
            {
                var wordStart = from + s;
                var wordEnd = wordStart + length;
                if ((wordEnd == end && end < text.Length && TextFolding.IsWordChar(text[end])) || !IsMatch(text.AsSpan(wordStart, length), terms))
                {
                    continue;
                }

                if (wordStart > pos)
                {
                    segments.Add(new TextSegment(text[pos..wordStart], false));
                }

                segments.Add(new TextSegment(text[wordStart..wordEnd], true));
                pos = wordEnd;
            }
        }

        if (pos < end)
        {
            segments.Add(new TextSegment(text[pos..end], false));
        }

        return segments;
    }
}
