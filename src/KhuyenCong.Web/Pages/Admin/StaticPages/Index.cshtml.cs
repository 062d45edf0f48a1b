using KhuyenCong.Web.Data;
using SitePage = KhuyenCong.Web.Models.Page;

namespace KhuyenCong.Web.Pages.Admin.StaticPages;

public class IndexModel(AppDbContext db) : ContentListModel<SitePage>
{
    public override string ListPath => "/quan-tri/trang";
    public override string TypeLabel => "Trang";
    protected override IQueryable<SitePage> Source => db.Pages;
}
