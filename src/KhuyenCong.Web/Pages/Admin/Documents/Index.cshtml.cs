using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Pages.Admin.Documents;

public class IndexModel(AppDbContext db) : ContentListModel<Document>
{
    public override string ListPath => "/quan-tri/van-ban";
    public override string TypeLabel => "Văn bản";
    protected override IQueryable<Document> Source => db.Documents;
}
