using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Data;

/// <summary>SQLite's own durability settings (WAL, synchronous=FULL, foreign keys) on every connection.</summary>
[Trait("Provider", TestDatabase.SqliteOnly)]
public sealed class DurabilityTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Every_connection_runs_wal_with_synchronous_full_and_foreign_keys()
    {
        _ = await site.Browser().GetStringAsync(new Uri("/healthz", UriKind.Relative));
        var pragmas = await site.WithDbAsync(async (db, _) =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            return (await Scalar(connection, "PRAGMA journal_mode;"), await Scalar(connection, "PRAGMA synchronous;"), await Scalar(connection, "PRAGMA foreign_keys;"));
        });
        Assert.Equal(("wal", "2", "1"), pragmas);
        Assert.True(File.Exists(Path.Combine(site.DataPath, "khuyencong.db")));
    }

    private static async Task<string?> Scalar(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
