namespace KhuyenCong.Web.Models;

/// <summary>A static page in a tree; its URL is <see cref="Path"/>.</summary>
public class Page : RoutedContent
{
    public int? ParentId { get; set; }
    public Page? Parent { get; set; }
    public List<Page> Children { get; set; } = [];
    /// <summary>Slugs from the root joined by '/', e.g. "chuong-trinh/muc-tieu".</summary>
    public required string Path { get; set; }
    public int SortOrder { get; set; }
    /// <summary>"vi" or "en".</summary>
    public string Language { get; set; } = "vi";
}
