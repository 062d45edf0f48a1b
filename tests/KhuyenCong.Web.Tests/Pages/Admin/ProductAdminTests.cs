using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Admin;

public sealed class ProductAdminTests(ShowcaseSiteFactory site) : IClassFixture<ShowcaseSiteFactory>
{
    private static Dictionary<string, string> Form(string title, string action, Dictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Slug"] = "", ["Input.Summary"] = "Tóm tắt sản phẩm.", ["Input.Body"] = "Câu chuyện **sản phẩm**.",
            ["Input.PublishAt"] = "", ["Input.UnpublishAt"] = "", ["Input.Note"] = "", ["action"] = action,
            ["Extra.Group"] = "thu-cong-my-nghe", ["Extra.Place"] = "huyen-cho-lach",
            ["Extra.Certifications[0].Level"] = "khu-vuc", ["Extra.Certifications[0].Round"] = "2024",
            ["Extra.Certifications[0].Decision"] = "9/QĐ-TEST", ["Extra.Certifications[0].Date"] = "2024-09-01", ["Extra.Certifications[0].Issuer"] = "Bộ Công Thương",
            ["Extra.Certifications[1].Level"] = "tinh", ["Extra.Certifications[1].Round"] = "2022",
            ["Extra.WhereToBuy[0].Name"] = "Quầy hàng chợ Chợ Lách", ["Extra.WhereToBuy[0].Url"] = "https://example.com/quay",
            ["Extra.Support[0].Project"] = "Hỗ trợ thiết kế bao bì", ["Extra.Support[0].Year"] = "2023", ["Extra.Support[0].Kind"] = "Bao bì",
        };
        foreach (var (k, v) in extra ?? [])
        {
            form[k] = v;
        }

