using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>Progress of one target: counted from published content, entered by editors, per year and in total.</summary>
public sealed record TargetProgress(ProgramTarget Target, IReadOnlyDictionary<int, long> ComputedByYear, IReadOnlyDictionary<int, long> ManualByYear)
{
    public long Computed => ComputedByYear.Values.Sum();
    public long Manual => ManualByYear.Values.Sum();
    public long Achieved => Computed + Manual;
    public long InYear(int year) => ComputedByYear.GetValueOrDefault(year) + ManualByYear.GetValueOrDefault(year);

    /// <summary>Cumulative achieved value at the end of <paramref name="year"/>.</summary>
    public long Through(int year) => ComputedByYear.Where(x => x.Key <= year).Sum(x => x.Value) + ManualByYear.Where(x => x.Key <= year).Sum(x => x.Value);

    /// <summary>Whole percent of the target (of its lower bound for a range); null for an indicator.</summary>
    public int? Percent => Target.Minimum is > 0 and var min ? (int)Math.Floor(Achieved * 100m / min) : null;

    public string TargetText => Target.Minimum is null ? "—"
        : (Target.IsApproximate ? "khoảng " : "") + ProgramSource.Money(Target.Minimum.Value)
          + (Target.Maximum is { } max ? "–" + ProgramSource.Money(max) : "");

    public string SourceText => Target.Measure == ProgramMeasures.Manual
        ? "Nhập bởi biên tập viên (có minh chứng)"
        : $"Tự tính: {ProgramMeasures.Label(Target.Measure)}" + (Manual > 0 ? $"; cộng {ProgramSource.Money(Manual)} nhập bởi biên tập viên" : "");
}

/// <summary>One period of the programme as the page, the API and the dashboard show it.</summary>
public sealed record ProgramReport(
    IReadOnlyList<TargetProgress> Targets, IReadOnlyList<ProgramFigure> Figures, IReadOnlyList<ProgramSourceIssue> Issues,
    IReadOnlyList<int> Years, DateTime ComputedAt)
{
    /// <summary>The period reported on (null only when no period is known at all).</summary>
    public ProgramPeriod? Period { get; init; }
    public ProgramCalendar? Calendar { get; init; }

    /// <summary>The period's last day has passed: the figures are its final results.</summary>
    public bool HasEnded => Period is not null && Calendar is not null && Calendar.HasEnded(Period);

    /// <summary>The period has not begun yet.</summary>
    public bool NotStarted => Period is not null && Calendar is not null && Period.StartsOn > Calendar.Today;

    /// <summary>The progress of the first target counted by <paramref name="measure"/>, if the period has one.</summary>
    public TargetProgress? ByMeasure(string measure) => Targets.FirstOrDefault(t => t.Target.Measure == measure && t.Target.Minimum is not null);

    /// <summary>The figures by cell and the cells a source issue flags, built once per import (<see cref="ProgramFigureIndex"/>).</summary>
    public ProgramFigureIndex Index { get => index ??= new ProgramFigureIndex(Figures, Issues); init => index = value; }

    private ProgramFigureIndex? index;

    private ProgramFigureIndex Lookup => Index;

    public long Amount(string table, string row, int? year, string source) => Lookup.Find(table, row, year, source)?.Amount ?? 0;

    public string Printed(string table, string row, int? year, string source) =>
        Lookup.Find(table, row, year, source) is { } f ? (f.Printed == "-" ? "-" : ProgramSource.Money(f.Amount)) : "";

    public IReadOnlyList<ProgramFigure> Rows(string table) => Lookup.Rows(table);

    public bool HasIssue(string table, string row, int? year, string source) => Lookup.Flagged(table, row, year, source);

    internal static string ColumnText(int? year, string source) => ColumnWord(year, source);

    /// <summary>The tables of this report, each built once however often the page names it.</summary>
    public DataTable? Table(string name) => tables.GetOrAdd(name, static (n, r) => ProgramTables.Build(n, r), this);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DataTable?> tables = new(StringComparer.Ordinal);

    private static string ColumnWord(int? year, string source) =>
        (year is null ? "cả giai đoạn" : "năm " + year) + " – " + source switch
        {
            ProgramSources.National => "KCQG",
            ProgramSources.Local => "KCĐP",
            ProgramSources.Beneficiary => "vốn đối ứng",
            ProgramSources.Other => "nguồn khác",
            _ => "tổng kinh phí",
        };
}

