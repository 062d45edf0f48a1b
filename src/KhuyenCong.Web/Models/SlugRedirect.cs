namespace KhuyenCong.Web.Models;

/// <summary>An old address of a content item, answered with a 301 to the current one.</summary>
public class SlugRedirect
{
    public int Id { get; set; }
    public required string ContentType { get; set; }
    public required string OldSlug { get; set; }
    public int ContentId { get; set; }
    public DateTime CreatedAt { get; set; }
}
