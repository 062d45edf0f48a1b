using System.Globalization;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>A cell: a number (million VND or a count), or text; <see cref="Printed"/> keeps a dash the decision printed.</summary>
public sealed record TableCell(string? Text, long? Number = null, bool Dash = false, bool Flagged = false)
{
    public static implicit operator TableCell(string text) => new(text);
    public static TableCell Of(long n) => new(null, n);
    public string Html => Dash ? "-" : Number is { } n ? ProgramSource.Money(n) : Text ?? "";
    public string Csv => Dash ? "-" : Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Text ?? "";
}

/// <summary>A table of the programme page; the same object renders the HTML table and its CSV download.</summary>
public sealed record DataTable(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<TableCell>> Rows)
{
    /// <summary>The column that names each row (a row header in HTML).</summary>
    public int RowHeader { get; init; }

    public string CsvPath => $"/chuong-trinh/du-lieu/{Id}.csv";

    public string ToCsv() => CsvWriter.Text(Headers, Rows.Select(row => row.Select(c => (object?)c.Csv)));
}

/// <summary>Builds every table of the programme page from a <see cref="ProgramReport"/>.</summary>
public static class ProgramTables
{
    public const string Progress = "tien-do";
    public const string ProgressByYear = "tien-do-theo-nam";
    public const string ByYear = "kinh-phi-theo-nam";
    public const string ByContent = "kinh-phi-theo-noi-dung";
    public const string Appendix2 = "phu-luc-2";
    public const string Section5 = "muc-v-theo-nam";
    public const string Comparison = "so-sanh-2016-2020";
    public const string Appendix1 = "phu-luc-1";
    public const string Issues = "sai-lech-so-lieu";
    public const string Plan = "kinh-phi-ke-hoach";

    public static readonly string[] Names = [Progress, ProgressByYear, ByYear, ByContent, Appendix2, Section5, Comparison, Appendix1, Issues, Plan];

    /// <summary>The tables that hold figures for the report's period.</summary>
    public static IReadOnlyList<string> NamesFor(ProgramReport r)
    {
        bool Has(string table) => r.Index.Has(table);
        return Names.Where(n => n switch
        {
            Progress or ProgressByYear => r.Targets.Count > 0,
            ByYear or ByContent or Appendix2 => Has("appendix2"),
            Section5 => Has("section5"),
            Comparison => Has("appendix1") && Has("appendix2"),
            Appendix1 => Has("appendix1"),
            Issues => r.Issues.Count > 0,
            Plan => Has("plan"),
            _ => false,
        }).ToList();
    }

    public static readonly string[] BudgetSources = [ProgramSources.National, ProgramSources.Local, ProgramSources.Beneficiary];

    public static string ContentTitle(int content) => ProgramContents.Find(content)?.Title ?? "";

    public static readonly string[] Groups = [.. ProgramContents.All.Select(c => c.Group)];

    public static DataTable? Build(string name, ProgramReport r) => name switch
    {
        Progress => BuildProgress(r),
        ProgressByYear => BuildProgressByYear(r),
        ByYear => BuildByYear(r),
        ByContent => BuildByContent(r),
        Appendix2 => BuildAppendix2(r),
        Section5 => BuildSection5(r),
        Comparison => BuildComparison(r),
        Appendix1 => BuildAppendix1(r),
        Issues => BuildIssues(r),
        Plan => BuildPlan(r),
        _ => null,
    };

