using Microsoft.AspNetCore.Html;

namespace KhuyenCong.Web.Services.Search;

/// <summary>Marks query words in original text, using folded text to find them.</summary>
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

    public static bool HasMatch(string text, IReadOnlyList<string> terms) =>
        Matches(TextFolding.Fold(text), terms).Any();

    public static IReadOnlyList<TextSegment> Mark(string text, IReadOnlyList<string> terms)
    {
        text = Nfc(text);
        return Segments(text, terms, 0, text.Length);
    }

    /// <summary>Folding keeps positions only for NFC text, so text typed with combining marks is composed first.</summary>
    private static string Nfc(string text) =>
        text.IsNormalized(System.Text.NormalizationForm.FormC) ? text : text.Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>A window of about <paramref name="maxLength"/> chars around the first match, cut at word edges.</summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<string> terms, int maxLength = 240)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Nfc(text);
        if (text.Length <= maxLength)
        {
            return Segments(text, terms, 0, text.Length);
        }

        var folded = TextFolding.Fold(text);
        var first = Matches(folded, terms).Select(m => m.Start).DefaultIfEmpty(0).First();
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

    private static List<TextSegment> Segments(string text, IReadOnlyList<string> terms, int start, int end)
    {
        var folded = TextFolding.Fold(text);
        var segments = new List<TextSegment>();
        var pos = start;
        foreach (var (s, e) in Matches(folded, terms))
        {
            if (s < start || e > end)
            {
                continue;
            }

            if (s > pos)
            {
                segments.Add(new TextSegment(text[pos..s], false));
            }

            segments.Add(new TextSegment(text[s..e], true));
            pos = e;
        }

        if (pos < end)
        {
            segments.Add(new TextSegment(text[pos..end], false));
        }

        return segments;
    }

    /// <summary>Whole words of the folded text that start with one of the terms, in order.</summary>
    private static IEnumerable<(int Start, int End)> Matches(string folded, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            yield break;
        }

        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }

            var wordEnd = i;
            while (wordEnd < folded.Length && char.IsLetterOrDigit(folded[wordEnd]))
            {
                wordEnd++;
            }

            var word = folded.AsSpan(i, wordEnd - i);
            foreach (var term in terms)
            {
                if (word.StartsWith(term, StringComparison.Ordinal))
                {
                    yield return (i, wordEnd);
                    break;
                }
            }

            i = wordEnd;
        }
    }
}
