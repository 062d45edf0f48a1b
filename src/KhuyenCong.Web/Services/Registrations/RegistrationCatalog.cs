using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>One kind of support that can be asked for; <see cref="Target"/> and <see cref="Budget"/> are those of 2021–2025 (the period's own are in ProgramPeriod.SupportLines).</summary>
public sealed record SupportLine(string Code, string Name, string Explanation, string Target, string Budget);

/// <summary>The fixed answer lists of the form: sectors, support lines, timings (kinds: <see cref="EstablishmentKinds"/>; places: <see cref="RegistrationPlaces"/>).</summary>
public static class RegistrationCatalog
{
    public const string OutsideProvince = "ngoai-tinh";
    public const string MachineryLine = "may-moc";
    public const string OtherLine = "khac";

    public static readonly IReadOnlyList<SupportLine> Lines =
    [
        new("mo-hinh", "Mô hình trình diễn kỹ thuật",
            "Xây dựng mô hình phổ biến công nghệ mới hoặc sản xuất sản phẩm mới để các cơ sở khác đến học tập.",
            "05 mô hình trong giai đoạn 2021–2025", "75.000 triệu đồng (gồm vốn đối ứng)"),
        new(MachineryLine, "Máy móc thiết bị tiên tiến, chuyển giao công nghệ",
            "Hỗ trợ một phần chi phí mua máy móc, thiết bị tiên tiến, tự động hóa hoặc nhận chuyển giao công nghệ vào sản xuất.",
            "90–100 cơ sở", "70.500 triệu đồng (gồm vốn đối ứng)"),
        new("san-xuat-sach-hon", "Sản xuất sạch hơn",
            "Mô hình thí điểm áp dụng sản xuất sạch hơn: tiết kiệm nguyên liệu, năng lượng, giảm chất thải.",
            "04 mô hình thí điểm", "10.000 triệu đồng (gồm vốn đối ứng)"),
        new("xu-ly-o-nhiem", "Xử lý ô nhiễm môi trường",
            "Nâng cấp, sửa chữa hệ thống xử lý ô nhiễm môi trường tại cơ sở công nghiệp nông thôn.",
            "10 cơ sở", "4.150 triệu đồng (gồm vốn đối ứng)"),
        new("hoi-cho", "Hội chợ, triển lãm",
            "Hỗ trợ tham gia hội chợ triển lãm hàng công nghiệp nông thôn trong nước, giới thiệu sản phẩm.",
            "90 lượt cơ sở; 02 hội chợ do tỉnh tổ chức", "3.475 triệu đồng"),
        new("phong-trung-bay", "Phòng trưng bày sản phẩm",
            "Xây dựng phòng trưng bày, giới thiệu sản phẩm cho cơ sở có sản phẩm công nghiệp nông thôn tiêu biểu.",
            "20 phòng trưng bày", "1.000 triệu đồng"),
        new("tu-van-thiet-ke", "Tư vấn thiết kế mẫu mã, bao bì",
            "Thuê tư vấn lập dự án đầu tư, marketing, thiết kế mẫu mã, bao bì đóng gói, ứng dụng thiết bị mới.",
            "50 lượt cơ sở", "2.000 triệu đồng (gồm vốn đối ứng)"),
        new("dao-tao", "Đào tạo, tập huấn",
            "Tập huấn chính sách khuyến công, sản xuất sạch hơn; khóa đào tạo quản trị, khởi sự doanh nghiệp, marketing.",
            "06 hội nghị tập huấn và 10–12 khóa đào tạo", "985 triệu đồng"),
        new(OtherLine, "Nội dung khác", "Nhu cầu khác liên quan đến phát triển sản xuất công nghiệp nông thôn.", "Xem xét từng trường hợp", "—"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Sectors =
    [
        ("thu-cong-my-nghe", "Thủ công mỹ nghệ"),
        ("che-bien", "Chế biến nông, lâm, thủy sản và thực phẩm"),
        ("co-khi", "Máy móc, thiết bị, dụng cụ và phụ tùng cơ khí"),
        ("khac", "Sản phẩm khác"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Timings =
    [
        ("6-thang", "Trong 6 tháng tới"),
        ("12-thang", "Từ 6 đến 12 tháng tới"),
        ("sau-12-thang", "Sau 12 tháng"),
        ("chua-ro", "Chưa xác định"),
    ];

    public static readonly IReadOnlyDictionary<RegistrationStatus, string> StatusNames = new Dictionary<RegistrationStatus, string>
    {
        [RegistrationStatus.New] = "Mới",
        [RegistrationStatus.Reviewing] = "Đang xem xét",
        [RegistrationStatus.Contacted] = "Đã liên hệ",
        [RegistrationStatus.Eligible] = "Đủ điều kiện",
        [RegistrationStatus.Ineligible] = "Không đủ điều kiện",
        [RegistrationStatus.Supported] = "Đã hỗ trợ",
    };

    /// <summary>The status workflow: which statuses may follow which.</summary>
    public static readonly IReadOnlyDictionary<RegistrationStatus, RegistrationStatus[]> NextStatuses = new Dictionary<RegistrationStatus, RegistrationStatus[]>
    {
        [RegistrationStatus.New] = [RegistrationStatus.Reviewing, RegistrationStatus.Contacted, RegistrationStatus.Ineligible],
        [RegistrationStatus.Reviewing] = [RegistrationStatus.Contacted, RegistrationStatus.Eligible, RegistrationStatus.Ineligible],
        [RegistrationStatus.Contacted] = [RegistrationStatus.Reviewing, RegistrationStatus.Eligible, RegistrationStatus.Ineligible],
        [RegistrationStatus.Eligible] = [RegistrationStatus.Supported, RegistrationStatus.Ineligible, RegistrationStatus.Reviewing],
        [RegistrationStatus.Ineligible] = [RegistrationStatus.Reviewing],
        [RegistrationStatus.Supported] = [],
    };

    /// <summary>Version of the consent and privacy text; stored with each submission.</summary>
    public const string ConsentVersion = "2026-01";

    public static string LineName(string code) => Lines.FirstOrDefault(l => l.Code == code)?.Name ?? code;
    public static string TypeName(EstablishmentKind kind) => EstablishmentKinds.Of(kind).FormLabel;
    public static string SectorName(string code) => Sectors.FirstOrDefault(s => s.Code == code).Name ?? code;
    public static string TimingName(string code) => Timings.FirstOrDefault(s => s.Code == code).Name ?? code;
    public static string StatusName(RegistrationStatus status) => StatusNames[status];

    /// <summary>How the code shared with questions names and handles a registration.</summary>
    public static readonly TriageType<RegistrationStatus> Triage = new(
        "KC", "registration", nameof(Registration), "hồ sơ", "người đăng ký", "/quan-tri/dang-ky/", StatusName, NextStatuses,
        "dang-ky", "/dang-ky-ho-tro/tra-cuu");

    public static string Money(long? amount) => amount is null ? "" : amount.Value.ToString("#,##0", Grouping) + " đồng";

    private static readonly System.Globalization.NumberFormatInfo Grouping = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
}
