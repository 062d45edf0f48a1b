using KhuyenCong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KhuyenCong.Web.Tests.Data;

public sealed class SiteDatabaseTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=kc")]
    [InlineData("Host=127.0.0.1;Database=kc;Auto Prepare Min Usages=3")]
    public void A_connection_string_without_its_own_choice_gets_prepared_statements(string given)
    {
        var used = new NpgsqlConnectionStringBuilder(SiteDatabase.WithPreparedStatements(given));
        Assert.Equal(SiteDatabase.DefaultMaxAutoPrepare, used.MaxAutoPrepare);
        Assert.True(used.NoResetOnClose);
        Assert.Equal("127.0.0.1", used.Host);
        Assert.Equal("kc", used.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=kc;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Database=kc;MaxAutoPrepare=7", 7)]
    [InlineData("host=127.0.0.1;database=kc;max auto prepare=12", 12)]
    public void The_operators_own_setting_wins(string given, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(SiteDatabase.WithPreparedStatements(given)).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=kc;No Reset On Close=false")]
    [InlineData("host=127.0.0.1;database=kc;noresetonclose=False")]
    public void The_operators_own_reset_choice_wins(string given)
    {
        Assert.False(new NpgsqlConnectionStringBuilder(SiteDatabase.WithPreparedStatements(given)).NoResetOnClose);
    }

    [Fact]
    public void The_connection_string_is_worked_out_once_not_for_every_context()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = SiteDatabase.Postgres,
            [SiteDatabase.ConnectionStringSetting] = "Host=first.invalid;Database=kc",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSiteDatabase().BuildServiceProvider();

        string Used()
        {
            using var scope = services.CreateScope();
            return new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()).Host!;
        }

        Assert.Equal("first.invalid", Used());
        configuration[SiteDatabase.ConnectionStringSetting] = "Host=second.invalid;Database=kc";
        Assert.Equal("first.invalid", Used());
    }
}
