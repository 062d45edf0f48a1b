using System.Data.Common;
using System.Net.Sockets;
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
        // Contexts come from a pool (EF resets one when its request ends and hands it to the next), and their
        // options are built once: a page no longer pays for building options, a context and its internal
        // services on every request. Nothing the site keeps on a context outlives its request.
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<ConnectionStrings>();
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<ConnectionStrings>().Sqlite,
                    sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                .AddInterceptors(sp.GetRequiredService<SqlitePragmas>())
                .AddInterceptors(sp.GetServices<IInterceptor>()));

        // PostgreSQL: the same model with its own migrations (PostgresAppDbContext).
        services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<ConnectionStrings>().Postgres,
                    npgsql => npgsql.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                .AddInterceptors(sp.GetServices<IInterceptor>()));

        // Everything else injects AppDbContext and gets the chosen provider's context, lent from its pool for the
        // scope (disposing it at the end of the scope returns it).
        services.AddScoped<AppDbContext>(sp => IsPostgres(sp)
            ? sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>().CreateDbContext()
            : sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        services.AddSingleton<SearchEngine>();
        services.AddHostedService<SearchWarmUp>();
        services.AddSingleton<ISearchIndex, DatabaseSearchIndex>();
        return services;
    }

    public static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == Postgres;

    public static bool IsPostgres(this AppDbContext db) => db is PostgresAppDbContext;

    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new DatabaseUnavailableException($"{ConnectionStringSetting} is not set (Database:Provider is 'Postgres').");

    /// <summary>Prepared statements kept per pooled connection unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The site asks the same few dozen queries all day. Npgsql's automatic preparation keeps each one parsed and
    /// planned on the server after a few uses, which removes most of a short query's cost (a page asks up to ten).
    /// And EF opens and closes the pooled connection around each query: by default Npgsql then resets the session
    /// before its next use with seven statements (RESET ALL, CLOSE ALL, UNLISTEN *, DISCARD TEMP …), run by the server
    /// before every query of a page. The site never changes session state (no SET, LISTEN, temporary tables or
    /// advisory locks), so <c>No Reset On Close</c> is on. An operator's own <c>Max Auto Prepare</c> or
    /// <c>No Reset On Close</c> wins: <c>Max Auto Prepare=0</c> turns preparation off (for a pooler that cannot hold
    /// prepared statements).
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Has(string key) => given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(key, StringComparison.OrdinalIgnoreCase));
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Has("MaxAutoPrepare"))
        {
            b.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Has("NoResetOnClose"))
        {
            b.NoResetOnClose = true;
        }

        return b.ConnectionString;
    }

    /// <summary>
    /// The connection strings the contexts open, worked out once, when the first context of a provider is made (so
    /// settings from any configuration source apply), instead of parsed again for every context.
    /// </summary>
    public sealed class ConnectionStrings(IConfiguration configuration, IOptions<DataOptions> data)
    {
        private readonly Lazy<string> sqlite = new(() =>
        {
            Directory.CreateDirectory(data.Value.Path);
            return SqlitePragmas.ConnectionString(data.Value.DatabaseFile);
        });

        private readonly Lazy<string> postgres = new(() => WithPreparedStatements(PostgresConnectionString(configuration)));

        /// <summary>The SQLite file in the data folder (the folder is made on first use).</summary>
        public string Sqlite => sqlite.Value;

        /// <summary>ConnectionStrings:Postgres with the site's prepared statements (<see cref="WithPreparedStatements"/>).</summary>
        public string Postgres => postgres.Value;
    }

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

    /// <summary>
    /// Before anything else runs: on PostgreSQL, proves the server answers and creates the database when it does not
    /// exist yet (the account needs CREATEDB for that; otherwise the operator creates it). Returns one line naming
    /// the setting when the database cannot be opened, else null. Plain Npgsql, so no EF error log precedes the line.
    /// </summary>
    public static async Task<string?> OpenProblemAsync(IServiceProvider services)
    {
        if (!IsPostgres(services))
        {
            return null;
        }

        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(configured)
            ? $"{ConnectionStringSetting} is not set (Database:Provider is 'Postgres')."
            : await OpenOrCreateAsync(configured, ConnectionStringSetting);
    }

    /// <summary>Opens the database (creating it when missing); one line naming <paramref name="setting"/> on failure.</summary>
    public static async Task<string?> OpenOrCreateAsync(string configured, string setting)
    {
        string Problem(Exception e) =>
            $"Cannot open the PostgreSQL database set by {setting} ({Describe(configured)}): {e.Message.ReplaceLineEndings(" ")}";
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(configured) { Pooling = false };
        }
        catch (ArgumentException e)
        {
            return Problem(e);
        }

        try
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (PostgresException e) when (e.SqlState == "3D000" && target.Database is { Length: > 0 } name)
        {
            try
            {
                var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
                await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
                await connection.OpenAsync();
                await using var create = connection.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                await create.ExecuteNonQueryAsync();
                return null;
            }
            catch (Exception inner) when (inner is DbException or SocketException or IOException or TimeoutException)
            {
                return $"The PostgreSQL database set by {setting} ({Describe(configured)}) does not exist and could not be created: {inner.Message.ReplaceLineEndings(" ")}";
            }
        }
        catch (Exception e) when (e is DbException or SocketException or IOException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            return Problem(e);
        }
    }

    /// <summary>The status of a request that failed with this exception: 503 when the database is unreachable.</summary>
    public static int ErrorStatus(Exception e) => IsConnectionFailure(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

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
