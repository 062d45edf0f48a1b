using System.Diagnostics;
using Npgsql;

namespace KhuyenCong.Web.Data;

/// <summary>
/// <c>backup</c> on PostgreSQL: <c>pg_dump --format=custom</c> (a consistent snapshot, safe while the site runs),
/// then <c>pg_restore --list</c> reads the archive back. Restore with <c>pg_restore --clean --if-exists -d ...</c>.
/// </summary>
public static class PostgresBackup
{
    public static async Task RunAsync(string connectionString, string target, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose another file.");
        }

        var pgDump = FindTool("pg_dump") ?? throw new InvalidOperationException(
            "pg_dump was not found (install PostgreSQL's client programs, e.g. apt-get install postgresql-client, or put pg_dump on PATH).");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var (code, error) = await RunToolAsync(pgDump, b, ["--format=custom", "--no-owner", "--file", target, "--dbname", b.Database ?? b.Username ?? "postgres"]);
        if (code != 0)
        {
            File.Delete(target);
            throw new InvalidOperationException($"pg_dump failed (exit {code}): {error.ReplaceLineEndings(" ").Trim()}");
        }

        if (FindTool("pg_restore") is { } pgRestore)
        {
            var (listed, listError) = await RunToolAsync(pgRestore, null, ["--list", target]);
            if (listed != 0)
            {
                throw new InvalidOperationException($"the backup {target} cannot be read back by pg_restore: {listError.ReplaceLineEndings(" ").Trim()}");
            }
        }

        await output.WriteLineAsync($"backup: {target} ({new FileInfo(target).Length / 1024:N0} KB, pg_dump custom format; restore with pg_restore)");
    }

    /// <summary>The program on PATH, else the newest one of Debian's server packages.</summary>
    public static string? FindTool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists)
            : null;
    }

    private static async Task<(int Code, string Error)> RunToolAsync(string program, NpgsqlConnectionStringBuilder? connection, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (connection is not null)
        {
            start.ArgumentList.Add("--host");
            start.ArgumentList.Add(connection.Host ?? "localhost");
            start.ArgumentList.Add("--port");
            start.ArgumentList.Add(connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (connection.Username is { } user)
            {
                start.ArgumentList.Add("--username");
                start.ArgumentList.Add(user);
            }

            // The password travels in the environment, never on the command line.
            if (connection.Password is { } password)
            {
                start.Environment["PGPASSWORD"] = password;
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        return (process.ExitCode, await stderr);
    }
}
