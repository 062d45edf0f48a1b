using System.Globalization;
using System.Text;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>
/// Reads content/program/ (targets.yml and the three CSV tables of the decision) and checks the decision's own
/// arithmetic: sources to totals, years to the period, lines to groups, groups to the total, the by-year table
/// against Appendix 2, the summary of section V, and each target against the count printed in its budget line.
/// A malformed file is a <see cref="ContentImportException"/>; a figure that does not add up is a reported issue.
/// </summary>
public static partial class ProgramSource
{
    public const string Folder = "program";
    public const string TargetsFile = "program/targets.yml";
    public const string BudgetFile = "program/budget-2021-2025.csv";
    public const string ByYearFile = "program/budget-by-year.csv";
    public const string ResultsFile = "program/results-2016-2020.csv";
    public const string PeriodsFile = "program/periods.yml";
    /// <summary>The period of Quyết định 1625/QĐ-UBND (targets.yml, Appendix 2, section V.2).</summary>
    public const string DecisionPeriod = "2021-2025";
    /// <summary>The period of Appendix 1 (results 2016–2020).</summary>
    public const string PastPeriod = "2016-2020";
    public static readonly int[] Years = [2021, 2022, 2023, 2024, 2025];
    public static readonly int[] PastYears = [2016, 2017, 2018, 2019, 2020];
    private static readonly string[] BudgetSources = [ProgramSources.Total, ProgramSources.National, ProgramSources.Local, ProgramSources.Beneficiary];

    public sealed record Data(IReadOnlyList<ProgramTarget> Targets, IReadOnlyList<ProgramFigure> Figures, IReadOnlyList<ProgramSourceIssue> Issues)
    {
        public IReadOnlyList<ProgramPeriod> Periods { get; init; } = [];
    }

    private sealed class SupportModel
    {
        public string Code { get; set; } = "";
        public string Target { get; set; } = "";
        public string Budget { get; set; } = "";
    }

    private sealed class PeriodsFileModel
    {
        public List<PeriodModel> Periods { get; set; } = [];
    }

