using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Web.Data;

public partial class AppDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MailSubscriber> MailSubscribers => Set<MailSubscriber>();
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        // One person never gets two mails for the same event: a second row is refused by the database itself.
        e.HasIndex(x => new { x.EventKey, x.Recipient }).IsUnique();
        // The sender's question every few seconds: due rows in order.
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.Recipient);
        e.Property(x => x.Recipient).HasMaxLength(254);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.EventKey).HasMaxLength(200);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.UnsubscribeUrl).HasMaxLength(500);
        e.Property(x => x.MessageId).HasMaxLength(200);
        e.Property(x => x.ClaimedBy).HasMaxLength(200);
        e.Property(x => x.LastResponse).HasMaxLength(1000);
    }
}

internal sealed class MailSubscriberConfiguration : IEntityTypeConfiguration<MailSubscriber>
{
    public void Configure(EntityTypeBuilder<MailSubscriber> e)
    {
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        e.HasIndex(x => x.UnsubscribeToken).IsUnique();
        e.HasIndex(x => new { x.Email, x.CreatedAt });
        e.HasIndex(x => new { x.ConfirmedAt, x.LastDigestAt });
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.Topics).HasMaxLength(1000);
        e.Property(x => x.ConsentVersion).HasMaxLength(40);
        e.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        e.Property(x => x.UnsubscribeToken).HasMaxLength(64);
    }
}
