using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Web.Data;

public partial class AppDbContext
{
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SearchItem> SearchItems => Set<SearchItem>();
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasIndex(x => new { x.Status, x.PublishAt });
        // Covers the Published() filter, so counting a list reads no table rows.
        e.HasIndex(x => new { x.Status, x.PublishAt, x.UnpublishAt });
        e.HasIndex(x => new { x.IsFeatured, x.Status, x.PublishAt });
        // The scheduler's two questions every 30 s, answered without reading the table.
        e.HasIndex(x => new { x.Status, x.WentLiveAt });
        e.HasIndex(x => new { x.Status, x.UnpublishAt });
        e.HasIndex(x => new { x.TopicId, x.PublishAt });
        e.HasOne(x => x.Topic).WithMany(t => t.Articles).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> e) => e.HasIndex(x => x.Slug).IsUnique();
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> e) => e.HasIndex(x => x.Slug).IsUnique();
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.HasIndex(x => new { x.Status, x.IssuedOn });
        // Draft documents open for comment (Questions: DocumentComment): the open windows, found without a scan.
        e.HasIndex(x => new { x.CommentClosesAt, x.CommentOpensAt });
    }
}

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> e)
    {
        e.HasIndex(x => x.Path).IsUnique();
        e.HasIndex(x => new { x.ParentId, x.Slug }).IsUnique();
        e.HasOne(x => x.Parent).WithMany(p => p.Children).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> e) => e.HasIndex(x => new { x.ContentType, x.ContentId, x.Number }).IsUnique();
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.EntityType, x.At });
    }
}

internal sealed class SearchItemConfiguration : IEntityTypeConfiguration<SearchItem>
{
    public void Configure(EntityTypeBuilder<SearchItem> e)
    {
        e.HasIndex(x => new { x.Kind, x.ItemId }).IsUnique();
        e.HasIndex(x => x.Version);
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> e) => e.HasIndex(x => new { x.ContentType, x.OldSlug }).IsUnique();
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> e)
    {
        e.HasIndex(x => x.StorageName).IsUnique();
        e.HasIndex(x => x.UploadedAt);
    }
}
