using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>The app with a manual clock and generous rate limits (many tests share one client address).</summary>
public class RegistrationSite : SiteFactory
{
    public RegistrationSite()
    {
        Clock = new ManualClock(new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero));
    }

    protected virtual int SubmitLimit => 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registration:SubmitsPerWindow"] = SubmitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registration:LookupsPerWindow"] = SubmitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    public ManualClock ManualClock => Clock!;
}

/// <summary>The same app with a submit and lookup limit of 3 per window.</summary>
public sealed class LimitedRegistrationSite : RegistrationSite
{
    protected override int SubmitLimit => 3;
}
