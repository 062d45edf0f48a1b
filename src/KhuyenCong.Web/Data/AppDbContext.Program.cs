using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Web.Data;

public partial class AppDbContext
{
    public DbSet<ProgramPeriod> ProgramPeriods => Set<ProgramPeriod>();
    public DbSet<ProgramTarget> ProgramTargets => Set<ProgramTarget>();
    public DbSet<ProgramFigure> ProgramFigures => Set<ProgramFigure>();
    public DbSet<ProgramSourceIssue> ProgramSourceIssues => Set<ProgramSourceIssue>();
    public DbSet<ProgramDataset> ProgramDatasets => Set<ProgramDataset>();
    public DbSet<Achievement> Achievements => Set<Achievement>();
    public DbSet<AchievementChange> AchievementChanges => Set<AchievementChange>();
}

internal sealed class ProgramTargetConfiguration : IEntityTypeConfiguration<ProgramTarget>
{
    public void Configure(EntityTypeBuilder<ProgramTarget> e) => e.HasIndex(x => x.Code).IsUnique();
}

internal sealed class ProgramPeriodConfiguration : IEntityTypeConfiguration<ProgramPeriod>
{
    public void Configure(EntityTypeBuilder<ProgramPeriod> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Ignore(x => x.SupportLines);
    }
}

internal sealed class ProgramFigureConfiguration : IEntityTypeConfiguration<ProgramFigure>
{
    public void Configure(EntityTypeBuilder<ProgramFigure> e) => e.HasIndex(x => new { x.PeriodCode, x.Table, x.RowCode, x.Year, x.Source }).IsUnique();
}

internal sealed class AchievementConfiguration : IEntityTypeConfiguration<Achievement>
{
    public void Configure(EntityTypeBuilder<Achievement> e)
    {
        e.HasIndex(x => new { x.TargetCode, x.IsDeleted });
        e.HasOne(x => x.EvidenceDocument).WithMany().HasForeignKey(x => x.EvidenceDocumentId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Changes).WithOne(c => c.Achievement).HasForeignKey(c => c.AchievementId).OnDelete(DeleteBehavior.Cascade);
    }
}
