using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Pages.Admin.Fairs;

public class IndexModel(AppDbContext db) : ContentListModel<Fair>
{
    public override string ListPath => "/quan-tri/hoi-cho";
    public override string TypeLabel => "Hội chợ";
    protected override IQueryable<Fair> Source => db.Fairs;
}
