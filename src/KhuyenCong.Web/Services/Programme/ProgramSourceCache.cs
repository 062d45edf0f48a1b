using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>
/// The imported part of a period's report (targets, figures, the source's issues and their index), which changes
/// only when content is imported or an editor saves programme data. Every such write moves the content change stamp
/// (<see cref="ContentChanges.BumpAsync"/>) in its transaction, so the copy is keyed by the stamp: one primary-key
/// read per report instead of three table reads and an index build, and a write on any node is seen by the next
/// report on every node. Progress counts are not kept here: they depend on the time as well (scheduled publishing).
/// </summary>
public sealed class ProgramSourceCache
{
    public sealed record Entry(IReadOnlyList<ProgramTarget> Targets, IReadOnlyList<ProgramFigure> Figures, IReadOnlyList<ProgramSourceIssue> Issues, ProgramFigureIndex Index);

    private sealed record Copy(long Version, Entry Entry);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Code, string Previous), Copy> copies = new();

    public async Task<Entry> GetAsync(AppDbContext db, string code, string previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Read before loading: data loaded afterwards is at least as new as the stamp it is stored under.
        var version = await ContentChanges.VersionAsync(db, ct);
        if (copies.TryGetValue((code, previous), out var copy) && copy.Version == version)
        {
            return copy.Entry;
        }

        var targets = await db.ProgramTargets.AsNoTracking().Where(t => t.PeriodCode == code).OrderBy(t => t.SortOrder).ToListAsync(ct);
        // The figures of the period, and the results of the period before it (the comparison of the decision).
        var figures = await db.ProgramFigures.AsNoTracking().Where(f => f.PeriodCode == code || (f.PeriodCode == previous && f.Table == "appendix1"))
            .OrderBy(f => f.Table).ThenBy(f => f.RowOrder).ThenBy(f => f.Id).ToListAsync(ct);
        var issues = code == ProgramSource.DecisionPeriod
            ? await db.ProgramSourceIssues.AsNoTracking().OrderBy(i => i.File).ThenBy(i => i.Line).ThenBy(i => i.Id).ToListAsync(ct)
            : [];
        var entry = new Entry(targets, figures, issues, new ProgramFigureIndex(figures, issues));
        copies[(code, previous)] = new Copy(version, entry);
        return entry;
    }
}
