namespace KhuyenCong.Web.Models;

/// <summary>
/// One row whose version every write of public content moves (the publisher, the importer, the other editors
/// that evict cached pages). Each running app node compares it with the version it last saw and evicts its
/// output cache when it moved, so a change made by another process (the <c>import</c> verb, another node)
/// reaches every node's cached pages within a second.
/// </summary>
public class ChangeStamp
{
    public const int ContentId = 1;
    /// <summary>The search index's version (<c>SearchStamp</c>), moved by every index write.</summary>
    public const int SearchId = 2;

    public int Id { get; set; }
    public long Version { get; set; }
    public DateTime ChangedAt { get; set; }
}
