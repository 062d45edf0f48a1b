namespace KhuyenCong.Web.Services.Programme;

/// <summary>One of the six contents of the programme (mục IV.1–IV.6 of the decision; group I–VI of Appendix 2).</summary>
public sealed record ProgramContent(int Number, string Group, string Slug, string Title)
{
    /// <summary>The content's own page: its targets with their progress and its budget lines.</summary>
    public string Path => "/chuong-trinh/noi-dung/" + Slug;

    /// <summary>"1. Mô hình trình diễn, …": the editor form's choice.</summary>
    public string NumberedTitle => Number + ". " + Title;
}

/// <summary>The six contents of the programme, written once: the tables, the content pages, the sitemap and the article form read them.</summary>
public static class ProgramContents
{
    public static readonly IReadOnlyList<ProgramContent> All =
    [
        new(1, "I", "mo-hinh-trinh-dien-may-moc", "Mô hình trình diễn, máy móc tiên tiến, sản xuất sạch hơn, xử lý ô nhiễm"),
        new(2, "II", "san-pham-cong-nghiep-nong-thon", "Sản phẩm công nghiệp nông thôn tiêu biểu, hội chợ, phòng trưng bày"),
        new(3, "III", "lien-ket-cum-cong-nghiep", "Liên doanh, liên kết, cụm công nghiệp"),
        new(4, "IV", "nguon-nhan-luc", "Nguồn nhân lực, đào tạo, nâng cao năng lực quản lý"),
        new(5, "V", "tu-van-thong-tin-truyen-thong", "Tư vấn, thông tin, truyền thông"),
        new(6, "VI", "nang-luc-to-chuc-thuc-hien", "Nâng cao năng lực tổ chức thực hiện"),
    ];

    public static ProgramContent? Find(int number) => All.FirstOrDefault(c => c.Number == number);

    public static ProgramContent? FindBySlug(string? slug) => All.FirstOrDefault(c => c.Slug == slug);
}
