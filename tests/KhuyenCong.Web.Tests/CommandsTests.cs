using KhuyenCong.Web.Services;
using Microsoft.Data.Sqlite;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The executable's verbs, run through the real entry point with their own data folder, on SQLite (they read the
/// SQLite file and its backup copy; PostgresCommandsTests covers the verbs on PostgreSQL).
/// </summary>
[Trait("Provider", TestDatabase.SqliteOnly)]
public sealed class CommandsTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "kc-cmd-" + Guid.NewGuid().ToString("N"));

    private int Run(params string[] args) =>
        (int)typeof(Program).Assembly.EntryPoint!.Invoke(null, [args.Append($"--Data:Path={dataPath}").ToArray()])!;

    private long Scalar(string sql, string? file = null)
    {
        using var connection = new SqliteConnection($"Data Source={file ?? Path.Combine(dataPath, "khuyencong.db")};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Migrate_then_import_then_backup_produce_a_complete_database_and_a_sound_copy()
    {
        Assert.Equal(0, Run("migrate"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM Articles"));

        Assert.Equal(0, Run("import", "--from", AppPaths.Content));
        var articles = Scalar("SELECT count(*) FROM Articles");
        Assert.Equal(Directory.GetFiles(Path.Combine(AppPaths.Content, "articles"), "*.md").Length, articles);

        Assert.Equal(0, Run("import"));
        Assert.Equal(articles, Scalar("SELECT count(*) FROM Articles"));

        var backup = Path.Combine(dataPath, "copy.db");
        Assert.Equal(0, Run("backup", "--to", backup));
        Assert.Equal(articles, Scalar("SELECT count(*) FROM Articles", backup));
        Assert.Equal(1, Run("backup", "--to", backup));
    }

    [Fact]
    public void Create_admin_makes_one_administrator_who_must_change_the_password()
    {
        Assert.Equal(2, Run("create-admin"));
        Assert.Equal(2, Run("create-admin", "--email", "not-an-email"));
        Assert.Equal(0, Run("create-admin", "--email", "quantri@khuyencong.test"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM AspNetUsers WHERE Email = 'quantri@khuyencong.test' AND MustChangePassword = 1 AND PasswordHash IS NOT NULL"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId JOIN AspNetUsers u ON u.Id = ur.UserId WHERE r.Name = 'Admin' AND u.Email = 'quantri@khuyencong.test'"));
        Assert.Equal(1, Run("create-admin", "--email", "quantri@khuyencong.test"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM AspNetUsers WHERE Email <> 'quantri@khuyencong.test'"));
    }

    [Fact]
    public void Import_of_a_missing_folder_fails_with_a_non_zero_exit_code() =>
        Assert.Equal(1, Run("import", "--from", Path.Combine(dataPath, "nowhere")));

    [Fact]
    public void Unknown_verb_exits_with_2() =>
        Assert.Equal(2, Run("frobnicate"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
