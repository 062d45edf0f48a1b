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

    /// <summary>
    /// The model's one configuration style: every entity is mapped by one <c>IEntityTypeConfiguration&lt;T&gt;</c>
    /// class in the feature's partial file <c>Data/AppDbContext.&lt;Feature&gt;.cs</c>, beside the feature's DbSets
    /// (Content, Showcase, Program, Registrations, Questions, Mail, Jobs). No mapping attributes on the model classes
    /// (<c>[MaxLength]</c>, <c>[Key]</c>, <c>[Index]</c>...) and no <c>modelBuilder.Entity</c> calls here: this method
    /// only applies the configuration classes, so an entity's keys, indexes, lengths and relations are read in one place.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
