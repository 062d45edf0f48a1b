using System.Globalization;
using System.Text;

namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// Folds Vietnamese text for matching: lower case, marks stripped, đ→d. Each input char maps to exactly one
/// output char (for NFC input), so positions in folded text are positions in the original: that is how
/// search snippets highlight the original words.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return string.Create(nfc.Length, nfc, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    // Folding runs over every indexed body and every search snippet: precompute it for the Basic Multilingual Plane.
    private static readonly char[] Table = BuildTable();

    public static char FoldChar(char c) => Table[c];

    /// <summary>Whether a char (folded or not) belongs to a word.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(Table[c]);

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = Compute((char)i);
        }

        return table;
    }

    private static char Compute(char c)
    {
        if (c < 0x80)
        {
            return char.ToLowerInvariant(c);
        }

        // đ/Đ have no decomposition in Unicode, so NFD alone leaves them: map them first.
        if (c is 'đ' or 'Đ')
        {
            return 'd';
        }

        if (char.IsSurrogate(c))
        {
            return c;
        }

        string decomposed;
        try
        {
            decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Noncharacters and unassigned code points cannot be normalised; they fold to themselves.
            return c;
        }

        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                return char.ToLowerInvariant(d);
            }
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>Splits folded text into word tokens (letters and digits).</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        foreach (var (start, length) in new WordRanges(folded))
        {
            tokens.Add(folded.Substring(start, length));
        }

        return tokens;
    }

    /// <summary>
    /// The words of a text as (start, length): runs of chars that fold to letters and digits, so folded text and its
    /// (NFC) original split at the same places. The one word rule of the site: the search index, the query and the
    /// highlighter all split text here. Allocates nothing.
    /// </summary>
    public ref struct WordRanges(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int at;

        public (int Start, int Length) Current { get; private set; }

        public readonly WordRanges GetEnumerator() => this;

        public bool MoveNext()
        {
            while (at < text.Length && !IsWordChar(text[at]))
            {
                at++;
            }

            if (at >= text.Length)
            {
                return false;
            }

            var start = at;
            while (at < text.Length && IsWordChar(text[at]))
            {
                at++;
            }

            Current = (start, at - start);
            return true;
        }
    }
}
