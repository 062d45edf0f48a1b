namespace KhuyenCong.Web.Tests;

/// <summary>Servers from outside .NET that some tests need.</summary>
[Flags]
public enum Service
{
    /// <summary>A PostgreSQL server where the tests may create databases: KC_TEST_POSTGRES (a connection string).</summary>
    Postgres = 1,
    /// <summary>A Redis server: KC_TEST_REDIS (host:port).</summary>
    Redis = 2,
    /// <summary>nginx on PATH (Debian's package), started by the test itself on a free port.</summary>
    Nginx = 4,
    /// <summary>
    /// An SMTP server writing what it accepts into a Maildir: KC_TEST_SMTP (host:port) and KC_TEST_SMTP_MAILDIR
    /// (tests/services.sh runs Debian's aiosmtpd), and aiosmtpd itself, for the tests that start their own.
    /// </summary>
    Smtp = 8,
}

/// <summary>
/// Finds the outside servers. <c>tests/run.sh</c> starts throwaway ones (<c>tests/services.sh</c>) and sets
/// KC_SERVICES_REQUIRED=1, so there a missing server fails its tests; under plain <c>dotnet test</c> the tests that
/// need one are skipped, each printing the reason.
/// </summary>
public static class ExternalServices
{
    public static bool Required => Environment.GetEnvironmentVariable("KC_SERVICES_REQUIRED") == "1";

    /// <summary>The admin connection string of the test PostgreSQL server (each test creates its own database).</summary>
    public static string? Postgres => Value("KC_TEST_POSTGRES");

    /// <summary>host:port of the test Redis server.</summary>
    public static string? Redis => Value("KC_TEST_REDIS");

    /// <summary>The folder of PostgreSQL's server programs (pg_ctl, initdb), for tests that start their own server.</summary>
    public static string? PostgresBin => Value("KC_TEST_PG_BIN");

    public static string? Nginx { get; } = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>host:port of the test SMTP server.</summary>
    public static string? Smtp => Value("KC_TEST_SMTP");

    /// <summary>The Maildir where the test SMTP server writes each message it accepts.</summary>
    public static string? SmtpMaildir => Value("KC_TEST_SMTP_MAILDIR");

    /// <summary>Debian's aiosmtpd package (python3-aiosmtpd), for tests that run an SMTP server of their own.</summary>
    public static bool HasAiosmtpd { get; } = Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd");

    public static IReadOnlyList<string> Missing(Service needs)
    {
        var missing = new List<string>();
        if (needs.HasFlag(Service.Postgres) && Postgres is null)
        {
            missing.Add("no PostgreSQL server (KC_TEST_POSTGRES is unset; bash tests/run.sh starts one)");
        }

        if (needs.HasFlag(Service.Redis) && Redis is null)
        {
            missing.Add("no Redis server (KC_TEST_REDIS is unset; bash tests/run.sh starts one)");
        }

        if (needs.HasFlag(Service.Nginx) && Nginx is null)
        {
            missing.Add("no nginx (apt-get install nginx; bash tests/run.sh installs it)");
        }

        if (needs.HasFlag(Service.Smtp) && (Smtp is null || SmtpMaildir is null))
        {
            missing.Add("no SMTP server (KC_TEST_SMTP and KC_TEST_SMTP_MAILDIR are unset; bash tests/run.sh starts one)");
        }

        if (needs.HasFlag(Service.Smtp) && !HasAiosmtpd)
        {
            missing.Add("no aiosmtpd (apt-get install python3-aiosmtpd; bash tests/run.sh installs it)");
        }

        return missing;
    }

    /// <summary>The skip reason under plain dotnet test, or null when the test runs (or must fail, when required).</summary>
    public static string? SkipReason(Service needs)
    {
        var missing = Missing(needs);
        return missing.Count == 0 || Required ? null : "Skipped: " + string.Join("; ", missing) + ".";
    }

    /// <summary>Fails with a clear message when a server is missing (reached only with KC_SERVICES_REQUIRED=1).</summary>
    public static void Require(Service needs)
    {
        var missing = Missing(needs);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Test servers missing: " + string.Join("; ", missing) + ".");
        }
    }

    private static string? Value(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}

/// <summary>A fact that is skipped, with the reason, when the servers it needs are missing and not required.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ServicesFactAttribute : FactAttribute
{
    public ServicesFactAttribute(Service needs)
    {
        Needs = needs;
        Skip = ExternalServices.SkipReason(needs);
    }

    public Service Needs { get; }
}

/// <summary>A theory that is skipped, with the reason, when the servers it needs are missing and not required.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ServicesTheoryAttribute : TheoryAttribute
{
    public ServicesTheoryAttribute(Service needs)
    {
        Needs = needs;
        Skip = ExternalServices.SkipReason(needs);
    }

    public Service Needs { get; }
}
