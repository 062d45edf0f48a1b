using System.Diagnostics;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Npgsql;

namespace KhuyenCong.Web.Tests.Postgres;

/// <summary>
/// The verbs on PostgreSQL through the real entry point: migrate creates the database, import, create-admin and
/// backup (pg_dump) work on it, the dump restores with pg_restore, and a database that cannot be opened stops the
/// app with one line naming the setting.
/// </summary>
[Trait("Provider", TestDatabase.OwnDatabase)]
public sealed class PostgresCommandsTests : IAsyncLifetime
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "kc-pgcmd-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> databases = [];

    private string Database(string suffix)
    {
        var name = "kc_t_cmd_" + suffix + "_" + Guid.NewGuid().ToString("N")[..8];
        databases.Add(name);
        return name;
    }

    private int Run(string database, params string[] args) =>
        (int)typeof(Program).Assembly.EntryPoint!.Invoke(null, [args.Concat([
            $"--Data:Path={dataPath}", "--Database:Provider=Postgres",
            $"--ConnectionStrings:Postgres={TestDatabase.ConnectionString(database)}"]).ToArray()])!;

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database));
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [ServicesFact(Service.Postgres)]
    public async Task Migrate_import_create_admin_and_backup_work_on_postgres_and_the_dump_restores()
    {
        var db = Database("main");
        Assert.Equal(0, Run(db, "migrate"));
        Assert.Equal(0, await ScalarAsync(db, """SELECT count(*) FROM "Articles" """));

        Assert.Equal(0, Run(db, "import", "--from", AppPaths.Content));
        var articles = await ScalarAsync(db, """SELECT count(*) FROM "Articles" """);
        Assert.Equal(Directory.GetFiles(Path.Combine(AppPaths.Content, "articles"), "*.md").Length, articles);
        Assert.True(await ScalarAsync(db, """SELECT count(*) FROM "SearchItems" WHERE NOT "Removed" """) > articles);

        Assert.Equal(0, Run(db, "create-admin", "--email", "quantri@khuyencong.test"));
        Assert.Equal(1, await ScalarAsync(db, """SELECT count(*) FROM "AspNetUsers" WHERE "Email" = 'quantri@khuyencong.test' AND "MustChangePassword" AND "PasswordHash" IS NOT NULL"""));

        var dump = Path.Combine(dataPath, "copy.dump");
        Assert.Equal(0, Run(db, "backup", "--to", dump));
        Assert.Equal(1, Run(db, "backup", "--to", dump));

        // The operator's restore: pg_restore into an empty database gives the same content and index.
        var restored = Database("restored");
        await ExecAsync($"CREATE DATABASE \"{restored}\"");
        var b = new NpgsqlConnectionStringBuilder(TestDatabase.Server);
        using var restore = Process.Start(new ProcessStartInfo(PostgresBackup.FindTool("pg_restore")!,
            ["--host", b.Host!, "--port", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", b.Username!,
             "--no-owner", "--dbname", restored, dump]) { RedirectStandardError = true })!;
        var error = await restore.StandardError.ReadToEndAsync();
        await restore.WaitForExitAsync();
        Assert.True(restore.ExitCode == 0, error);
        Assert.Equal(articles, await ScalarAsync(restored, """SELECT count(*) FROM "Articles" """));
        Assert.Equal(await ScalarAsync(db, """SELECT count(*) FROM "SearchItems" WHERE NOT "Removed" """), await ScalarAsync(restored, """SELECT count(*) FROM "SearchItems" WHERE NOT "Removed" """));
    }

    [ServicesTheory(Service.Postgres)]
    [InlineData("Host=127.0.0.1;Port=1;Username=postgres;Database=kc_nowhere", "127.0.0.1:1/kc_nowhere")]
    [InlineData("Hots=127.0.0.1", "unreadable")]
    public async Task A_database_that_cannot_be_opened_stops_the_app_with_one_line_naming_the_setting(string connectionString, string named)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "KhuyenCong.Web.dll");
        var (exitCode, output) = await ChildProcess.RunAsync(ChildProcess.DotnetHost, [app], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Data__Path"] = dataPath,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        }, timeout: TimeSpan.FromSeconds(60));
        output = output.Trim();

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ConnectionStrings:Postgres", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    private static async Task ExecAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.Server);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (ExternalServices.Postgres is not null)
        {
            foreach (var name in databases)
            {
                await TestDatabase.DropAsync(name);
            }
        }

        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
