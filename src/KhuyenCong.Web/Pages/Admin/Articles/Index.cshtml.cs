using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Articles;

public class IndexModel(AppDbContext db) : ContentListModel<Article>
{
    [FromQuery(Name = "chuyen-muc")] public int? TopicId { get; set; }
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public override string ListPath => "/quan-tri/tin-bai";
    public override string TypeLabel => "Tin bài";
    protected override IQueryable<Article> Source => db.Articles.Include(a => a.Topic);

    protected override IQueryable<Article> Filter(IQueryable<Article> query)
    {
        Topics = db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ToList();
        return TopicId is { } id ? query.Where(a => a.TopicId == id) : query;
    }

    protected override IEnumerable<(string Name, string? Value)> ExtraQuery() =>
        [("chuyen-muc", TopicId?.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