    private sealed class PeriodModel
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? DecisionNumber { get; set; }
        public string? DecisionDate { get; set; }
        public string? DecisionSlug { get; set; }
        public string? Starts { get; set; }
        public string? Ends { get; set; }
        public bool ResultsOnly { get; set; }
        public string? Summary { get; set; }
        public List<SupportModel>? SupportLines { get; set; }
        /// <summary>A later period's targets and budget, in the editor area's format (see ProgramPeriods.Draft).</summary>
        public string? Targets { get; set; }
        public string? Budget { get; set; }
    }

    private sealed class TargetsFileModel
    {
        public SummaryModel? Summary { get; set; }
        public List<TargetModel> Targets { get; set; } = [];
    }

    private sealed class SummaryModel
    {
        public long Total { get; set; }
        public long StateBudget { get; set; }
        public long National { get; set; }
        public long Local { get; set; }
        public long Beneficiary { get; set; }
    }

    private sealed class TargetModel
    {
        public string? Code { get; set; }
        public int Content { get; set; }
        public string? Title { get; set; }
        public string? Unit { get; set; }
        public int? Min { get; set; }
        public int? Max { get; set; }
        public bool Approximate { get; set; }
        public string? BudgetLine { get; set; }
        public int? AppendixCount { get; set; }
        public string? Measure { get; set; }
        public string? Source { get; set; }
    }

    /// <summary>Every file of the folder, for the import's idempotency hash.</summary>
    public static IEnumerable<string> Files(string contentRoot) =>
        new[] { TargetsFile, BudgetFile, ByYearFile, ResultsFile, PeriodsFile }.Select(f => Path.Combine(contentRoot, f)).Where(File.Exists);

    public static Data Read(string contentRoot)
    {
        var figures = new List<ProgramFigure>();
        var issues = new List<ProgramSourceIssue>();
        ReadBudget(contentRoot, figures);
        ReadByYear(contentRoot, figures);
        ReadResults(contentRoot, figures);
        var (targets, summary, targetLines) = ReadTargets(contentRoot, figures);
        issues.AddRange(Check(figures));
        var yamlLines = File.ReadAllText(Path.Combine(contentRoot, TargetsFile)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        issues.AddRange(CheckSummary(summary, figures, key => Array.FindIndex(yamlLines, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)) + 1));
        foreach (var (target, count, line) in targetLines.Where(t => t.Count is not null && t.Count != t.Target.Minimum))
        {
            issues.Add(new ProgramSourceIssue
            {
                File = TargetsFile, Line = line, Location = $"chỉ tiêu {target.Code} (Phụ lục 2, dòng {target.BudgetLine})",
                Expected = target.Minimum ?? 0, Printed = count!.Value,
                Message = $"Mục II.2/IV của Quyết định đặt chỉ tiêu {target.Minimum} {target.Unit}, nhưng tên dòng {target.BudgetLine} của Phụ lục 2 ghi {count:00} {target.Unit}",
            });
        }

        foreach (var f in figures)
        {
            f.PeriodCode = f.Table == "appendix1" ? PastPeriod : DecisionPeriod;
        }

        foreach (var t in targets)
        {
            t.PeriodCode = DecisionPeriod;
        }

        var periods = ReadPeriods(contentRoot, targets, figures);
        return new Data(targets, figures, issues) { Periods = periods };
    }

    /// <summary>
    /// program/periods.yml: the periods. Without the file the site knows 2016–2020 and 2021–2025 from the decision.
    /// A period with inline targets or budget goes through the editor area's checks (<see cref="ProgramPeriods.Validate"/>).
    /// </summary>
    private static List<ProgramPeriod> ReadPeriods(string root, List<ProgramTarget> targets, List<ProgramFigure> figures)
    {
        var path = Path.Combine(root, PeriodsFile);
        var model = File.Exists(path) ? FrontMatter.Deserialize<PeriodsFileModel>(PeriodsFile, File.ReadAllText(path)) : new PeriodsFileModel
        {
            Periods =
            [
                new() { Code = PastPeriod, Title = "Chương trình khuyến công giai đoạn 2016–2020", Starts = "2016-01-01", Ends = "2020-12-31", ResultsOnly = true },
                new() { Code = DecisionPeriod, Title = "Chương trình khuyến công giai đoạn 2021–2025", DecisionNumber = "1625/QĐ-UBND", DecisionDate = "2021-07-12", Starts = "2021-01-01", Ends = "2025-12-31" },
            ],
        };
        var result = new List<ProgramPeriod>();
        var kinds = Registrations.RegistrationCatalog.Lines.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (p, i) in model.Periods.Select((p, i) => (p, i)))
        {
            var (parsed, errors) = ProgramPeriods.Validate(new ProgramPeriods.Draft
            {
                Title = p.Title, DecisionNumber = p.DecisionNumber, DecisionDate = p.DecisionDate, StartsOn = p.Starts, EndsOn = p.Ends,
                Summary = p.Summary, Targets = p.Targets, Budget = p.Budget,
            }, result, targets.Select(t => t.Code).ToHashSet(StringComparer.Ordinal), ProgramPeriodOrigins.Content, PeriodsFile);
            if (parsed is null || (p.Code is not null && p.Code != parsed.Period.Code)
                || p.SupportLines?.Any(l => !kinds.Contains(l.Code) || string.IsNullOrWhiteSpace(l.Target)) == true)
            {
                throw new ContentImportException(PeriodsFile, 0, $"period #{i + 1} ('{p.Code}'): " +
                    (errors.Count > 0 ? string.Join(" ", errors.Values) : "code must be START-END years; support lines need a known registration code and a target"));
            }

            parsed.Period.ResultsOnly = p.ResultsOnly;
            parsed.Period.DecisionSlug = p.DecisionSlug;
            parsed.Period.SupportLinesJson = System.Text.Json.JsonSerializer.Serialize((p.SupportLines ?? []).Select(l => new ProgramSupportLine(l.Code, l.Target.Trim(), l.Budget.Trim())).ToList());
            result.Add(parsed.Period);
            targets.AddRange(parsed.Targets);
            figures.AddRange(parsed.Figures);
        }

        return result;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private static void ReadBudget(string root, List<ProgramFigure> figures)
    {
        var (header, rows) = Csv(root, BudgetFile);
        Expect(header, 1, ["code", "kind", "title", "total", "national", "local", "beneficiary",
            .. Years.SelectMany(y => BudgetSources.Select(s => $"{y}_{s}"))]);
        var order = 0;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in rows)
        {
            var code = cells[0].Trim();
            var kind = cells[1].Trim();
            if (kind is not ("total" or "group" or "line") || code.Length == 0 || !codes.Add(code))
            {
                throw new ContentImportException(BudgetFile, line, $"row '{code}': kind must be total, group or line and the code unique");
            }

            if (kind == "line" && !code.Contains('.', StringComparison.Ordinal))
            {
                throw new ContentImportException(BudgetFile, line, $"line '{code}' must be written as GROUP.N (e.g. I.1)");
            }

            order++;
            for (var block = 0; block < 6; block++)
            {
                int? year = block == 0 ? null : Years[block - 1];
                for (var s = 0; s < 4; s++)
                {
                    var column = header[3 + block * 4 + s];
                    figures.Add(Figure("appendix2", code, kind, cells[2].Trim(), order, year, BudgetSources[s], cells[3 + block * 4 + s], BudgetFile, line, column));
                }
            }
        }
    }

    private static void ReadByYear(string root, List<ProgramFigure> figures)
    {
        var (header, rows) = Csv(root, ByYearFile);
        Expect(header, 1, ["year", "national", "local", "beneficiary", "total"]);
        var order = 0;
        foreach (var (line, cells) in rows)
        {
            var (code, kind, year) = YearCell(ByYearFile, line, cells[0], Years);
            order++;
            for (var c = 1; c < header.Length; c++)
            {
                figures.Add(Figure("section5", code, kind, kind == "total" ? "Tổng cộng" : "Năm " + code, order, year, header[c], cells[c], ByYearFile, line, header[c]));
            }
        }
    }

    private static void ReadResults(string root, List<ProgramFigure> figures)
    {
        var (header, rows) = Csv(root, ResultsFile);
        Expect(header, 1, ["year", "total", "national", "local", "beneficiary", "other"]);
        var order = 0;
        foreach (var (line, cells) in rows)
        {
            var (code, kind, year) = YearCell(ResultsFile, line, cells[0], PastYears);
            order++;
            for (var c = 1; c < header.Length; c++)
            {
                figures.Add(Figure("appendix1", code, kind, kind == "total" ? "Tổng cộng" : "Năm " + code, order, year, header[c], cells[c], ResultsFile, line, header[c]));
            }
        }
    }

    private static (List<ProgramTarget>, SummaryModel?, List<(ProgramTarget Target, int? Count, int Line)>) ReadTargets(string root, List<ProgramFigure> figures)
    {
        var path = Path.Combine(root, TargetsFile);
        if (!File.Exists(path))
        {
            throw new ContentImportException(TargetsFile, 0, "file not found");
        }

        var text = File.ReadAllText(path);
        var model = FrontMatter.Deserialize<TargetsFileModel>(TargetsFile, text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var budgetLines = figures.Where(f => f.Table == "appendix2").Select(f => f.RowCode).ToHashSet(StringComparer.Ordinal);
        var result = new List<ProgramTarget>();
        var counts = new List<(ProgramTarget, int?, int)>();
        foreach (var (t, i) in model.Targets.Select((t, i) => (t, i)))
        {
            var line = Array.FindIndex(lines, l => l.Trim() == $"- code: {t.Code}") + 1;
            if (string.IsNullOrWhiteSpace(t.Code) || !Slugifier.IsValid(t.Code.Trim()) || string.IsNullOrWhiteSpace(t.Title) || string.IsNullOrWhiteSpace(t.Unit))
            {
                throw new ContentImportException(TargetsFile, line, $"target #{i + 1} needs a valid 'code', a 'title' and a 'unit'");
            }

            if (t.Content is < 1 or > 6 || !ProgramMeasures.All.Contains(t.Measure ?? "")
                || (t.BudgetLine is not null && !budgetLines.Contains(t.BudgetLine))
                || t.Min < 0 || (t.Max is not null && (t.Min is null || t.Max < t.Min))
                || result.Any(r => r.Code == t.Code.Trim()))
            {
                throw new ContentImportException(TargetsFile, line,
                    $"target '{t.Code}': content 1–6, a known measure ({string.Join(", ", ProgramMeasures.All)}), an Appendix 2 budget_line, max ≥ min and a unique code");
            }

            var target = new ProgramTarget
            {
                Code = t.Code.Trim(), Content = t.Content, Title = t.Title.Trim(), Unit = t.Unit.Trim(), Minimum = t.Min,
                Maximum = t.Max, IsApproximate = t.Approximate, BudgetLine = t.BudgetLine, Measure = t.Measure!,
                Source = t.Source?.Trim() ?? "", SortOrder = i,
            };
            result.Add(target);
            counts.Add((target, t.AppendixCount, line));
        }

        return (result, model.Summary, counts);
    }

    private static (string Code, string Kind, int? Year) YearCell(string file, int line, string cell, int[] years)
    {
        var value = cell.Trim();
        if (value == "total")
        {
            return (value, "total", null);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && years.Contains(year)
            ? (value, "year", year)
            : throw new ContentImportException(file, line, $"'{value}' must be a year {years[0]}–{years[^1]} or 'total'");
    }

    private static ProgramFigure Figure(string table, string code, string kind, string title, int order, int? year, string source, string cell, string file, int line, string column)
    {
        var printed = cell.Trim();
        long amount = 0;
        if (printed != "-" && !long.TryParse(printed, NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            throw new ContentImportException(file, line, $"row '{code}', column '{column}': '{printed}' is not a whole number of million VND (or '-')");
        }

        return new ProgramFigure
        {
            Table = table, RowCode = code, RowKind = kind, RowTitle = title, RowOrder = order, Year = year, Source = source,
            Amount = amount, Printed = printed, SourceFile = file, SourceLine = line,
        };
    }

    private static void Expect(string[] header, int line, string[] expected)
    {
        _ = line;
        if (!header.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new ContentImportException("program", line, $"expected the columns {string.Join(",", expected)}");
        }
    }
}