/// <summary>
/// Computes <see cref="ProgramReport"/> for one period from the imported decision, published content and achievements.
/// Only what happened inside the period's dates and has already happened counts: an article published in the period,
/// a TV segment aired in it, a provincial fair that started in it and has ended, a showroom supported in one of its
/// years up to this year, an achievement dated in it. Years shown are the period's own.
/// </summary>
public sealed class ProgramProgress(AppDbContext db, TimeProvider clock, ProgramPeriods periods, ProgramSourceCache sources)
{
    /// <summary>The report of <paramref name="periodCode"/>, or of the period the site shows today (current, else the last ended).</summary>
    public async Task<ProgramReport> ReportAsync(CancellationToken ct = default) => await ReportAsync(null, ct);

    public async Task<ProgramReport> ReportAsync(string? periodCode, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await periods.CalendarAsync(ct);
        var period = periodCode is null ? calendar.Shown : calendar.Find(periodCode);
        var code = period?.Code ?? ProgramSource.DecisionPeriod;
        // The figures of the period, and the results of the period before it (the comparison of the decision).
        var previous = calendar.Periods.Where(p => period is not null && p.EndsOn < period.StartsOn).OrderByDescending(p => p.EndsOn).Select(p => p.Code).FirstOrDefault() ?? "";
        var source = await sources.GetAsync(db, code, previous, ct);
        var targets = source.Targets;
        var today = calendar.Today;
        var first = period?.StartsOn ?? new DateTime(2021, 1, 1);
        var last = period?.EndsOn ?? new DateTime(2025, 12, 31);
        var codes = targets.Select(t => t.Code).ToList();
        var manual = (await db.Achievements.AsNoTracking().Where(a => !a.IsDeleted && codes.Contains(a.TargetCode) && a.Date >= first && a.Date <= last && a.Date <= today)
                .Select(a => new { a.TargetCode, a.Date, a.Quantity }).ToListAsync(ct))
            .GroupBy(a => a.TargetCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, long>)g.GroupBy(a => a.Date.Year).ToDictionary(y => y.Key, y => (long)y.Sum(a => a.Quantity)));

        var computed = new Dictionary<string, IReadOnlyDictionary<int, long>>(StringComparer.Ordinal);
        var counting = new Counting(now, today, first, last);
        foreach (var measure in targets.Select(t => t.Measure).Where(m => m != ProgramMeasures.Manual).Distinct())
        {
            computed[measure] = await PerYearAsync(measure, counting, ct);
        }

