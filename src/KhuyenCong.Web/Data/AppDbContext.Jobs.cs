using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Web.Data;

// The cluster's bookkeeping rows, read with Set<T>() by the jobs and the change feed: no DbSet, named tables.

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(64);
        builder.Property(x => x.Holder).HasMaxLength(200);
        // The known jobs have their row from the start: taking a lease is then a single conditional UPDATE.
        var free = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        builder.HasData(
            new JobLease { Name = JobLeases.Scheduler, Holder = "", ExpiresAt = free },
            new JobLease { Name = JobLeases.RegistrationRetention, Holder = "", ExpiresAt = free },
            new JobLease { Name = JobLeases.MailDigest, Holder = "", ExpiresAt = free });
    }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> builder)
    {
        builder.ToTable("ChangeStamps");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasData(
            new ChangeStamp { Id = ChangeStamp.ContentId, Version = 0, ChangedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            new ChangeStamp { Id = ChangeStamp.SearchId, Version = 0, ChangedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
