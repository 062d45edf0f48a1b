using System.Data.Common;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KhuyenCong.Web.Data;

/// <summary>
/// The database provider chosen by Database:Provider: SQLite in the data folder (default) or PostgreSQL at
/// ConnectionStrings:Postgres. Both register under <see cref="AppDbContext"/>; the choice is read when the first
/// context is made, so settings from any configuration source apply.
/// </summary>
public static class SiteDatabase
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    public const string ConnectionStringName = "Postgres";
    public const string ConnectionStringSetting = "ConnectionStrings:Postgres";

    public static IServiceCollection AddSiteDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider is Sqlite or Postgres, "Database:Provider must be 'Sqlite' or 'Postgres'.")
            .Validate<IConfiguration>((o, c) => o.Provider != Postgres || !string.IsNullOrWhiteSpace(c.GetConnectionString(ConnectionStringName)),
                $"Database:Provider is 'Postgres' but {ConnectionStringSetting} is not set.")
            .ValidateOnStart();

        // SQLite: one file in the data folder, durable settings on every connection.
        services.AddSingleton<SqlitePragmas>();
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            Directory.CreateDirectory(data.Path);
            options.UseSqlite(SqlitePragmas.ConnectionString(data.DatabaseFile),
                    sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                .AddInterceptors(sp.GetRequiredService<SqlitePragmas>())
                .AddInterceptors(sp.GetServices<IInterceptor>());
        });

        // PostgreSQL: the same model with its own migrations (PostgresAppDbContext).
        services.AddDbContext<PostgresAppDbContext>((sp, options) =>
            options.UseNpgsql(PostgresConnectionString(sp.GetRequiredService<IConfiguration>()),
                    npgsql => npgsql.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                .AddInterceptors(sp.GetServices<IInterceptor>()));

        // Everything else injects AppDbContext and gets the chosen provider's context.
        services.Replace(ServiceDescriptor.Scoped<AppDbContext>(sp => IsPostgres(sp)
            ? sp.GetRequiredService<PostgresAppDbContext>()
            : new AppDbContext(sp.GetRequiredService<DbContextOptions<AppDbContext>>())));

        services.AddSingleton<SqliteSearchIndex>();
        services.AddSingleton<PostgresSearchIndex>();
        services.AddSingleton<ISearchIndex>(sp => IsPostgres(sp)
            ? sp.GetRequiredService<PostgresSearchIndex>()
            : sp.GetRequiredService<SqliteSearchIndex>());
        return services;
    }

    public static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == Postgres;

    public static bool IsPostgres(this AppDbContext db) => db is PostgresAppDbContext;

    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new DatabaseUnavailableException($"{ConnectionStringSetting} is not set (Database:Provider is 'Postgres').");

    /// <summary>Where a PostgreSQL connection string points, without its password (for messages).</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database ?? b.Username}";
        }
        catch (ArgumentException)
        {
            return "an unreadable connection string";
        }
    }

    /// <summary>True for the errors of a database that cannot be reached or opened (not for bad queries).</summary>
    public static bool IsConnectionFailure(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("28", StringComparison.Ordinal) // invalid authorization
            || pg.SqlState is "3D000" // no such database
                or "57P01" or "57P02" or "57P03" // admin shutdown, crash shutdown, cannot connect now
                or "53300", // too many connections
        NpgsqlException npgsql => npgsql.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException or null
            || npgsql.IsTransient,
        DbException => false,
        _ => e.InnerException is { } inner && IsConnectionFailure(inner),
    };
}

/// <summary>The configured database cannot be reached; the message is one line naming the setting.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
