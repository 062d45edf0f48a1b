namespace KhuyenCong.Web.Models;

/// <summary>A policy or legal document (văn bản).</summary>
public class Document : RoutedContent
{
    /// <summary>Quyết định, Nghị định, Thông tư, Chỉ thị, Kế hoạch, Luật…</summary>
    public required string Kind { get; set; }
    /// <summary>As officially written, e.g. "1625/QĐ-UBND".</summary>
    public string? Number { get; set; }
    public required string Issuer { get; set; }
    public DateTime? IssuedOn { get; set; }
    public DateTime? EffectiveOn { get; set; }
    public bool InForce { get; set; } = true;
    /// <summary>Server-side file name of the attachment in the data folder.</summary>
    public string? FileName { get; set; }
    public string? FileContentType { get; set; }
    public long? FileSize { get; set; }

    // A draft for public comment ("Góp ý dự thảo"): open from CommentOpensAt until CommentClosesAt (UTC).
    public DateTime? CommentOpensAt { get; set; }
    public DateTime? CommentClosesAt { get; set; }
    /// <summary>After closing: what was received and how it was taken into account (Markdown) and its rendered HTML.</summary>
    public string CommentSummaryMarkdown { get; set; } = "";
    public string CommentSummaryHtml { get; set; } = "";

    public bool IsDraftForComment => CommentOpensAt is not null && CommentClosesAt is not null;

    public bool IsOpenForComment(DateTime utcNow) => IsDraftForComment && CommentOpensAt <= utcNow && utcNow < CommentClosesAt;
}
