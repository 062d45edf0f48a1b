using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Web.Data;

public partial class AppDbContext
{
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationEvent> RegistrationEvents => Set<RegistrationEvent>();
    public DbSet<RegistrationDraft> RegistrationDrafts => Set<RegistrationDraft>();
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
        e.HasIndex(x => x.SubmittedAt);
        e.HasIndex(x => new { x.Status, x.SubmittedAt });
        e.HasIndex(x => new { x.PersonalDataErasedAt, x.SubmittedAt });
        e.Property(x => x.Reference).HasMaxLength(20);
        e.Property(x => x.SupportLines).HasMaxLength(300);
        e.HasMany(x => x.Events).WithOne(v => v.Registration!).HasForeignKey(v => v.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegistrationEventConfiguration : IEntityTypeConfiguration<RegistrationEvent>
{
    public void Configure(EntityTypeBuilder<RegistrationEvent> e) => e.HasIndex(x => new { x.RegistrationId, x.At });
}

internal sealed class RegistrationDraftConfiguration : IEntityTypeConfiguration<RegistrationDraft>
{
    public void Configure(EntityTypeBuilder<RegistrationDraft> e)
    {
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.ExpiresAt);
    }
}