    private static DataTable BuildProgress(ProgramReport r) => new(Progress,
        $"Tiến độ thực hiện các chỉ tiêu, giai đoạn {r.Period?.YearsText ?? "2021–2025"}",
        ["Mã", "Nội dung", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu tối thiểu", "Chỉ tiêu tối đa", "Đã đạt", "Tỷ lệ (%)", .. r.Years.Select(y => "Năm " + y), "Nguồn số liệu"],
        r.Targets.Select(p => (IReadOnlyList<TableCell>)[
            p.Target.Code, "IV." + p.Target.Content, p.Target.Title, p.Target.Unit,
            p.Target.Minimum is { } min ? TableCell.Of(min) : "", p.Target.Maximum is { } max ? TableCell.Of(max) : "",
            TableCell.Of(p.Achieved), p.Percent is { } pc ? TableCell.Of(pc) : "",
            .. r.Years.Select(y => TableCell.Of(p.InYear(y))), p.SourceText]).ToList());

    private static DataTable BuildProgressByYear(ProgramReport r) => new(ProgressByYear,
        "Kết quả từng năm và lũy kế",
        ["Chỉ tiêu", .. r.Years.SelectMany(y => new[] { "Năm " + y, "Lũy kế đến hết " + y })],
        r.Targets.Select(p => (IReadOnlyList<TableCell>)[p.Target.Title,
            .. r.Years.SelectMany(y => new[] { TableCell.Of(p.InYear(y)), TableCell.Of(p.Through(y)) })]).ToList());

    private static DataTable BuildByYear(ProgramReport r) => new(ByYear,
        "Kinh phí theo năm và theo nguồn, 2021–2025 (triệu đồng; Phụ lục 2, dòng Tổng kinh phí)",
        ["Năm", .. BudgetSources.Select(ProgramSources.Label), "Tổng kinh phí"],
        [.. ProgramSource.Years.Select(y => (IReadOnlyList<TableCell>)[y.ToString(CultureInfo.InvariantCulture),
            .. BudgetSources.Select(s => Cell(r, "appendix2", "total", y, s)), Cell(r, "appendix2", "total", y, ProgramSources.Total)]),
         (IReadOnlyList<TableCell>)["Cả giai đoạn", .. BudgetSources.Select(s => Cell(r, "appendix2", "total", null, s)), Cell(r, "appendix2", "total", null, ProgramSources.Total)]]);

    private static DataTable BuildByContent(ProgramReport r) => new(ByContent,
        "Kinh phí cả giai đoạn theo nhóm nội dung hỗ trợ và theo nguồn (triệu đồng; Phụ lục 2)",
        ["Nhóm", "Nội dung", .. BudgetSources.Select(ProgramSources.Label), "Tổng kinh phí"],
        Groups.Select((g, i) => (IReadOnlyList<TableCell>)[g, ContentTitle(i + 1),
            .. BudgetSources.Select(s => Cell(r, "appendix2", g, null, s)), Cell(r, "appendix2", g, null, ProgramSources.Total)]).ToList())
    { RowHeader = 1 };

    private static readonly string[] AllSources = [ProgramSources.Total, ProgramSources.National, ProgramSources.Local, ProgramSources.Beneficiary];

    private static DataTable BuildAppendix2(ProgramReport r) => new(Appendix2,
        "Phụ lục 2: Tổng hợp kinh phí thực hiện Chương trình giai đoạn 2021–2025 (triệu đồng, đúng như Quyết định in)",
        ["TT", "Nội dung chương trình",
         .. new int?[] { null, 2021, 2022, 2023, 2024, 2025 }.SelectMany(y => AllSources.Select(s =>
             (y is null ? "Cả giai đoạn" : "Năm " + y) + " – " + (s == ProgramSources.Total ? "Tổng" : s == ProgramSources.National ? "KCQG" : s == ProgramSources.Local ? "KCĐP" : "Vốn đối ứng")))],
        r.Rows("appendix2").Select(row => (IReadOnlyList<TableCell>)[row.RowCode == "total" ? "" : row.RowCode, row.RowTitle,
            .. new int?[] { null, 2021, 2022, 2023, 2024, 2025 }.SelectMany(y => AllSources.Select(s => Cell(r, "appendix2", row.RowCode, y, s)))]).ToList())
    { RowHeader = 1 };

    private static DataTable BuildSection5(ProgramReport r) => new(Section5,
        "Mục V.2: Kinh phí phân bổ theo năm (triệu đồng, đúng như Quyết định in)",
        ["Năm", "Kinh phí KCQG", "Kinh phí KCĐP", "Kinh phí đóng góp của đơn vị thụ hưởng", "Tổng cộng"],
        r.Rows("section5").Select(row => (IReadOnlyList<TableCell>)[row.RowKind == "total" ? "Tổng cộng" : row.RowCode,
            .. new[] { ProgramSources.National, ProgramSources.Local, ProgramSources.Beneficiary, ProgramSources.Total }.Select(s => Cell(r, "section5", row.RowCode, row.Year, s))]).ToList());

    private static DataTable BuildAppendix1(ProgramReport r) => new(Appendix1,
        "Phụ lục 1: Kinh phí thực hiện Chương trình giai đoạn 2016–2020 (triệu đồng)",
        ["Năm", "Tổng kinh phí thực hiện", "Kinh phí KCQG", "Kinh phí KCĐP", "Kinh phí đối ứng từ các đơn vị thụ hưởng", "Nguồn khác"],
        r.Rows("appendix1").Select(row => (IReadOnlyList<TableCell>)[row.RowKind == "total" ? "Tổng cộng" : row.RowCode,
            .. new[] { ProgramSources.Total, ProgramSources.National, ProgramSources.Local, ProgramSources.Beneficiary, ProgramSources.Other }.Select(s => Cell(r, "appendix1", row.RowCode, row.Year, s))]).ToList());

    private static DataTable BuildComparison(ProgramReport r) => new(Comparison,
        "So sánh kinh phí: thực hiện 2016–2020 và kế hoạch 2021–2025 (triệu đồng)",
        ["Nguồn", "Thực hiện 2016–2020", "Kế hoạch 2021–2025", "Chênh lệch"],
        [.. AllSources.Skip(1).Append(ProgramSources.Total).Select(s =>
        {
            var past = r.Amount("appendix1", "total", null, s);
            var plan = r.Amount("appendix2", "total", null, s);
            return (IReadOnlyList<TableCell>)[ProgramSources.Label(s), TableCell.Of(past), TableCell.Of(plan), TableCell.Of(plan - past)];
        })]);

    private static DataTable BuildIssues(ProgramReport r) => new(Issues,
        "Chỗ số liệu trong Quyết định không khớp nhau (do trang tự kiểm tra)",
        ["Tệp dữ liệu", "Dòng", "Vị trí", "Giá trị tính được", "Giá trị in trong Quyết định", "Giải thích"],
        r.Issues.Select(i => (IReadOnlyList<TableCell>)["content/" + i.File, TableCell.Of(i.Line), i.Location, TableCell.Of(i.Expected), TableCell.Of(i.Printed), i.Message]).ToList())
    { RowHeader = 2 };

    private static DataTable BuildPlan(ProgramReport r) => new(Plan,
        $"Kinh phí theo nội dung, giai đoạn {r.Period?.YearsText} (triệu đồng)",
        ["Mã", "Nội dung", .. BudgetSources.Select(ProgramSources.Label), "Tổng kinh phí"],
        r.Rows("plan").OrderBy(row => row.RowKind == "total" ? 1 : 0).ThenBy(row => row.RowOrder).Select(row => (IReadOnlyList<TableCell>)[
            row.RowKind == "total" ? "" : row.RowCode, row.RowTitle,
            .. BudgetSources.Select(s => Cell(r, "plan", row.RowCode, null, s)), Cell(r, "plan", row.RowCode, null, ProgramSources.Total)]).ToList())
    { RowHeader = 1 };

    private static TableCell Cell(ProgramReport r, string table, string row, int? year, string source)
    {
        var f = r.Index.Find(table, row, year, source);
        return f is null ? "" : new TableCell(null, f.Amount, f.Printed == "-", r.HasIssue(table, row, year, source));
    }
}
