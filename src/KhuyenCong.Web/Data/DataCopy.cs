using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace KhuyenCong.Web.Data;

/// <summary>
/// <c>copy-data --to-postgres "CONNECTION STRING"</c>: copies every table of the EF model from the SQLite database
/// into an empty PostgreSQL database (created if missing, migrated first), in one transaction on the target; rebuilds
/// the full-text index there, moves identity sequences past the copied ids, and ends with a row count and a checksum
/// per table, read back from both sides. Password hashes, security stamps and the Data Protection key ring travel as
/// they are, so accounts and sign-in cookies keep working.
/// </summary>
public static partial class DataCopy
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    public static async Task<bool> RunAsync(AppDbContext source, string targetConnectionString, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        if (source.IsPostgres())
        {
            throw new InvalidOperationException("copy-data reads the SQLite database: run it with Database:Provider=Sqlite (the default).");
        }

        if (await SiteDatabase.OpenOrCreateAsync(targetConnectionString, "--to-postgres") is { } problem)
        {
            throw new DatabaseUnavailableException(problem);
        }

        await using var target = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(targetConnectionString, o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName)).Options);
        await target.Database.MigrateAsync(ct);
        await output.WriteLineAsync($"copy-data: target {SiteDatabase.Describe(targetConnectionString)} migrated");

        var tables = Ordered(source.Model.GetRelationalModel().Tables.Where(t => t.Schema is null).ToList());
        var seeded = source.GetService<IDesignTimeModel>().Model.GetEntityTypes().Where(e => e.GetSeedData().Any()).Select(e => e.GetTableName()).ToHashSet(StringComparer.Ordinal);
        await source.Database.OpenConnectionAsync(ct);
        var reader = source.Database.GetDbConnection();
        await using var pg = new NpgsqlConnection(targetConnectionString);
        await pg.OpenAsync(ct);
        await using var tx = await pg.BeginTransactionAsync(ct);

        // Refuse a target that holds anything beyond what the migrations seed.
        foreach (var table in tables.Where(t => !seeded.Contains(t.Name)))
        {
            if (await ScalarAsync(pg, tx, $"SELECT EXISTS (SELECT 1 FROM {Quote(table.Name)})") is true)
            {
                throw new InvalidOperationException(
                    $"The target database is not empty (table {table.Name} has rows); copy-data only fills an empty database. Drop and recreate it, then run copy-data again.");
            }
        }

        var report = new List<(string Table, int Rows, string SourceSum, long TargetRows, string TargetSum)>();
        var targetModel = target.Model.GetRelationalModel();
        foreach (var table in tables)
        {
            var columns = table.Columns.ToList();
            var targetTable = targetModel.FindTable(table.Name, null) ?? throw new InvalidOperationException($"Table {table.Name} is missing from the PostgreSQL model.");
            var json = columns.Select(c => targetTable.FindColumn(c.Name)?.StoreType is "jsonb" or "json").ToArray();
            var rows = await ReadSqliteAsync(reader, table, columns, json, ct);
            rows = OrderSelfReferences(table, columns, rows);
            if (seeded.Contains(table.Name))
            {
                await ExecAsync(pg, tx, $"DELETE FROM {Quote(table.Name)}");
            }

            await InsertAsync(pg, tx, table, columns, json, rows, ct);
            await ResetIdentityAsync(pg, tx, table, ct);
            var back = await ReadPostgresAsync(pg, tx, table, columns, json, ct);
            report.Add((table.Name, rows.Count, Checksum(rows), back.Count, Checksum(back)));
            await output.WriteLineAsync($"copy-data: {table.Name}: {rows.Count} row(s)");
        }

        var width = report.Max(r => r.Table.Length);
        await output.WriteLineAsync($"{"table".PadRight(width)}  {"source",8}  {"target",8}  {"checksum (source)",-17}  {"checksum (target)",-17}");
        foreach (var r in report)
        {
            await output.WriteLineAsync($"{r.Table.PadRight(width)}  {r.Rows,8}  {r.TargetRows,8}  {r.SourceSum,-17}  {r.TargetSum,-17}{(r.Rows == r.TargetRows && r.SourceSum == r.TargetSum ? "" : "  MISMATCH")}");
        }

        var mismatched = report.Where(r => r.Rows != r.TargetRows || r.SourceSum != r.TargetSum).Select(r => r.Table).ToList();
        if (mismatched.Count > 0)
        {
            await tx.RollbackAsync(ct);
            await output.WriteLineAsync($"copy-data: the copy differs from the source in {string.Join(", ", mismatched)}; nothing was committed.");
            return false;
        }

        await tx.CommitAsync(ct);
        await output.WriteLineAsync($"copy-data: {report.Count} tables, {report.Sum(r => r.Rows)} rows copied; every count and checksum matches.");

        // The planner's statistics: an automatic analyze that ran during the copy saw empty tables and would not run
        // again soon, so the first pages would be planned for empty tables (a sorted scan of every product). VACUUM
        // also marks the pages all-visible, so the covering indexes answer without reading the rows.
        await using (var analyze = new NpgsqlCommand("VACUUM (ANALYZE)", pg) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }

        await output.WriteLineAsync("copy-data: planner statistics updated (VACUUM ANALYZE).");
        return true;
    }

    /// <summary>Principal tables before their dependents (self-references are ordered row by row).</summary>
    private static List<ITable> Ordered(List<ITable> tables)
    {
        var done = new List<ITable>();
        var pending = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || done.Contains(fk.PrincipalTable) || !tables.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException("The tables' foreign keys form a cycle; copy-data cannot order them.");
            done.Add(ready);
            pending.Remove(ready);
        }

        return done;
    }

    private static async Task<List<object?[]>> ReadSqliteAsync(DbConnection connection, ITable table, List<IColumn> columns, bool[] json, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
        var rows = new List<object?[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var getters = columns.Select((c, i) => GetFieldValue.MakeGenericMethod(json[i] ? typeof(string) : Nullable.GetUnderlyingType(c.ProviderClrType) ?? c.ProviderClrType)).ToArray();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, ct) ? null : ToTarget(getters[i].Invoke(reader, [i]));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task<List<object?[]>> ReadPostgresAsync(NpgsqlConnection pg, NpgsqlTransaction tx, ITable table, List<IColumn> columns, bool[] json, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {string.Join(", ", columns.Select((c, i) => Quote(c.Name) + (json[i] ? "::text" : "")))} FROM {Quote(table.Name)}", pg, tx);
        var rows = new List<object?[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, ct) ? null : ToTarget(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Values as PostgreSQL takes them: UTC DateTimes (Npgsql keeps microseconds), UTC offsets.</summary>
    private static object? ToTarget(object? value) => value switch
    {
        DateTime d => new DateTime(d.Ticks - (d.Ticks % 10), DateTimeKind.Utc),
        DateTimeOffset o => new DateTimeOffset(o.UtcTicks - (o.UtcTicks % 10), TimeSpan.Zero),
        _ => value,
    };

    /// <summary>Rows of a table that references itself (pages, places) with each parent before its children.</summary>
    private static List<object?[]> OrderSelfReferences(ITable table, List<IColumn> columns, List<object?[]> rows)
    {
        var selfKeys = table.ForeignKeyConstraints.Where(fk => fk.PrincipalTable == table && fk.Columns.Count == 1).ToList();
        if (selfKeys.Count == 0 || table.PrimaryKey is not { Columns.Count: 1 } pk)
        {
            return rows;
        }

        var keyIndex = columns.IndexOf(pk.Columns[0]);
        var refIndexes = selfKeys.Select(fk => columns.IndexOf(fk.Columns[0])).ToList();
        var placed = new HashSet<object>();
        var ordered = new List<object?[]>(rows.Count);
        var left = rows;
        while (left.Count > 0)
        {
            var ready = left.Where(r => refIndexes.All(i => r[i] is null || placed.Contains(r[i]!) || Equals(r[i], r[keyIndex]))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"Rows of {table.Name} reference each other in a cycle; copy-data cannot order them.");
            }

            foreach (var r in ready)
            {
                placed.Add(r[keyIndex]!);
            }

            ordered.AddRange(ready);
            left = left.Except(ready).ToList();
        }

        return ordered;
    }

    private static async Task InsertAsync(NpgsqlConnection pg, NpgsqlTransaction tx, ITable table, List<IColumn> columns, bool[] json, List<object?[]> rows, CancellationToken ct)
    {
        var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        foreach (var chunk in rows.Chunk(200))
        {
            await using var batch = new NpgsqlBatch(pg, tx);
            foreach (var row in chunk)
            {
                var command = new NpgsqlBatchCommand(sql);
                for (var i = 0; i < columns.Count; i++)
                {
                    var p = new NpgsqlParameter { Value = row[i] ?? DBNull.Value };
                    // A null goes untyped: PostgreSQL takes the column's type.
                    if (json[i])
                    {
                        p.NpgsqlDbType = NpgsqlDbType.Jsonb;
                    }

                    command.Parameters.Add(p);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Identity columns continue after the copied ids.</summary>
    private static async Task ResetIdentityAsync(NpgsqlConnection pg, NpgsqlTransaction tx, ITable table, CancellationToken ct)
    {
        foreach (var column in table.Columns.Where(c => c.ProviderClrType == typeof(int) || c.ProviderClrType == typeof(long)))
        {
            var sequence = await ScalarAsync(pg, tx, $"SELECT pg_get_serial_sequence('{Quote(table.Name).Replace("'", "''", StringComparison.Ordinal)}', '{column.Name.Replace("'", "''", StringComparison.Ordinal)}')");
            if (sequence is string name)
            {
                await ExecAsync(pg, tx, $"SELECT setval('{name.Replace("'", "''", StringComparison.Ordinal)}', COALESCE((SELECT max({Quote(column.Name)}) FROM {Quote(table.Name)}), 0) + 1, false)");
            }
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<object?> ScalarAsync(NpgsqlConnection pg, NpgsqlTransaction tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, pg, tx);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    private static async Task ExecAsync(NpgsqlConnection pg, NpgsqlTransaction tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, pg, tx);
        await cmd.ExecuteNonQueryAsync();
    }
}
