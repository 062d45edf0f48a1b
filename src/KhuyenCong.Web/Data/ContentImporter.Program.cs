using System.Security.Cryptography;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

public sealed partial class ContentImporter
{
    /// <summary>
    /// content/program/: the decision's targets and budget tables. Replaced as a whole when any file changed
    /// (achievements refer to targets by code, so they survive). The arithmetic mismatches of the source are
    /// written to the output on every import and kept for the programme page; they never fail the import.
    /// </summary>
    private async Task<string> ImportProgramAsync(TextWriter output, CancellationToken ct)
    {
        if (!Directory.Exists(Path.Combine(contentRoot, ProgramSource.Folder)))
        {
            return "program: no program folder";
        }

        var data = ProgramSource.Read(contentRoot);
        foreach (var issue in data.Issues)
        {
            // Expected, not an error: the decision's own figures disagree here; the programme page shows each one.
            await output.WriteLineAsync($"program: note (the decision's own figures, shown on the programme page) content/{issue.File}:{issue.Line}: {issue.Location}: {issue.Message}");
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in ProgramSource.Files(contentRoot))
        {
            sha.AppendData(await File.ReadAllBytesAsync(file, ct));
        }

        var hash = Convert.ToHexString(sha.GetHashAndReset());
        var dataset = await db.ProgramDatasets.OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
        if (dataset?.SourceHash == hash)
        {
            return $"program: {data.Targets.Count} targets, {data.Figures.Count} figures unchanged, {data.Issues.Count} mismatches in the source";
        }

        // Periods an administrator added in the editor area (and their targets and budget) are not the files' to replace.
        var adminPeriods = await db.ProgramPeriods.Where(p => p.Origin == ProgramPeriodOrigins.Admin).Select(p => p.Code).ToListAsync(ct);
        var clash = data.Periods.FirstOrDefault(p => adminPeriods.Contains(p.Code));
        if (clash is not null)
        {
            throw new ContentImportException(ProgramSource.PeriodsFile, 0, $"period {clash.Code} was added in the editor area; remove it there or from the file");
        }

        await db.ProgramTargets.Where(t => !adminPeriods.Contains(t.PeriodCode)).ExecuteDeleteAsync(ct);
        await db.ProgramFigures.Where(f => !adminPeriods.Contains(f.PeriodCode)).ExecuteDeleteAsync(ct);
        await db.ProgramPeriods.Where(p => p.Origin == ProgramPeriodOrigins.Content).ExecuteDeleteAsync(ct);
        await db.ProgramSourceIssues.ExecuteDeleteAsync(ct);
        foreach (var p in data.Periods)
        {
            p.CreatedAt = clock.GetUtcNow().UtcDateTime;
        }

        db.ProgramPeriods.AddRange(data.Periods);
        db.ProgramTargets.AddRange(data.Targets);
        db.ProgramFigures.AddRange(data.Figures);
        db.ProgramSourceIssues.AddRange(data.Issues);
        if (dataset is null)
        {
            dataset = new ProgramDataset { SourceHash = hash };
            db.ProgramDatasets.Add(dataset);
        }

        dataset.SourceHash = hash;
        dataset.ImportedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return $"program: {data.Periods.Count} periods, {data.Targets.Count} targets, {data.Figures.Count} figures imported, {data.Issues.Count} mismatches in the source";
    }
}
