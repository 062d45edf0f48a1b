using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web;

/// <summary>The command verbs of the executable: migrate, import [--from DIR], create-admin, backup, copy-data.</summary>
public static class Commands
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await PrepareDatabaseAsync(app.Services, importWhenEmpty: false, Console.Out);
                    return 0;
                case "create-admin":
                    await PrepareDatabaseAsync(app.Services, importWhenEmpty: false, Console.Out);
                    return await CreateAdminAsync(app.Services, OptionValue(args, "--email"), args.Contains("--password-stdin"), Console.In, Console.Out);
                case "backup":
                    await BackupAsync(app.Services, OptionValue(args, "--to"), Console.Out);
                    return 0;
                case "copy-data":
                    var to = OptionValue(args, "--to-postgres");
                    if (string.IsNullOrWhiteSpace(to))
                    {
                        await Console.Error.WriteLineAsync("copy-data needs --to-postgres \"CONNECTION STRING\" of an empty PostgreSQL database.");
                        return 2;
                    }

                    await PrepareDatabaseAsync(app.Services, importWhenEmpty: false, Console.Out);
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        return await DataCopy.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), to, Console.Out) ? 0 : 1;
                    }

                case "import":
                    var from = OptionValue(args, "--from") ?? AppPaths.Content;
                    await using (var progress = new ProgressWriter(Console.WriteLine))
                    {
                        await PrepareDatabaseAsync(app.Services, importWhenEmpty: false, progress);
                        await ImportAsync(app.Services, from, progress);
                    }

                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: migrate, import [--from DIR], create-admin --email E [--password-stdin], backup [--to FILE], copy-data --to-postgres CONNECTION; no command serves the site.");
                    return 2;
            }
        }
        catch (ContentImportException ex)
        {
            await Console.Error.WriteLineAsync($"Import failed, nothing was changed: {ex.Message}");
            return 1;
        }
        catch (DatabaseUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or DbUpdateException or ArgumentException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Applies the provider's migrations (creating a missing PostgreSQL database when the account may), asserts
    /// SQLite durability settings, and imports content/ into an empty database.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, bool importWhenEmpty, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        List<string> pending;
        try
        {
            pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.Database.MigrateAsync();
        }
        catch (Exception e) when (db.IsPostgres() && (SiteDatabase.IsConnectionFailure(e) || e is ArgumentException))
        {
            var where = SiteDatabase.Describe(db.Database.GetConnectionString() ?? "");
            throw new DatabaseUnavailableException(
                $"Cannot open the PostgreSQL database set by {SiteDatabase.ConnectionStringSetting} ({where}): {e.Message.ReplaceLineEndings(" ")}", e);
        }

        await output.WriteLineAsync(pending.Count == 0 ? "migrate: database is up to date" : $"migrate: applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        if (!db.IsPostgres())
        {
            await SqlitePragmas.AssertDurableAsync(db);
        }

        var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        var existingRoles = await roles.Roles.Select(x => x.Name).ToListAsync();
        foreach (var role in Models.Roles.All.Where(r => !existingRoles.Contains(r)))
        {
            await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(role));
        }

        if (importWhenEmpty && !await db.Articles.AnyAsync() && !await db.Pages.AnyAsync() && Directory.Exists(AppPaths.Content))
        {
            await output.WriteLineAsync($"import: empty database, importing {AppPaths.Content}");
            await ImportAsync(services, AppPaths.Content, output);
        }
    }

    private static async Task ImportAsync(IServiceProvider services, string from, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ContentImporter>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await importer.ImportAsync(from, output);
        await output.WriteLineAsync($"import: done in {started.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// An online, consistent copy of the SQLite database (SQLite's backup API; safe while the site runs), then
    /// integrity_check on the copy. Default target: data/backups/khuyencong-yyyyMMdd-HHmmss.db.
    /// </summary>
    private static async Task BackupAsync(IServiceProvider services, string? target, TextWriter output)
    {
        var data = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.DataOptions>>().Value;
        var stamp = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (SiteDatabase.IsPostgres(services))
        {
            await PostgresBackup.RunAsync(
                SiteDatabase.PostgresConnectionString(services.GetRequiredService<IConfiguration>()),
                target ?? Path.Combine(data.Path, "backups", $"khuyencong-{stamp:yyyyMMdd-HHmmss}.dump"), output);
            return;
        }

        target ??= Path.Combine(data.Path, "backups", $"khuyencong-{stamp:yyyyMMdd-HHmmss}.db");
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose another file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection(Data.SqlitePragmas.ConnectionString(data.DatabaseFile)))
        await using (var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target};Pooling=False"))
        {
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
            await using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await check.ExecuteScalarAsync();
            if (result != "ok")
            {
                throw new InvalidOperationException($"backup copy failed integrity_check: {result}");
            }
        }

        await output.WriteLineAsync($"backup: {target} ({new FileInfo(target).Length / 1024:N0} KB), integrity_check ok");
    }

    /// <summary>
    /// Creates an administrator. The password is generated and printed once (or read from standard input);
    /// either way the user must change it at the first sign-in.
    /// </summary>
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string? email, bool passwordFromStdin, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            await Console.Error.WriteLineAsync("create-admin needs --email with a valid e-mail address.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Models.AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        foreach (var role in Models.Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(role));
            }
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"An account for {email} already exists.");
            return 1;
        }

        var password = passwordFromStdin ? (await input.ReadLineAsync())?.Trim() ?? "" : PasswordGenerator.Generate();
        var user = new Models.AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0],
            MustChangePassword = true, CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync("create-admin failed: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, Models.Roles.Admin);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync("user-create", "User", user.Id, $"{email} (Admin) bằng lệnh create-admin", actor: "create-admin");
        await output.WriteLineAsync($"create-admin: administrator {email} created.");
        if (!passwordFromStdin)
        {
            await output.WriteLineAsync($"One-time password (shown once, must be changed at first sign-in): {password}");
        }

        return 0;
    }

    private static string? OptionValue(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
