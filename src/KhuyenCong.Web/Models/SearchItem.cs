namespace KhuyenCong.Web.Models;

/// <summary>
/// One published item as search shows it (original text). The provider's full-text index holds the folded
/// text under the same id.
/// </summary>
public class SearchItem
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public int ItemId { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    public string Summary { get; set; } = "";
    public string BodyText { get; set; } = "";
    public DateTime PublishAt { get; set; }
    public DateTime? UnpublishAt { get; set; }
}
