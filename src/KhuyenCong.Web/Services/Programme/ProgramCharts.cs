using System.Globalization;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>A horizontal stacked bar chart drawn on the server as SVG; the same numbers are in <see cref="TableId"/>.</summary>
public sealed record BarChart(string Id, string Title, string Description, string TableId, IReadOnlyList<BarChart.Bar> Bars)
{
    public const double Width = 400;
    public const double LabelHeight = 18;
    public const double BarHeight = 20;
    public const double RowGap = 12;
    public const double LegendHeight = 62;
    public const double ValueRoom = 62;

    public sealed record Segment(string Source, long Value);

    public sealed record Bar(string Label, IReadOnlyList<Segment> Segments)
    {
        public long Total => Segments.Sum(s => s.Value);
    }

    public double Height => LegendHeight + Bars.Count * (LabelHeight + BarHeight + RowGap);
    public long Max => Math.Max(1, Bars.Max(b => b.Total));
    public double Scale => (Width - ValueRoom) / Max;
    public double RowTop(int i) => LegendHeight + i * (LabelHeight + BarHeight + RowGap);

    public static string N(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    public static string CssClass(string source) => "seg-" + source;
}

/// <summary>The two budget charts of the programme page, built from the same figures as their tables.</summary>
public static class ProgramCharts
{
    private static readonly string[] ShortGroup =
    [
        "I. Mô hình, máy móc, xử lý ô nhiễm", "II. Sản phẩm CNNT, hội chợ", "III. Cụm công nghiệp",
        "IV. Đào tạo, tập huấn", "V. Tư vấn, truyền thông", "VI. Tổ chức thực hiện",
    ];

    public static BarChart ByYear(ProgramReport r) => new("chart-by-year", "Kinh phí theo năm, chia theo nguồn (triệu đồng)",
        "Biểu đồ thanh ngang xếp chồng: mỗi năm từ 2021 đến 2025 một thanh, chia ba phần là kinh phí khuyến công quốc gia, kinh phí khuyến công địa phương và vốn đối ứng của đơn vị thụ hưởng, theo dòng Tổng kinh phí của Phụ lục 2. Số liệu chi tiết ở bảng bên cạnh.",
        ProgramTables.ByYear,
        ProgramSource.Years.Select(y => new BarChart.Bar("Năm " + y.ToString(CultureInfo.InvariantCulture),
            ProgramTables.BudgetSources.Select(s => new BarChart.Segment(s, r.Amount("appendix2", "total", y, s))).ToList())).ToList());

    public static BarChart ByContent(ProgramReport r) => new("chart-by-content", "Kinh phí cả giai đoạn theo nhóm nội dung (triệu đồng)",
        "Biểu đồ thanh ngang xếp chồng: mỗi nhóm nội dung hỗ trợ I đến VI của Phụ lục 2 một thanh, chia theo ba nguồn kinh phí. Nhóm I chiếm phần lớn kinh phí. Số liệu chi tiết ở bảng bên cạnh.",
        ProgramTables.ByContent,
        ProgramTables.Groups.Select((g, i) => new BarChart.Bar(ShortGroup[i],
            ProgramTables.BudgetSources.Select(s => new BarChart.Segment(s, r.Amount("appendix2", g, null, s))).ToList())).ToList());
}
