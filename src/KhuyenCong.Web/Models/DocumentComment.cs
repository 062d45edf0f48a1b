namespace KhuyenCong.Web.Models;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// A comment on a draft document ("Góp ý dự thảo"). Shown publicly only once approved, and then without the
/// commenter's name or e-mail (the organisation only when given). Personal fields are erased after the
/// registration's retention period or on request.
/// </summary>
public class DocumentComment
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public DateTime SubmittedAt { get; set; }
    /// <summary>Generated with the form; a double submission carries the same key and is stored once.</summary>
    public Guid IdempotencyKey { get; set; }
    public CommentStatus Status { get; set; }
    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    /// <summary>The article, clause or section the comment is about ("Điều 3, khoản 2"), optional.</summary>
    public string? Section { get; set; }
    public string? Text { get; set; }
    public required string ConsentVersion { get; set; }
    public DateTime ConsentAt { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
    public DateTime? PersonalDataErasedAt { get; set; }
    /// <summary>Staff's public reply (Markdown, and its HTML through the content sanitiser), shown under the approved comment.</summary>
    public string? ReplyMarkdown { get; set; }
    public string? ReplyHtml { get; set; }
    public DateTime? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
}
