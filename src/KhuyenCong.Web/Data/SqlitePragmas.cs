using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KhuyenCong.Web.Data;

/// <summary>
/// Per-connection SQLite settings: synchronous=FULL (an acknowledged write survives power loss) and a busy
/// timeout. journal_mode=WAL is persistent in the file and set once at start.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string PerConnection = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = PerConnection;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = PerConnection;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string ConnectionString(string databaseFile) => new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        ForeignKeys = true,
        Pooling = true,
        Mode = SqliteOpenMode.ReadWriteCreate,
    }.ToString();

    /// <summary>Turns WAL on and proves the durability settings hold; the app refuses to start otherwise.</summary>
    public static async Task AssertDurableAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var journal = await ScalarAsync(connection, "PRAGMA journal_mode=WAL;", ct);
            var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;", ct);
            var foreignKeys = await ScalarAsync(connection, "PRAGMA foreign_keys;", ct);
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase) || synchronous != "2" || foreignKeys != "1")
            {
                throw new InvalidOperationException(
                    $"SQLite durability settings not in force: journal_mode={journal}, synchronous={synchronous}, foreign_keys={foreignKeys} (expected wal, 2, 1).");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
