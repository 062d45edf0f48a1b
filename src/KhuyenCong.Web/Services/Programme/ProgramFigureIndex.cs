using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>
/// The figures of a period by cell (table, row, year, source) and the cells a source issue points at. A table cell
/// used to scan every figure, and for its flag every issue times every figure: the programme page spent most of its
/// build time there. Built once per import of the figures (see <see cref="ProgramSourceCache"/>).
/// </summary>
public sealed class ProgramFigureIndex
{
    private readonly Dictionary<(string Table, string Row, int? Year, string Source), ProgramFigure> cells = [];
    private readonly HashSet<(string Table, string Row, int? Year, string Source)> flagged = [];
    private readonly Dictionary<string, IReadOnlyList<ProgramFigure>> rows = new(StringComparer.Ordinal);

    public ProgramFigureIndex(IReadOnlyList<ProgramFigure> figures, IReadOnlyList<ProgramSourceIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var f in figures)
        {
            // The first figure of a cell wins, as the former linear search did.
            cells.TryAdd((f.Table, f.RowCode, f.Year, f.Source), f);
        }

        var issuesByLine = issues.ToLookup(i => (i.File, i.Line));
        foreach (var f in figures)
        {
            var column = ProgramReport.ColumnText(f.Year, f.Source);
            if (issuesByLine[(f.SourceFile, f.SourceLine)].Any(i => i.Location.EndsWith(column, StringComparison.Ordinal)))
            {
                flagged.Add((f.Table, f.RowCode, f.Year, f.Source));
            }
        }

        foreach (var g in figures.GroupBy(f => f.Table, StringComparer.Ordinal))
        {
            rows[g.Key] = g.GroupBy(f => f.RowCode).Select(r => r.First()).OrderBy(f => f.RowOrder).ToList();
        }
    }

    public ProgramFigure? Find(string table, string row, int? year, string source) => cells.GetValueOrDefault((table, row, year, source));

    public bool Flagged(string table, string row, int? year, string source) => flagged.Contains((table, row, year, source));

    /// <summary>One figure per row of <paramref name="table"/>, in the decision's order.</summary>
    public IReadOnlyList<ProgramFigure> Rows(string table) => rows.GetValueOrDefault(table) ?? [];

    public bool Has(string table) => rows.ContainsKey(table);
}
