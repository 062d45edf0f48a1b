using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using KhuyenCong.Web.Tests.Data;

namespace KhuyenCong.Web.Tests.Services.Programme;

/// <summary>The importer checks the decision's arithmetic and reports each mismatch with its location.</summary>
public sealed class ProgramSourceCheckTests(SiteFactory site) : IClassFixture<SiteFactory>, IDisposable
{
    private readonly ContentFolder copy = ContentFolder.CopyOfStartingContent("kc-program-");

    public void Dispose() => copy.Dispose();

    [Fact]
    public void The_source_mismatches_are_found_with_file_line_row_column_expected_and_printed()
    {
        var issues = ProgramSource.Read(AppPaths.Content).Issues;
        // Appendix 2, total row, 2021: 3,715 + 4,297 + 24,095 = 32,107 but 32,105 is printed.
        Assert.Contains(issues, i => i.File == ProgramSource.BudgetFile && i.Line == 9
            && i.Location == "Phụ lục 2, dòng Tổng, cột năm 2021 – tổng kinh phí" && i.Expected == 32_107 && i.Printed == 32_105);
        // Appendix 2, KCĐP: the years add up to 22,337, the period prints 22,335.
        Assert.Contains(issues, i => i.Line == 9 && i.Location.EndsWith("cả giai đoạn – KCĐP", StringComparison.Ordinal) && i.Expected == 22_337 && i.Printed == 22_335);
        // Appendix 2, line VI.6: the years add up to 632, the period prints 650.
        Assert.Contains(issues, i => i.Line == 35 && i.Location == "Phụ lục 2, dòng VI.6, cột cả giai đoạn – tổng kinh phí" && i.Expected == 632 && i.Printed == 650);
        // Group VI, 2021: its lines and its sources add up to 287, 285 is printed.
        Assert.Contains(issues, i => i.Line == 29 && i.Location == "Phụ lục 2, nhóm VI, cột năm 2021 – tổng kinh phí" && i.Expected == 287 && i.Printed == 285);
        // Group VI, period: its lines add up to 1,285, 1,265 is printed.
        Assert.Contains(issues, i => i.Line == 29 && i.Location == "Phụ lục 2, nhóm VI, cột cả giai đoạn – tổng kinh phí" && i.Expected == 1_285 && i.Printed == 1_265);
        // Section V.2 prints 4,295 for KCĐP 2021 where Appendix 2 prints 4,297.
        Assert.Contains(issues, i => i.File == ProgramSource.ByYearFile && i.Line == 6 && i.Expected == 4_297 && i.Printed == 4_295);
        // Sections II.2/IV.3 set 4 industrial-cluster plans, Appendix 2 line III.1 names 03.
        Assert.Contains(issues, i => i.File == ProgramSource.TargetsFile && i.Location.Contains("III.1", StringComparison.Ordinal) && i.Expected == 4 && i.Printed == 3);
        // Appendix 1 adds up.
        Assert.DoesNotContain(issues, i => i.File == ProgramSource.ResultsFile);
        Assert.Equal(11, issues.Count);
    }

    [Fact]
    public void Corrected_figures_give_no_mismatch_and_a_new_error_is_found_where_it_is()
    {
        // The smallest consistent correction: VI.6 reads 632 for the period (its years), group VI 287 in 2021
        // (its lines and sources), so VI is 1,267, KCĐP 22,337 and the total 175,157 everywhere.
        var budget = Path.Combine(copy.Path, ProgramSource.BudgetFile);
        var text = Replace(File.ReadAllText(budget),
            ("total,total,Tổng kinh phí,175155,19525,22335,133295,32105,", "total,total,Tổng kinh phí,175157,19525,22337,133295,32107,"),
            ("khuyến công,1265,0,1265,0,285,0,287,", "khuyến công,1267,0,1267,0,287,0,287,"),
            (",650,0,650,0,132,", ",632,0,632,0,132,"));
        File.WriteAllText(budget, text);
        var byYear = Path.Combine(copy.Path, ProgramSource.ByYearFile);
        File.WriteAllText(byYear, Replace(File.ReadAllText(byYear),
            ("2021,3715,4295,24095,32105", "2021,3715,4297,24095,32107"), ("total,19525,22335,133295,175155", "total,19525,22337,133295,175157")));
        var targets = Path.Combine(copy.Path, ProgramSource.TargetsFile);
        File.WriteAllText(targets, Replace(File.ReadAllText(targets),
            ("    appendix_count: 3\n", "    appendix_count: 4\n"), ("total: 175155", "total: 175157"), ("state_budget: 41860", "state_budget: 41862"), ("local: 22335", "local: 22337")));

        var issues = ProgramSource.Read(copy.Path).Issues;
        Assert.True(issues.Count == 0, string.Join("\n", issues.Select(i => $"{i.File}:{i.Line} {i.Location} {i.Message}")));

        // One wrong figure in a line: reported on that line, its group and the years-to-period check.
        File.WriteAllText(budget, Replace(text, (",675,0,540,135,175,-,140,35,", ",675,0,540,135,175,-,150,35,")));
        issues = ProgramSource.Read(copy.Path).Issues;
        Assert.Contains(issues, i => i.Location == "Phụ lục 2, dòng II.3, cột năm 2021 – tổng kinh phí" && i.Expected == 185 && i.Printed == 175);
        Assert.Contains(issues, i => i.Location == "Phụ lục 2, dòng II.3, cột cả giai đoạn – KCĐP" && i.Expected == 550 && i.Printed == 540);
        Assert.Contains(issues, i => i.Location == "Phụ lục 2, nhóm II, cột năm 2021 – KCĐP" && i.Expected == 350 && i.Printed == 340);
    }

    private static string Replace(string text, params (string From, string To)[] edits)
    {
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    [Fact]
    public async Task The_import_reports_the_mismatches_and_does_not_fail_and_twice_changes_nothing()
    {
        var text = await site.ImportAsync(copy.Path) + await site.ImportAsync(copy.Path);
        Assert.Contains("program: note (the decision's own figures, shown on the programme page) content/program/budget-2021-2025.csv:35: Phụ lục 2, dòng VI.6", text, StringComparison.Ordinal);
        Assert.Contains("figures unchanged, 11 mismatches in the source", text, StringComparison.Ordinal);
        var (targets, figures, issues) = await site.WithDbAsync(async (db, _) =>
            (await db.ProgramTargets.CountAsync(), await db.ProgramFigures.CountAsync(), await db.ProgramSourceIssues.CountAsync()));
        Assert.Equal(18, targets);
        Assert.Equal(27 * 24 + 6 * 4 + 6 * 5, figures);
        Assert.Equal(11, issues);
    }

    [Fact]
    public async Task A_malformed_figure_fails_the_import_with_its_file_and_line()
    {
        var budget = Path.Combine(copy.Path, ProgramSource.BudgetFile);
        File.WriteAllText(budget, File.ReadAllText(budget).Replace(",75000,5000,0,70000,", ",75.000,5000,0,70000,", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<ContentImportException>(() => site.ImportAsync(copy.Path));
        Assert.Equal(ProgramSource.BudgetFile, ex.File);
        Assert.Equal(11, ex.Line);
    }
}
