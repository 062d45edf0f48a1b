namespace KhuyenCong.Web.Models;

/// <summary>
/// One published item as search shows it (original text); every node's <c>SearchEngine</c> folds and indexes it in
/// memory. A removed item keeps an empty row marked <see cref="Removed"/>, so that nodes learn of the removal from
/// <see cref="Version"/> (the search stamp at the write, <c>SearchStamp</c>).
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
    public long Version { get; set; }
    public bool Removed { get; set; }
}
