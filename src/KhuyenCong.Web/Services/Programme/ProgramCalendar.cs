using System.Globalization;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Registrations;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>Where the programme stands today: the period running now, the last one that ended, the next one announced.</summary>
public sealed record ProgramCalendar(IReadOnlyList<ProgramPeriod> Periods, DateTime Today)
{
    /// <summary>The period whose dates contain today (never a results-only period).</summary>
    public ProgramPeriod? Current => Periods.Where(p => !p.ResultsOnly && p.StartsOn <= Today && Today <= p.EndsOn).OrderByDescending(p => p.StartsOn).FirstOrDefault();

    /// <summary>The latest period with targets that has ended.</summary>
    public ProgramPeriod? LastEnded => Periods.Where(p => !p.ResultsOnly && p.EndsOn < Today).OrderByDescending(p => p.EndsOn).FirstOrDefault();

    /// <summary>The next period announced (starting after today).</summary>
    public ProgramPeriod? Upcoming => Periods.Where(p => !p.ResultsOnly && p.StartsOn > Today).OrderBy(p => p.StartsOn).FirstOrDefault();

    /// <summary>The period /chuong-trinh shows: the one running, else the final results of the last one, else the next.</summary>
    public ProgramPeriod? Shown => Current ?? LastEnded ?? Upcoming;

    public bool HasEnded(ProgramPeriod p) => p.EndsOn < Today;

    public ProgramPeriod? Find(string code) => Periods.FirstOrDefault(p => p.Code == code);

    /// <summary>The support lines open to registration now: the current period's, or none.</summary>
    public IReadOnlyList<(SupportLine Kind, ProgramSupportLine? Line)> OpenLines =>
        Current is { } c
            ? c.SupportLines.Select(l => (RegistrationCatalog.Lines.First(k => k.Code == l.Code), (ProgramSupportLine?)l))
                .Append((RegistrationCatalog.Lines.First(k => k.Code == RegistrationCatalog.OtherLine), null)).ToList()
            : [];

    /// <summary>The catalogue lines among <paramref name="codes"/> that the period running now does not offer (none when none runs).</summary>
    public IReadOnlyList<string> LinesOutsideCurrent(IEnumerable<string>? codes)
    {
        if (Current is null)
        {
            return [];
        }

        var open = OpenLines.Select(l => l.Kind.Code).ToHashSet(StringComparer.Ordinal);
        return (codes ?? []).Where(c => !string.IsNullOrEmpty(c) && !open.Contains(c) && RegistrationCatalog.Lines.Any(k => k.Code == c))
            .Distinct().ToList();
    }

    /// <summary>Why those lines cannot be asked for now, in Vietnamese.</summary>
    public string LinesOutsideText(IReadOnlyList<string> codes) =>
        $"{string.Join(", ", codes.Select(c => "“" + RegistrationCatalog.LineName(c) + "”"))} không thuộc nội dung hỗ trợ của {Current?.Title}. Vui lòng chọn trong danh sách.";

    public static string Day(DateTime d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Quyết định số 1625/QĐ-UBND ngày 12/7/2021", or "" when the period has no decision yet.</summary>
    public static string DecisionText(ProgramPeriod p) => p.DecisionNumber is null ? ""
        : "Quyết định số " + p.DecisionNumber + (p.DecisionDate is { } d ? " ngày " + d.ToString("d/M/yyyy", CultureInfo.InvariantCulture) : "");
}