        return form;
    }

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private Task<Product> ProductAsync(int id) => site.WithDbAsync((db, _) =>
        db.Products.AsNoTracking().Include(p => p.Certifications).Include(p => p.Establishment).SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Editor_creates_a_product_with_a_new_producer_inline_publisher_publishes_and_visitors_see_it()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var publisher = await site.SignInAsync(Roles.Publisher);
        using var created = await editor.PostFormAsync("/quan-tri/san-pham/them", Form("Giỏ lục bình thử nghiệm", "submit", new()
        {
            ["Producer.Id"] = "", ["Producer.NewName"] = "Tổ hợp tác Lục bình Mới", ["Producer.NewKind"] = "cooperative-group", ["Producer.NewPlace"] = "huyen-cho-lach",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var product = await ProductAsync(id);
        Assert.Equal(ContentStatus.InReview, product.Status);
        Assert.Equal("Tổ hợp tác Lục bình Mới", product.Establishment!.Name);
        Assert.Equal(EstablishmentKind.CooperativeGroup, product.Establishment.Kind);
        Assert.Equal(2, product.Certifications.Count);
        Assert.Equal(CertificationLevel.Regional, product.HighestLevel);
        Assert.Equal(2024, product.LatestRoundYear);
        Assert.Equal("Hỗ trợ thiết kế bao bì", product.Support.Single().Project);
        var visitor = site.Browser();
        await visitor.GetHtmlAsync("/san-pham/" + product.Slug, HttpStatusCode.NotFound);

        using (var refused = await editor.PostFormAsync($"/quan-tri/san-pham/{id}", Form("Giỏ lục bình thử nghiệm", "publish", new() { ["Producer.Id"] = product.EstablishmentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) })))
        {
            Assert.Contains("/loi/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using (var published = await publisher.PostFormAsync($"/quan-tri/san-pham/{id}", Form("Giỏ lục bình thử nghiệm", "publish", new()
        {
            ["Producer.Id"] = product.EstablishmentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Extra.Certifications[1].Level"] = "", ["Extra.Certifications[1].Round"] = "",
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        product = await ProductAsync(id);
        Assert.Equal(ContentStatus.Published, product.Status);
        Assert.Single(product.Certifications);
        var page = await visitor.GetHtmlAsync("/san-pham/" + product.Slug);
        Assert.Equal("Giỏ lục bình thử nghiệm", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("huyện Chợ Lách, tỉnh Bến Tre — nay thuộc tỉnh Vĩnh Long", page.MainText(), StringComparison.Ordinal);
        var list = await visitor.GetHtmlAsync("/san-pham?loai-co-so=to-hop-tac&noi=huyen-cho-lach");
        Assert.Contains(product.Slug, list.QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")));
        await visitor.GetHtmlAsync("/co-so/" + product.Establishment!.Slug);

        var revisions = await site.WithDbAsync((db, _) => db.Revisions.Where(r => r.ContentType == nameof(Product) && r.ContentId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal(2, revisions.Count);
        Assert.Contains("9/QĐ-TEST", revisions[0].SnapshotJson, StringComparison.Ordinal);
        var history = await publisher.GetHtmlAsync($"/quan-tri/lich-su/san-pham/{id}");
        Assert.Contains("Giỏ lục bình", history.MainText(), StringComparison.Ordinal);
        var audit = await site.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Product) && a.EntityId == id.ToString()));
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task Restoring_a_revision_brings_back_its_certifications_group_shops_and_support_as_a_draft()
    {
        var publisher = await site.SignInAsync(Roles.Publisher);
        using var created = await publisher.PostFormAsync("/quan-tri/san-pham/them", Form("Chiếu cói phục hồi thử nghiệm", "publish", new()
        {
            ["Producer.Id"] = "", ["Producer.NewName"] = "Cơ sở Chiếu phục hồi", ["Producer.NewKind"] = "household-business", ["Producer.NewPlace"] = "huyen-cho-lach",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var first = await ProductAsync(id);
        Assert.Equal(2, first.Certifications.Count);
        var producer = first.EstablishmentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Version 2: another group, one national certification only, no shop, other support.
        using (var edited = await publisher.PostFormAsync($"/quan-tri/san-pham/{id}", Form("Chiếu cói phục hồi thử nghiệm (sửa)", "publish", new()
        {
            ["Producer.Id"] = producer, ["Extra.Group"] = "khac",
            ["Extra.Certifications[0].Level"] = "quoc-gia", ["Extra.Certifications[0].Round"] = "2020", ["Extra.Certifications[0].Decision"] = "",
            ["Extra.Certifications[0].Date"] = "", ["Extra.Certifications[0].Issuer"] = "",
            ["Extra.Certifications[1].Level"] = "", ["Extra.Certifications[1].Round"] = "",
            ["Extra.WhereToBuy[0].Name"] = "", ["Extra.WhereToBuy[0].Url"] = "",
            ["Extra.Support[0].Project"] = "Hỗ trợ máy dệt", ["Extra.Support[0].Year"] = "2021",
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var second = await ProductAsync(id);
        Assert.Equal(CnntGroup.Other, second.Group);
        Assert.Equal(CertificationLevel.National, Assert.Single(second.Certifications).Level);
        Assert.Empty(second.WhereToBuy);

        var diff = await publisher.GetHtmlAsync($"/quan-tri/lich-su/san-pham/{id}?a=1&b=2");
        var changed = diff.QuerySelectorAll("table.data-table tbody th[scope=row]").Select(th => th.TextContent).ToList();
        Assert.Contains("Chứng nhận sản phẩm CNNT tiêu biểu", changed);
        Assert.Contains("Nhóm sản phẩm", changed);

        using (var restore = await publisher.PostFormAsync($"/quan-tri/lich-su/san-pham/{id}?handler=Restore", new() { ["number"] = "1" }, $"/quan-tri/lich-su/san-pham/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }

        var restored = await ProductAsync(id);
        Assert.Equal(ContentStatus.Published, restored.Status);
        Assert.Equal(first.Title, restored.Title);
        Assert.Equal(second.Slug, restored.Slug); // the address stays as it is now: links to it keep working
        Assert.Equal(first.Group, restored.Group);
        Assert.Equal(
            first.Certifications.Select(c => (c.Level, c.RoundYear, c.DecisionNumber, c.DecisionDate, c.Issuer)).Order(),
            restored.Certifications.Select(c => (c.Level, c.RoundYear, c.DecisionNumber, c.DecisionDate, c.Issuer)).Order());
        Assert.Equal(CertificationLevel.Regional, restored.HighestLevel);
        Assert.Equal(2024, restored.LatestRoundYear);
        Assert.Equal("Quầy hàng chợ Chợ Lách", Assert.Single(restored.WhereToBuy).Name);
        Assert.Equal("Hỗ trợ thiết kế bao bì", Assert.Single(restored.Support).Project);
        var rows = await site.WithDbAsync((db, _) => db.Set<ProductCertification>().CountAsync(c => c.ProductId == id));
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task Edit_form_shows_existing_rows_plus_empty_ones_and_add_rows_adds_more_without_saving()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var id = await site.WithDbAsync((db, _) => db.Products.Where(p => p.Slug == "fx-keo-dua-la-dua").Select(p => p.Id).SingleAsync());
        var form = await editor.GetHtmlAsync($"/quan-tri/san-pham/{id}");
        Assert.Equal(4, form.QuerySelectorAll("select[name$='.Level'][name^='Extra.Certifications']").Length);
        Assert.Equal("quoc-gia", form.QuerySelector("select[name='Extra.Certifications[1].Level'] option[selected]")?.GetAttribute("value"));
        var before = await ProductAsync(id);
        Assert.Equal(before.EstablishmentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("select[name='Producer.Id'] option[selected]")?.GetAttribute("value"));
        var updatedBefore = before.UpdatedAt;

        using var more = await editor.PostFormAsync($"/quan-tri/san-pham/{id}?handler=AddRows", Form("Kẹo dừa lá dứa thử nghiệm", "", new() { ["Extra.Certifications[2].Round"] = "2024" }), $"/quan-tri/san-pham/{id}");
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await more.Content.ReadAsStringAsync());
        Assert.True(doc.QuerySelectorAll("select[name^='Extra.Certifications']").Length >= 6);
        Assert.Equal("2024", doc.QuerySelector("input[name='Extra.Certifications[2].Round']")!.GetAttribute("value"));
        Assert.Equal(updatedBefore, (await ProductAsync(id)).UpdatedAt);
    }

    [Theory]
    [InlineData("Extra.Group", "", "Chọn nhóm sản phẩm.")]
    [InlineData("Extra.Certifications[0].Round", "hai nghìn", "Chứng nhận dòng 1")]
    [InlineData("Extra.Certifications[0].Level", "sieu-cap", "Chứng nhận dòng 1: chọn cấp.")]
    [InlineData("Extra.FeaturedImage", "khong-co-anh", "Không tìm thấy ảnh này")]
    [InlineData("Extra.Gallery[0].Media", "khong-co-anh", "Ảnh dòng 1")]
    [InlineData("Extra.WhereToBuy[0].Url", "javascript:alert(1)", "Nơi mua dòng 1")]
    [InlineData("Producer.NewKind", "", "Chọn loại hình của cơ sở mới.")]
    [InlineData("Extra.Place", "huyen-khong-co", "Địa bàn không có trong danh mục.")]
    public async Task Invalid_fields_answer_400_with_a_message_and_save_nothing(string field, string value, string message)
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var title = "Sản phẩm lỗi " + Guid.NewGuid().ToString("N")[..6];
        var form = Form(title, "save", new() { ["Producer.NewName"] = "Cơ sở lỗi", ["Producer.NewKind"] = "enterprise" });
        form[field] = value;
        using var response = await editor.PostFormAsync("/quan-tri/san-pham/them", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync((db, _) => db.Products.AnyAsync(p => p.Title == title)));
        Assert.False(await site.WithDbAsync((db, _) => db.Establishments.AnyAsync(e => e.Name == "Cơ sở lỗi")));
    }

    [Fact]
    public async Task Admin_product_list_finds_products_without_diacritics()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var list = await editor.GetHtmlAsync("/quan-tri/san-pham?q=keo+dua");
        Assert.Contains(list.QuerySelectorAll("td a"), a => a.TextContent == "Kẹo dừa lá dứa thử nghiệm");
        var nav = list.QuerySelectorAll(".admin-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(nav.IndexOf("/quan-tri/trang") + 1, nav.IndexOf("/quan-tri/san-pham"));
        Assert.Equal(nav.IndexOf("/quan-tri/san-pham") + 1, nav.IndexOf("/quan-tri/co-so"));
    }

    [Fact]
    public async Task Establishments_are_created_edited_and_only_unused_ones_deleted_by_publishers()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var publisher = await site.SignInAsync(Roles.Publisher);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Doanh nghiệp Thử Xóa", ["Input.Slug"] = "", ["Input.Kind"] = "enterprise", ["Input.Place"] = "huyen-thanh-phu",
            ["Input.Address"] = "xã An Thạnh", ["Input.Phone"] = "0275 999", ["Input.Website"] = "https://example.com", ["Input.Description"] = "Mô tả.",
            ["Input.ConsentedToPublish"] = "true",
        };
        using var created = await editor.PostFormAsync("/quan-tri/co-so/them", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var saved = await site.WithDbAsync((db, _) => db.Establishments.Include(e => e.Place).SingleAsync(e => e.Id == id));
        Assert.Equal("doanh-nghiep-thu-xoa", saved.Slug);
        Assert.Equal("huyen-thanh-phu", saved.Place!.Code);
        Assert.True(saved.ConsentedToPublish);

        fields["Input.Name"] = "Doanh nghiệp Thử Xóa (đã sửa)";
        fields["Input.Slug"] = "doanh-nghiep-thu-xoa";
        fields["Input.Website"] = "ftp://example.com";
        using (var bad = await editor.PostFormAsync($"/quan-tri/co-so/{id}", fields))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        fields["Input.Website"] = "https://example.com/moi";
        using (var edited = await editor.PostFormAsync($"/quan-tri/co-so/{id}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.Equal("Doanh nghiệp Thử Xóa (đã sửa)", await site.WithDbAsync((db, _) => db.Establishments.Where(e => e.Id == id).Select(e => e.Name).SingleAsync()));
        var list = await editor.GetHtmlAsync("/quan-tri/co-so?q=thu+xoa");
        Assert.Contains(list.QuerySelectorAll("td a"), a => a.GetAttribute("href") == $"/quan-tri/co-so/{id}");

        using (var editorDelete = await editor.PostFormAsync($"/quan-tri/co-so/{id}?handler=Delete", [], $"/quan-tri/co-so/{id}"))
        {
            Assert.Contains("/loi/403", editorDelete.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var used = await site.WithDbAsync((db, _) => db.Establishments.Where(e => e.Slug == "fx-htx-keo-dua-an-hoa").Select(e => e.Id).SingleAsync());
        using (var refused = await publisher.PostFormAsync($"/quan-tri/co-so/{used}?handler=Delete", [], $"/quan-tri/co-so/{used}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        using (var deleted = await publisher.PostFormAsync($"/quan-tri/co-so/{id}?handler=Delete", [], $"/quan-tri/co-so/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await site.WithDbAsync((db, _) => db.Establishments.AnyAsync(e => e.Id == id)));
        var audit = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == nameof(Establishment) && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["create", "update", "delete"], audit);
    }

    [Theory]
    [InlineData("/quan-tri/san-pham")]
    [InlineData("/quan-tri/san-pham/them")]
    [InlineData("/quan-tri/co-so")]
    [InlineData("/quan-tri/co-so/them")]
    public Task Admin_pages_need_a_staff_account(string url) => StaffPages.AssertForEditorsOnlyAsync(site, url);
}
