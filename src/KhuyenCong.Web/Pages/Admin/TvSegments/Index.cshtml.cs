using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Pages.Admin.TvSegments;

public class IndexModel(AppDbContext db) : ContentListModel<TvSegment>
{
    public override string ListPath => "/quan-tri/truyen-hinh";
    public override string TypeLabel => "Chuyên mục truyền hình";
    protected override IQueryable<TvSegment> Source => db.TvSegments;
}
