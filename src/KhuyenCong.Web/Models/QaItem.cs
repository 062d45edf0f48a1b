namespace KhuyenCong.Web.Models;

/// <summary>
/// A published question and answer ("Hỏi đáp") with no personal data: the title and question as edited by staff,
/// the answer in <see cref="RoutedContent.BodyMarkdown"/>, the topic. Made from an answered question whose asker
/// consented, or written by an editor (a curated FAQ).
/// </summary>
public class QaItem : RoutedContent
{
    /// <summary>Programme content 1–6 (decision 1625/QĐ-UBND), 0 = "Khác".</summary>
    public int Topic { get; set; }
    /// <summary>The question as shown publicly (plain text, line breaks kept).</summary>
    public string QuestionText { get; set; } = "";
}
