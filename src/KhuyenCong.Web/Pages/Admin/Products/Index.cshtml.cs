using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Products;

public class IndexModel(AppDbContext db) : ContentListModel<Product>
{
    public override string ListPath => "/quan-tri/san-pham";
    public override string TypeLabel => "Sản phẩm";
    protected override IQueryable<Product> Source => db.Products.Include(p => p.Establishment);
}
