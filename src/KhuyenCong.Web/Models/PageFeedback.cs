namespace KhuyenCong.Web.Models;

/// <summary>
/// One answer to "Thông tin có hữu ích không?" on a public page: yes/no and an optional short comment. No
/// personal data: no name, no address, no IP.
/// </summary>
public class PageFeedback
{
    public long Id { get; set; }
    /// <summary>The content type's name (Article, Document, Product, TvSegment, Fair) or "Program".</summary>
    public required string ContentType { get; set; }
    public int ContentId { get; set; }
    /// <summary>The page's path when the vote was cast.</summary>
    public required string Path { get; set; }
    public bool Useful { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}
