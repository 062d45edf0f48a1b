using System.Globalization;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>The decision's own arithmetic checked: each figure that does not add up becomes a reported issue.</summary>
public static partial class ProgramSource
{
    private static string SourceWord(string source) => source switch
    {
        ProgramSources.National => "KCQG",
        ProgramSources.Local => "KCĐP",
        ProgramSources.Beneficiary => "vốn đối ứng",
        ProgramSources.Other => "nguồn khác",
        _ => "tổng kinh phí",
    };

    private static string BlockWord(int? year) => year is null ? "cả giai đoạn" : "năm " + year.Value.ToString(CultureInfo.InvariantCulture);

    private static string RowWord(ProgramFigure f) => f.RowKind switch
    {
        "total" => "dòng Tổng",
        "year" => "dòng năm " + f.RowCode,
        "group" => "nhóm " + f.RowCode,
        _ => "dòng " + f.RowCode,
    };

    private static string TableWord(string table) => table switch
    {
        "appendix2" => "Phụ lục 2",
        "section5" => "Mục V.2",
        _ => "Phụ lục 1",
    };

    private static ProgramSourceIssue Issue(ProgramFigure at, long expected, string how) => new()
    {
        File = at.SourceFile, Line = at.SourceLine,
        Location = $"{TableWord(at.Table)}, {RowWord(at)}, cột {BlockWord(at.Year)} – {SourceWord(at.Source)}",
        Expected = expected, Printed = at.Amount,
        Message = $"{how} = {Money(expected)}, nhưng Quyết định in {Money(at.Amount)} (chênh {Money(at.Amount - expected)})",
    };

    public static string Money(long amount) => amount.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>All arithmetic checks over the figures of the three tables.</summary>
    public static List<ProgramSourceIssue> Check(IReadOnlyList<ProgramFigure> figures)
    {
        var issues = new List<ProgramSourceIssue>();
        var byKey = figures.ToDictionary(f => (f.Table, f.RowCode, f.Year, f.Source));
        ProgramFigure? Get(string table, string row, int? year, string source) => byKey.GetValueOrDefault((table, row, year, source));

        // Sources to totals, in every row and block of every table.
        foreach (var group in figures.GroupBy(f => (f.Table, f.RowCode, f.Year)))
        {
            var total = group.FirstOrDefault(f => f.Source == ProgramSources.Total);
            if (total is null)
            {
                continue;
            }

            var sum = group.Where(f => f.Source != ProgramSources.Total).Sum(f => f.Amount);
            if (sum != total.Amount)
            {
                issues.Add(Issue(total, sum, "KCQG + KCĐP + vốn đối ứng" + (group.Key.Table == "appendix1" ? " + nguồn khác" : "")));
            }
        }

        // Years to the period: Appendix 2 (period columns) and the "total" rows of the by-year tables.
        foreach (var f in figures.Where(f => f.Table == "appendix2" && f.Year is null))
        {
            var sum = ProgramSource.Years.Sum(y => Get(f.Table, f.RowCode, y, f.Source)?.Amount ?? 0);
            if (sum != f.Amount)
            {
                issues.Add(Issue(f, sum, "Tổng 5 năm 2021–2025"));
            }
        }

        foreach (var table in new[] { "section5", "appendix1" })
        {
            foreach (var f in figures.Where(f => f.Table == table && f.RowKind == "total"))
            {
                var sum = figures.Where(x => x.Table == table && x.RowKind == "year" && x.Source == f.Source).Sum(x => x.Amount);
                if (sum != f.Amount)
                {
                    issues.Add(Issue(f, sum, "Tổng các năm"));
                }
            }
        }

        // Lines to groups, groups to the total (Appendix 2).
        var rows = figures.Where(f => f.Table == "appendix2").Select(f => (f.RowCode, f.RowKind)).Distinct().ToList();
        foreach (var f in figures.Where(f => f.Table == "appendix2" && f.RowKind == "group"))
        {
            var lines = rows.Where(r => r.RowKind == "line" && r.RowCode.StartsWith(f.RowCode + ".", StringComparison.Ordinal)).Select(r => r.RowCode).ToList();
            var sum = lines.Sum(code => Get(f.Table, code, f.Year, f.Source)?.Amount ?? 0);
            if (lines.Count > 0 && sum != f.Amount)
            {
                issues.Add(Issue(f, sum, $"Tổng các dòng {lines[0]}–{lines[^1]}"));
            }
        }

        foreach (var f in figures.Where(f => f.Table == "appendix2" && f.RowKind == "total"))
        {
            var groups = rows.Where(r => r.RowKind == "group").Select(r => r.RowCode).ToList();
            var sum = groups.Sum(code => Get(f.Table, code, f.Year, f.Source)?.Amount ?? 0);
            if (groups.Count > 0 && sum != f.Amount)
            {
                issues.Add(Issue(f, sum, $"Tổng các nhóm {groups[0]}–{groups[^1]}"));
            }
        }

        // The by-year table of section V against the total row of Appendix 2.
        foreach (var f in figures.Where(f => f.Table == "section5"))
        {
            var other = Get("appendix2", "total", f.Year, f.Source);
            if (other is not null && other.Amount != f.Amount)
            {
                issues.Add(Issue(f, other.Amount, $"Phụ lục 2 (dòng Tổng kinh phí, {BlockWord(f.Year)}, {SourceWord(f.Source)}, {other.SourceFile} dòng {other.SourceLine})"));
            }
        }

        return issues;
    }

    private static IEnumerable<ProgramSourceIssue> CheckSummary(SummaryModel? s, IReadOnlyList<ProgramFigure> figures, Func<string, int> lineOf)
    {
        if (s is null)
        {
            yield break;
        }

        ProgramSourceIssue Make(string key, string location, long expected, long printed, string how) => new()
        {
            File = TargetsFile, Line = lineOf(key), Location = "Mục V.1, " + location, Expected = expected, Printed = printed,
            Message = $"{how} = {Money(expected)}, nhưng Quyết định in {Money(printed)}",
        };

        if (s.National + s.Local != s.StateBudget)
        {
            yield return Make("state_budget", "ngân sách hỗ trợ", s.National + s.Local, s.StateBudget, "KCQG + KCĐP");
        }

        if (s.StateBudget + s.Beneficiary != s.Total)
        {
            yield return Make("total", "tổng kinh phí", s.StateBudget + s.Beneficiary, s.Total, "Ngân sách hỗ trợ + đóng góp của đơn vị thụ hưởng");
        }

        foreach (var (source, printed) in new[] { (ProgramSources.Total, s.Total), (ProgramSources.National, s.National), (ProgramSources.Local, s.Local), (ProgramSources.Beneficiary, s.Beneficiary) })
        {
            var appendix = figures.FirstOrDefault(f => f.Table == "appendix2" && f.RowCode == "total" && f.Year is null && f.Source == source);
            if (appendix is not null && appendix.Amount != printed)
            {
                yield return Make(source, SourceWord(source), appendix.Amount, printed, "Phụ lục 2 (dòng Tổng kinh phí, cả giai đoạn)");
            }
        }
    }
}
