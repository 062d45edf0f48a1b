using System.Text.Json;

namespace KhuyenCong.Web.Models;

/// <summary>
/// A programme period (giai đoạn): 2016–2020 (the results of Appendix 1), 2021–2025 (Quyết định 1625/QĐ-UBND) and
/// any later period an administrator adds or a content file declares. Targets and budget figures belong to one
/// period by <see cref="Code"/>; progress toward a target counts only what happened inside its period's dates.
/// </summary>
public class ProgramPeriod
{
    public int Id { get; set; }
    /// <summary>"2021-2025": the years it covers, unique.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? DecisionNumber { get; set; }
    public DateTime? DecisionDate { get; set; }
    /// <summary>Slug of the decision's document page, when the site holds it.</summary>
    public string? DecisionSlug { get; set; }
    /// <summary>First and last Vietnam calendar day of the period (midnight, unspecified kind).</summary>
    public DateTime StartsOn { get; set; }
    public DateTime EndsOn { get; set; }
    /// <summary>A period known only by its results (2016–2020): no targets, no registrations.</summary>
    public bool ResultsOnly { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>The support lines open to registration, as JSON (<see cref="ProgramSupportLine"/>).</summary>
    public string SupportLinesJson { get; set; } = "[]";
    /// <summary>"content" (content/program/periods.yml, replaced by import) or "admin" (entered in the editor area).</summary>
    public string Origin { get; set; } = ProgramPeriodOrigins.Content;
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public IReadOnlyList<ProgramSupportLine> SupportLines =>
        JsonSerializer.Deserialize<List<ProgramSupportLine>>(SupportLinesJson) ?? [];

    public int FirstYear => StartsOn.Year;
    public int LastYear => EndsOn.Year;
    public IReadOnlyList<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToList();
    public string YearsText => $"{FirstYear}–{LastYear}";
}

/// <summary>One kind of support open to registration in a period: a registration kind code with the period's target and budget.</summary>
public sealed record ProgramSupportLine(string Code, string Target, string Budget);

public static class ProgramPeriodOrigins
{
    public const string Content = "content";
    public const string Admin = "admin";
}
