using Npgsql;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The provider the integration tests run on: SQLite (default) or, with KC_TEST_PROVIDER=Postgres, a fresh database
/// per site on the KC_TEST_POSTGRES server (tests/run.sh runs the suite a second time that way). Tests that are
/// about SQLite itself carry <c>[Trait("Provider", "SqliteOnly")]</c> and are filtered out of that pass.
/// </summary>
public static class TestDatabase
{
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>Tests that choose the provider themselves (a PostgreSQL database of their own): first pass only.</summary>
    public const string OwnDatabase = "OwnDatabase";

    public static bool OnPostgres { get; } = string.Equals(Environment.GetEnvironmentVariable("KC_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The admin connection string of the test server.</summary>
    public static string Server => ExternalServices.Postgres
        ?? throw new InvalidOperationException("KC_TEST_PROVIDER=Postgres needs KC_TEST_POSTGRES (bash tests/run.sh starts a server).");

    public static string NameFor(string dataPath) => "kc_t_" + Path.GetFileName(dataPath.TrimEnd('/')).ToLowerInvariant().Replace('-', '_');

    public static string ConnectionString(string database, string? server = null) =>
        new NpgsqlConnectionStringBuilder(server ?? Server) { Database = database }.ConnectionString;

    public static async Task DropAsync(string database, string? server = null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server ?? Server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await cmd.ExecuteNonQueryAsync();
    }
}
