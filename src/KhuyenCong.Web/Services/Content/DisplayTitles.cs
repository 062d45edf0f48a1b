using System.Text.RegularExpressions;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// How titles and captions read when the site adds a label to them (the episode, the document's kind, the photo
/// credit): the label is added only when the text does not already carry it, so nothing reads twice
/// ("Kỳ 20: … – Kỳ 20: …", "Nghị định: Nghị định …", "(Ảnh: Ảnh: …)").
/// </summary>
public static partial class DisplayTitles
{
    /// <summary>"Kỳ N: title", unless the title already names episode N.</summary>
    public static string TvSegment(int episode, string title) =>
        NamesEpisode(title, episode) ? title : $"Kỳ {episode}: {title}";

    /// <summary>Whether the (folded) title already says "Kỳ N" for this episode.</summary>
    public static bool NamesEpisode(string title, int episode) =>
        Regex.IsMatch(TextFolding.Fold(title), $@"(?<![\p{{L}}\p{{N}}])ky\s*0*{episode}(?![\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>"Kind: title" for a list, unless the title already starts with its kind.</summary>
    public static string Document(string kind, string title) =>
        StartsWithWords(title, kind) ? title : $"{kind}: {title}";

    /// <summary>
    /// A document's subject for its heading "Kind Number" — the title without a leading repeat of the kind
    /// ("Nghị định về khuyến công" under "Nghị định 45/2012/NĐ-CP" reads "Về khuyến công").
    /// </summary>
    public static string DocumentSubject(string kind, string title)
    {
        if (!StartsWithWords(title, kind))
        {
            return title;
        }

        var rest = title[kind.Length..].TrimStart(' ', ':', '–', '-', ',');
        return rest.Length == 0 ? title : char.ToUpper(rest[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + rest[1..];
    }

    /// <summary>" (Ảnh: credit)" for a caption, without a second "Ảnh:" when the credit already starts with one.</summary>
    public static string Credit(string? credit)
    {
        if (string.IsNullOrWhiteSpace(credit))
        {
            return "";
        }

        var text = CreditLabel().Replace(credit.Trim(), "").Trim();
        return text.Length == 0 ? "" : $" (Ảnh: {text})";
    }

    [GeneratedRegex(@"^(?:\(?\s*(?:ảnh|anh|nguồn ảnh|nguồn|photo)\s*[:：]\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLabel();

    private static bool StartsWithWords(string text, string prefix)
    {
        if (prefix.Length == 0 || text.Length < prefix.Length)
        {
            return false;
        }

        return TextFolding.Fold(text[..prefix.Length]) == TextFolding.Fold(prefix)
               && (text.Length == prefix.Length || !char.IsLetterOrDigit(text[prefix.Length]));
    }
}
