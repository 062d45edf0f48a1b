using System.Globalization;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>Loads the periods and validates a new one (from the editor area or content/program/periods.yml).</summary>
public sealed class ProgramPeriods(AppDbContext db, TimeProvider clock)
{
    public async Task<ProgramCalendar> CalendarAsync(CancellationToken ct = default)
    {
        var periods = await db.ProgramPeriods.AsNoTracking().OrderBy(p => p.StartsOn).ToListAsync(ct);
        return new ProgramCalendar(periods, VietnamTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date);
    }

    /// <summary>What a new period is made of, as typed (form fields or YAML strings).</summary>
    public sealed class Draft
    {
        public string? Title { get; set; }
        public string? DecisionNumber { get; set; }
        public string? DecisionDate { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? Summary { get; set; }
        /// <summary>One target a line: mã | tên chỉ tiêu | đơn vị | tối thiểu | tối đa | cách tính.</summary>
        public string? Targets { get; set; }
        /// <summary>One budget line a line: mã | nội dung | KCQG | KCĐP | vốn đối ứng | tổng (triệu đồng); "tong" for the total row.</summary>
        public string? Budget { get; set; }
        /// <summary>One support line a line: mã loại hỗ trợ | chỉ tiêu | kinh phí.</summary>
        public string? SupportLines { get; set; }
    }

    public sealed record Parsed(ProgramPeriod Period, List<ProgramTarget> Targets, List<ProgramFigure> Figures);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    private static DateTime? ParseDate(string? s) =>
        DateTime.TryParseExact(s?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.Date : null;

    private static string[] Cells(string line) => line.Split('|').Select(c => c.Trim()).ToArray();

    private static IEnumerable<(int Line, string Text)> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select((l, i) => (i + 1, l.Trim()))
            .Where(l => l.Item2.Length > 0 && !l.Item2.StartsWith('#'));

    /// <summary>
    /// Checks a new period: dates, no overlap with the known periods, unique target codes, the arithmetic of the
    /// budget (the sources of every line add up to its total; the lines add up to the "tong" row when it is given).
    /// Errors are Vietnamese, by field name of <see cref="Draft"/>.
    /// </summary>
    public static (Parsed? Result, Dictionary<string, string> Errors) Validate(Draft d, IReadOnlyList<ProgramPeriod> existing, IReadOnlySet<string> existingTargetCodes, string origin, string sourceName)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = d.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 300)
        {
            errors[nameof(d.Title)] = "Nhập tên chương trình (tối đa 300 ký tự).";
        }

        var start = ParseDate(d.StartsOn);
        var end = ParseDate(d.EndsOn);
        if (start is null)
        {
            errors[nameof(d.StartsOn)] = "Nhập ngày bắt đầu theo dạng ngày/tháng/năm, ví dụ 01/01/2026.";
        }

        if (end is null)
        {
            errors[nameof(d.EndsOn)] = "Nhập ngày kết thúc theo dạng ngày/tháng/năm, ví dụ 31/12/2030.";
        }
        else if (start is not null && end <= start)
        {
            errors[nameof(d.EndsOn)] = "Ngày kết thúc phải sau ngày bắt đầu.";
        }
        else if (start is not null && existing.FirstOrDefault(p => p.StartsOn <= end && start <= p.EndsOn) is { } other)
        {
            errors[nameof(d.StartsOn)] = $"Thời gian trùng với giai đoạn {other.YearsText} ({ProgramCalendar.Day(other.StartsOn)}–{ProgramCalendar.Day(other.EndsOn)}).";
        }

        DateTime? decisionDate = null;
        if (!string.IsNullOrWhiteSpace(d.DecisionDate) && (decisionDate = ParseDate(d.DecisionDate)) is null)
        {
            errors[nameof(d.DecisionDate)] = "Ngày ban hành phải theo dạng ngày/tháng/năm, ví dụ 15/03/2026.";
        }

        var decisionNumber = d.DecisionNumber?.Trim();
        if (decisionNumber?.Length > 60)
        {
            errors[nameof(d.DecisionNumber)] = "Số quyết định tối đa 60 ký tự.";
        }

        var code = start is not null && end is not null ? $"{start.Value.Year}-{end.Value.Year}" : "";
        var targets = new List<ProgramTarget>();
        var targetErrors = new List<string>();
        foreach (var (line, text) in Lines(d.Targets))
        {
            var c = Cells(text);
            int? min = null, max = null;
            if (c.Length is < 4 or > 6)
            {
                targetErrors.Add($"dòng {line}: cần 4 đến 6 cột cách nhau bởi dấu | (mã | tên chỉ tiêu | đơn vị | tối thiểu | tối đa | cách tính)");
                continue;
            }

            var measure = c.Length == 6 && c[5].Length > 0 ? c[5] : ProgramMeasures.Manual;
            if (!Slugifier.IsValid(c[0]) || c[0].Length > 80)
            {
                targetErrors.Add($"dòng {line}: mã “{c[0]}” chỉ gồm chữ thường không dấu, số và dấu gạch ngang");
            }
            else if (existingTargetCodes.Contains(c[0]) || targets.Any(t => t.Code == c[0]))
            {
                targetErrors.Add($"dòng {line}: mã “{c[0]}” đã có, hãy chọn mã khác (ví dụ thêm “-{code}”)");
            }
            else if (c[1].Length == 0 || c[2].Length == 0)
            {
                targetErrors.Add($"dòng {line}: cần tên chỉ tiêu và đơn vị");
            }
            else if (c[3].Length > 0 && (min = Count(c[3])) is null)
            {
                targetErrors.Add($"dòng {line}: chỉ tiêu tối thiểu “{c[3]}” phải là số nguyên không âm");
            }
            else if (c.Length >= 5 && c[4].Length > 0 && ((max = Count(c[4])) is null || min is null || max < min))
            {
                targetErrors.Add($"dòng {line}: chỉ tiêu tối đa phải là số nguyên không nhỏ hơn chỉ tiêu tối thiểu");
            }
            else if (!ProgramMeasures.All.Contains(measure))
            {
                targetErrors.Add($"dòng {line}: cách tính “{measure}” không có; dùng một trong: {string.Join(", ", ProgramMeasures.All)}");
            }
            else
            {
                targets.Add(new ProgramTarget
                {
                    PeriodCode = code, Code = c[0], Title = c[1], Unit = c[2], Minimum = min, Maximum = max, Measure = measure,
                    Content = 1, Source = sourceName, SortOrder = targets.Count,
                });
            }
        }