        var empty = new Dictionary<int, long>();
        var progress = targets.Select(t => new TargetProgress(t,
            computed.GetValueOrDefault(t.Measure) ?? empty, manual.GetValueOrDefault(t.Code) ?? empty)).ToList();
        var shown = Enumerable.Range(first.Year, last.Year - first.Year + 1).ToList();
        return new ProgramReport(progress, source.Figures, source.Issues, shown, now) { Period = period, Calendar = calendar, Index = source.Index };
    }

    /// <summary>What one report counts in: its instant, day and dates.</summary>
    private sealed record Counting(DateTime Now, DateTime Today, DateTime First, DateTime Last);

    /// <summary>The counted items of a computed measure per Vietnam year, inside [first, last] and not after today.</summary>
    private async Task<Dictionary<int, long>> PerYearAsync(string measure, Counting counting, CancellationToken ct)
    {
        static Dictionary<int, long> Counted(IEnumerable<int> years) => years.GroupBy(y => y).ToDictionary(g => g.Key, g => (long)g.Count());
        static int Year(DateTime utc) => VietnamTime.ToLocal(utc).Year;
        static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
        static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
        var (now, today, first, last) = counting;
        var fromUtc = VietnamTime.DayStartUtc(first);
        var toUtc = VietnamTime.DayStartUtc(last.AddDays(1));
        if (now < toUtc)
        {
            toUtc = now;
        }

        // A fair is held once it has ended (its last day is before today).
        var heldUntil = today <= last ? today.AddDays(-1) : last;
        var lastYear = Math.Min(last.Year, today.Year);
        switch (measure)
        {
            case ProgramMeasures.Articles:
                // Counted per Vietnam year by the database (one indexed range count a year): the news grows by the
                // thousand, and reading every date to count them in memory made the page's cost grow with it.
                var published = new Dictionary<int, long>();
                for (var year = Year(fromUtc); year <= Year(toUtc.AddTicks(-1)); year++)
                {
                    var yearFrom = Max(fromUtc, VietnamTime.DayStartUtc(new DateOnly(year, 1, 1)));
                    var yearTo = Min(toUtc, VietnamTime.DayStartUtc(new DateOnly(year + 1, 1, 1)));
                    var count = yearFrom >= yearTo ? 0
                        : await db.Articles.AsNoTracking().Published(now).CountAsync(a => a.PublishAt >= yearFrom && a.PublishAt < yearTo, ct);
                    if (count > 0)
                    {
                        published[year] = count;
                    }
                }

                return published;
            case ProgramMeasures.TvSegments:
                return Counted((await db.TvSegments.AsNoTracking().Published(now).Select(t => t.AirDate ?? t.PublishAt!.Value).ToListAsync(ct))
                    .Where(d => d >= fromUtc && d < toUtc).Select(Year));
            case ProgramMeasures.Fairs:
                return Counted((await db.Fairs.AsNoTracking().Published(now)
                    .Where(f => f.Level == FairLevel.Provincial && f.StartsOn >= first && f.EndsOn <= heldUntil)
                    .Select(f => f.StartsOn).ToListAsync(ct)).Select(d => d.Year));
            case ProgramMeasures.FairParticipations:
                var fairs = db.Fairs.AsNoTracking().Published(now).Where(f => f.StartsOn >= first && f.EndsOn <= heldUntil);
                return Counted((await db.FairParticipations.AsNoTracking().Where(p => p.ProgrammeSupported)
                    .Join(fairs, p => p.FairId, f => f.Id, (p, f) => f.StartsOn).ToListAsync(ct)).Select(d => d.Year));
            case ProgramMeasures.Showrooms:
                return Counted((await db.Showrooms.AsNoTracking().Published(now).Select(s => new { s.YearSupported, s.PublishAt }).ToListAsync(ct))
                    .Select(s => s.YearSupported ?? Year(s.PublishAt!.Value)).Where(y => y >= first.Year && y <= lastYear));
            case ProgramMeasures.SelectionRounds:
            case ProgramMeasures.CertifiedProducts:
                // Counted by the database: the certified products number in the thousands. The published products
                // are a list of ids from the covering index (IN): a join would read each product's whole row, and
                // product rows are large.
                var live = db.Products.AsNoTracking().Published(now).Select(p => p.Id);
                var certified = db.ProductCertifications.AsNoTracking()
                    .Where(c => c.Level == CertificationLevel.Provincial && c.RoundYear >= first.Year && c.RoundYear <= lastYear && live.Contains(c.ProductId));
                if (measure == ProgramMeasures.SelectionRounds)
                {
                    return (await certified.Select(c => c.RoundYear).Distinct().ToListAsync(ct)).ToDictionary(y => y, _ => 1L);
                }

                // A product counts once, in the year of its first certification.
                return (await certified.GroupBy(c => c.ProductId).Select(g => g.Min(c => c.RoundYear))
                    .GroupBy(y => y).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct))
                    .ToDictionary(g => g.Year, g => (long)g.Count);
            default:
                return [];
        }
    }
}

/// <summary>What the list pages' progress block shows: one target of the shown period (<see cref="TargetProgress"/>).</summary>
public sealed record TargetProgressView(ProgramReport Report, string Measure, string Id)
{
    public TargetProgress? Progress => Report.ByMeasure(Measure);
}
