namespace KhuyenCong.Web.Models;

/// <summary>A snapshot of a content item taken on every save.</summary>
public class Revision
{
    public long Id { get; set; }
    public required string ContentType { get; set; }
    public int ContentId { get; set; }
    public int Number { get; set; }
    public required string SnapshotJson { get; set; }
    public required string Author { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
}
