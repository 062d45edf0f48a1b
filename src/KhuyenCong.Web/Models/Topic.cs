namespace KhuyenCong.Web.Models;

public class Topic
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    public List<Article> Articles { get; set; } = [];
}
