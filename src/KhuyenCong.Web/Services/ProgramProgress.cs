using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services;

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

/// <summary>The whole programme as the page, the API and the dashboard show it.</summary>
public sealed record ProgramReport(
    IReadOnlyList<TargetProgress> Targets, IReadOnlyList<ProgramFigure> Figures, IReadOnlyList<ProgramSourceIssue> Issues,
    IReadOnlyList<int> Years, DateTime ComputedAt)
{
    public long Amount(string table, string row, int? year, string source) =>
        Figures.FirstOrDefault(f => f.Table == table && f.RowCode == row && f.Year == year && f.Source == source)?.Amount ?? 0;

    public string Printed(string table, string row, int? year, string source) =>
        Figures.FirstOrDefault(f => f.Table == table && f.RowCode == row && f.Year == year && f.Source == source) is { } f
            ? (f.Printed == "-" ? "-" : ProgramSource.Money(f.Amount)) : "";

    public IReadOnlyList<ProgramFigure> Rows(string table) =>
        Figures.Where(f => f.Table == table).GroupBy(f => f.RowCode).Select(g => g.First()).OrderBy(f => f.RowOrder).ToList();

    public bool HasIssue(string table, string row, int? year, string source) =>
        Issues.Any(i => Figures.Any(f => f.Table == table && f.RowCode == row && f.Year == year && f.Source == source
                                         && f.SourceFile == i.File && f.SourceLine == i.Line && i.Location.EndsWith(ColumnWord(year, source), StringComparison.Ordinal)));

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

/// <summary>Computes <see cref="ProgramReport"/> from the imported decision, published content and achievements.</summary>
public sealed class ProgramProgress(AppDbContext db, TimeProvider clock)
{
    /// <summary>1 January 2021, 00:00 in Vietnam, as UTC.</summary>
    public static readonly DateTime ProgrammeStartUtc = new(2020, 12, 31, 17, 0, 0, DateTimeKind.Utc);

    public async Task<ProgramReport> ReportAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var targets = await db.ProgramTargets.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var figures = await db.ProgramFigures.AsNoTracking().OrderBy(f => f.Table).ThenBy(f => f.RowOrder).ToListAsync(ct);
        var issues = await db.ProgramSourceIssues.AsNoTracking().OrderBy(i => i.File).ThenBy(i => i.Line).ThenBy(i => i.Id).ToListAsync(ct);
        var manual = (await db.Achievements.AsNoTracking().Where(a => !a.IsDeleted)
                .Select(a => new { a.TargetCode, a.Date, a.Quantity }).ToListAsync(ct))
            .GroupBy(a => a.TargetCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, long>)g.GroupBy(a => a.Date.Year).ToDictionary(y => y.Key, y => (long)y.Sum(a => a.Quantity)));

        var computed = new Dictionary<string, IReadOnlyDictionary<int, long>>(StringComparer.Ordinal);
        foreach (var measure in targets.Select(t => t.Measure).Where(m => m != ProgramMeasures.Manual).Distinct())
        {
            var years = await YearsAsync(measure, now, ct);
            computed[measure] = years.GroupBy(y => y).ToDictionary(g => g.Key, g => (long)g.Count());
        }

        var empty = new Dictionary<int, long>();
        var progress = targets.Select(t => new TargetProgress(t,
            computed.GetValueOrDefault(t.Measure) ?? empty, manual.GetValueOrDefault(t.Code) ?? empty)).ToList();
        var lastYear = progress.SelectMany(p => p.ComputedByYear.Keys.Concat(p.ManualByYear.Keys)).DefaultIfEmpty(2025).Max();
        var shown = Enumerable.Range(2021, Math.Max(2025, lastYear) - 2020).ToList();
        return new ProgramReport(progress, figures, issues, shown, now);
    }

    /// <summary>One Vietnam year per counted item of a computed measure.</summary>
    private async Task<List<int>> YearsAsync(string measure, DateTime now, CancellationToken ct)
    {
        static int Year(DateTime utc) => VietnamTime.ToLocal(utc).Year;
        switch (measure)
        {
            case ProgramMeasures.Articles:
                return (await db.Articles.AsNoTracking().Published(now).Where(a => a.PublishAt >= ProgrammeStartUtc)
                    .Select(a => a.PublishAt!.Value).ToListAsync(ct)).Select(Year).ToList();
            case ProgramMeasures.TvSegments:
                return (await db.TvSegments.AsNoTracking().Published(now).Select(t => t.AirDate ?? t.PublishAt!.Value).ToListAsync(ct))
                    .Where(d => d >= ProgrammeStartUtc).Select(Year).ToList();
            case ProgramMeasures.Fairs:
                return (await db.Fairs.AsNoTracking().Published(now).Where(f => f.StartsOn >= ProgrammeStartUtc.Date.AddDays(1))
                    .Select(f => f.StartsOn).ToListAsync(ct)).Select(d => d.Year).ToList();
            case ProgramMeasures.FairParticipations:
                var fairs = db.Fairs.AsNoTracking().Published(now).Where(f => f.StartsOn >= ProgrammeStartUtc.Date.AddDays(1));
                return (await db.FairParticipations.AsNoTracking().Where(p => p.ProgrammeSupported)
                    .Join(fairs, p => p.FairId, f => f.Id, (p, f) => f.StartsOn).ToListAsync(ct)).Select(d => d.Year).ToList();
            case ProgramMeasures.Showrooms:
                return (await db.Showrooms.AsNoTracking().Published(now).Select(s => new { s.YearSupported, s.PublishAt }).ToListAsync(ct))
                    .Select(s => s.YearSupported ?? Year(s.PublishAt!.Value)).Where(y => y >= 2021).ToList();
            case ProgramMeasures.SelectionRounds:
            case ProgramMeasures.CertifiedProducts:
                var products = db.Products.AsNoTracking().Published(now);
                var certs = await db.ProductCertifications.AsNoTracking()
                    .Where(c => c.Level == CertificationLevel.Provincial && c.RoundYear >= 2021 && c.RoundYear <= 2025)
                    .Join(products, c => c.ProductId, p => p.Id, (c, p) => new { c.ProductId, c.RoundYear }).ToListAsync(ct);
                return measure == ProgramMeasures.SelectionRounds
                    ? certs.Select(c => c.RoundYear).Distinct().ToList()
                    : certs.GroupBy(c => c.ProductId).Select(g => g.Min(c => c.RoundYear)).ToList();
            default:
                return [];
        }
    }
}
