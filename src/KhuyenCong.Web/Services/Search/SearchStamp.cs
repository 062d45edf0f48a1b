using System.Data.Common;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// The version of the search index (<see cref="ChangeStamp.SearchId"/>): every index write moves it and stamps its
/// row with the new value in the writer's transaction. Moving it is an UPDATE of one row, which holds that row's
/// lock until the commit, so versions commit in the order they are given out (PostgreSQL) or one writer runs at a
/// time anyway (SQLite): a node that has seen version v has seen every row stamped v or lower.
/// </summary>
public static class SearchStamp
{
    /// <summary>Moves the stamp inside the caller's transaction and returns the new version for the written row.</summary>
    public static async Task<long> NextAsync(AppDbContext db, CancellationToken ct)
    {
        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = $"""UPDATE "ChangeStamps" SET "Version" = "Version" + 1 WHERE "Id" = {ChangeStamp.SearchId} RETURNING "Version";""";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>The statement that reads the stamp (also sent ahead of a search's hits, in the same round trip).</summary>
    internal static readonly string ReadSql = $"""SELECT "Version" FROM "ChangeStamps" WHERE "Id" = {ChangeStamp.SearchId};""";

    public static async Task<long> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = ReadSql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }

    internal static async Task<DbCommand> CommandAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return cmd;
    }
}
