using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Pages.Admin.Showrooms;

public class IndexModel(AppDbContext db) : ContentListModel<Showroom>
{
    public override string ListPath => "/quan-tri/phong-trung-bay";
    public override string TypeLabel => "Phòng trưng bày";
    protected override IQueryable<Showroom> Source => db.Showrooms;
}
