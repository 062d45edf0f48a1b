using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KhuyenCong.Web.Data;

/// <summary>
/// The same model on PostgreSQL, with its own migrations (Data/Migrations/Postgres; EF Core's one-context-type-per-
/// provider layout). The rest of the app injects <see cref="AppDbContext"/>, which resolves to this context when
/// Database:Provider is Postgres. Two provider differences are settled here, in the model:
/// <list type="bullet">
/// <item>Every text column uses collation "C" (byte order of the UTF-8 text), so ordering and uniqueness of
/// Vietnamese text are the same as SQLite's default BINARY collation whatever locale the server was created with.</item>
/// <item>Every DateTime is a <c>timestamp with time zone</c> holding UTC, as Npgsql expects: values of Unspecified
/// kind (dates from forms, imports) are taken as UTC, Local ones are converted, and reads come back as UTC.</item>
/// </list>
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Byte-order collation, present on every PostgreSQL server.</summary>
    public const string Collation = "C";

    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.IsMappedToJson())
            {
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(string))
                {
                    property.SetCollation(Collation);
                }
                else if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(Utc);
                }
            }
        }
    }
}

/// <summary>
/// For <c>dotnet ef migrations add X --context PostgresAppDbContext --output-dir Data/Migrations/Postgres</c>: the
/// tools need no server to build the model.
/// </summary>
public sealed class PostgresAppDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresAppDbContext>()
        .UseNpgsql("Host=localhost;Database=khuyencong", o => o.MigrationsAssembly(typeof(PostgresAppDbContext).Assembly.FullName))
        .Options);
}
