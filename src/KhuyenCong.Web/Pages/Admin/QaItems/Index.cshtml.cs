using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Pages.Admin.QaItems;

public class IndexModel(AppDbContext db) : ContentListModel<QaItem>
{
    public override string ListPath => "/quan-tri/hoi-dap";
    public override string TypeLabel => "Hỏi đáp công khai";
    protected override IQueryable<QaItem> Source => db.QaItems;
}
