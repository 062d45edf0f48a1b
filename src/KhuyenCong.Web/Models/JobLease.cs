using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Web.Models;

/// <summary>
/// Which node runs a periodic job (the scheduler, registration retention) until when: every node's timer fires,
/// and only the node that takes the lease with one conditional update runs the pass, so a job runs once per
/// cluster, not once per node. A node that stops holding it (crash, stop) is replaced when the lease expires.
/// </summary>
public class JobLease
{
    [MaxLength(64)] public string Name { get; set; } = "";
    [MaxLength(200)] public string Holder { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("JobLeases");
        builder.HasKey(x => x.Name);
        // The known jobs have their row from the start: taking a lease is then a single conditional UPDATE.
        var free = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        builder.HasData(
            new JobLease { Name = Services.Jobs.JobLeases.Scheduler, Holder = "", ExpiresAt = free },
            new JobLease { Name = Services.Jobs.JobLeases.RegistrationRetention, Holder = "", ExpiresAt = free },
            new JobLease { Name = Services.Jobs.JobLeases.MailDigest, Holder = "", ExpiresAt = free });
    }
}
