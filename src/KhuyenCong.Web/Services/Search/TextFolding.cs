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
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }

        return tokens;
    }
}