        if (targetErrors.Count > 0)
        {
            errors[nameof(d.Targets)] = "Chỉ tiêu chưa đúng: " + string.Join("; ", targetErrors) + ".";
        }

        var figures = new List<ProgramFigure>();
        var budgetErrors = new List<string>();
        (string Code, int Line, long[] Values)? totalRow = null;
        var lines = new List<(string Code, int Line, long[] Values)>();
        foreach (var (line, text) in Lines(d.Budget))
        {
            var c = Cells(text);
            if (c.Length != 6)
            {
                budgetErrors.Add($"dòng {line}: cần 6 cột cách nhau bởi dấu | (mã | nội dung | KCQG | KCĐP | vốn đối ứng | tổng)");
                continue;
            }

            var values = c[2..].Select(Money).ToArray();
            if (values.Any(v => v is null))
            {
                budgetErrors.Add($"dòng {line}: số tiền phải là số nguyên triệu đồng (có thể viết 1.000), hoặc “-”");
                continue;
            }

            var v4 = values.Select(v => v!.Value).ToArray();
            if (v4[0] + v4[1] + v4[2] != v4[3])
            {
                budgetErrors.Add($"dòng {line} ({c[0]}): KCQG + KCĐP + vốn đối ứng = {ProgramSource.Money(v4[0] + v4[1] + v4[2])}, nhưng tổng ghi {ProgramSource.Money(v4[3])}");
            }

            var kind = c[0].Equals("tong", StringComparison.OrdinalIgnoreCase) ? "total" : "line";
            if (kind == "line" && (lines.Any(l => l.Code == c[0]) || c[0].Length is 0 or > 20))
            {
                budgetErrors.Add($"dòng {line}: mã dòng “{c[0]}” trống, quá dài hoặc trùng");
                continue;
            }

            var row = (kind == "total" ? "total" : c[0], line, v4);
            if (kind == "total")
            {
                totalRow = row;
            }
            else
            {
                lines.Add(row);
            }

            var sources = new[] { ProgramSources.National, ProgramSources.Local, ProgramSources.Beneficiary, ProgramSources.Total };
            for (var s = 0; s < 4; s++)
            {
                figures.Add(new ProgramFigure
                {
                    PeriodCode = code, Table = "plan", RowCode = row.Item1, RowKind = kind, RowTitle = kind == "total" ? "Tổng kinh phí" : c[1],
                    RowOrder = kind == "total" ? 0 : lines.Count, Source = sources[s], Amount = v4[s], Printed = c[2 + s], SourceFile = sourceName, SourceLine = line,
                });
            }
        }

        if (totalRow is { } t && lines.Count > 0)
        {
            string[] words = ["KCQG", "KCĐP", "vốn đối ứng", "tổng"];
            for (var s = 0; s < 4; s++)
            {
                var sum = lines.Sum(l => l.Values[s]);
                if (sum != t.Values[s])
                {
                    budgetErrors.Add($"dòng {t.Line} (tong), cột {words[s]}: tổng các dòng = {ProgramSource.Money(sum)}, nhưng ghi {ProgramSource.Money(t.Values[s])}");
                }
            }
        }

        if (budgetErrors.Count > 0)
        {
            errors[nameof(d.Budget)] = "Kinh phí chưa khớp: " + string.Join("; ", budgetErrors) + ".";
        }

        var support = new List<ProgramSupportLine>();
        var supportErrors = new List<string>();
        var kinds = RegistrationCatalog.Lines.Where(l => l.Code != RegistrationCatalog.OtherLine).Select(l => l.Code).ToList();
        foreach (var (line, text) in Lines(d.SupportLines))
        {
            var c = Cells(text);
            if (c.Length != 3 || !kinds.Contains(c[0]) || support.Any(s => s.Code == c[0]))
            {
                supportErrors.Add($"dòng {line}: cần 3 cột (mã loại hỗ trợ | chỉ tiêu | kinh phí), mã là một trong: {string.Join(", ", kinds)}, không trùng");
                continue;
            }

            support.Add(new ProgramSupportLine(c[0], c[1], c[2]));
        }

        if (supportErrors.Count > 0)
        {
            errors[nameof(d.SupportLines)] = "Nội dung hỗ trợ chưa đúng: " + string.Join("; ", supportErrors) + ".";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var period = new ProgramPeriod
        {
            Code = code, Title = title!, DecisionNumber = string.IsNullOrEmpty(decisionNumber) ? null : decisionNumber, DecisionDate = decisionDate,
            StartsOn = start!.Value, EndsOn = end!.Value, Summary = d.Summary?.Trim() ?? "", Origin = origin,
            SupportLinesJson = JsonSerializer.Serialize(support),
        };
        return (new Parsed(period, targets, figures), errors);
    }

    private static int? Count(string s) => int.TryParse(s.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000_000 ? n : null;

    private static long? Money(string s) => s == "-" ? 0
        : long.TryParse(s.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 100_000_000_000 ? n : null;
}
