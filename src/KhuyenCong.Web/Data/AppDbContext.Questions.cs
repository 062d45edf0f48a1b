using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Web.Data;

public partial class AppDbContext
{
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionEvent> QuestionEvents => Set<QuestionEvent>();
    public DbSet<QaItem> QaItems => Set<QaItem>();
    public DbSet<PageFeedback> PageFeedback => Set<PageFeedback>();
    public DbSet<DocumentComment> DocumentComments => Set<DocumentComment>();
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> e)
    {
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
        e.HasIndex(x => new { x.Status, x.SubmittedAt });
        e.HasIndex(x => new { x.PersonalDataErasedAt, x.SubmittedAt });
        e.Property(x => x.Reference).HasMaxLength(20);
        e.HasMany(x => x.Events).WithOne(v => v.Question!).HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionEventConfiguration : IEntityTypeConfiguration<QuestionEvent>
{
    public void Configure(EntityTypeBuilder<QuestionEvent> e) => e.HasIndex(x => new { x.QuestionId, x.At });
}

internal sealed class QaItemConfiguration : IEntityTypeConfiguration<QaItem>
{
    public void Configure(EntityTypeBuilder<QaItem> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasIndex(x => new { x.Status, x.PublishAt, x.UnpublishAt });
        e.HasIndex(x => new { x.Status, x.WentLiveAt });
        e.HasIndex(x => new { x.Status, x.UnpublishAt });
        e.HasIndex(x => new { x.Topic, x.PublishAt });
    }
}

internal sealed class PageFeedbackConfiguration : IEntityTypeConfiguration<PageFeedback>
{
    public void Configure(EntityTypeBuilder<PageFeedback> e)
    {
        e.HasIndex(x => new { x.ContentType, x.ContentId, x.At });
        e.HasIndex(x => x.At);
        e.Property(x => x.ContentType).HasMaxLength(40);
        e.Property(x => x.Path).HasMaxLength(400);
        e.Property(x => x.Comment).HasMaxLength(1000);
    }
}

internal sealed class DocumentCommentConfiguration : IEntityTypeConfiguration<DocumentComment>
{
    public void Configure(EntityTypeBuilder<DocumentComment> e)
    {
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => new { x.DocumentId, x.Status, x.SubmittedAt });
        e.HasIndex(x => new { x.Status, x.SubmittedAt });
        e.HasIndex(x => new { x.PersonalDataErasedAt, x.SubmittedAt });
        e.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
