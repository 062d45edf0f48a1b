using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>The one context of the site: content, Identity accounts and the Data Protection key ring.</summary>
public partial class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the per-provider contexts (<see cref="PostgresAppDbContext"/>), each with its own migrations.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var modelBuilder = builder;
        base.OnModelCreating(builder);
        // Each feature keeps its configuration in its own IEntityTypeConfiguration<T> class.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        modelBuilder.Entity<Article>(e =>
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
        });
        modelBuilder.Entity<Topic>().HasIndex(x => x.Slug).IsUnique();
        modelBuilder.Entity<Tag>().HasIndex(x => x.Slug).IsUnique();
        modelBuilder.Entity<Document>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => new { x.Status, x.IssuedOn });
        });
        modelBuilder.Entity<Page>(e =>
        {
            e.HasIndex(x => x.Path).IsUnique();
            e.HasIndex(x => new { x.ParentId, x.Slug }).IsUnique();
            e.HasOne(x => x.Parent).WithMany(p => p.Children).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Place>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Revision>().HasIndex(x => new { x.ContentType, x.ContentId, x.Number }).IsUnique();
        modelBuilder.Entity<AuditEntry>().HasIndex(x => x.At);
        modelBuilder.Entity<SearchItem>().HasIndex(x => new { x.Kind, x.ItemId }).IsUnique();
        modelBuilder.Entity<SearchItem>().HasIndex(x => x.Version);
        modelBuilder.Entity<SlugRedirect>().HasIndex(x => new { x.ContentType, x.OldSlug }).IsUnique();
        modelBuilder.Entity<MediaFile>(e =>
        {
            e.HasIndex(x => x.StorageName).IsUnique();
            e.HasIndex(x => x.UploadedAt);
        });
        modelBuilder.Entity<AuditEntry>().HasIndex(x => new { x.EntityType, x.At });
    }
}
