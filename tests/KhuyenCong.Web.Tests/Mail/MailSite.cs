using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Tests.Pages.Registration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Mail;

/// <summary>
/// The registration site (manual clock, generous limits) sending mail to an SMTP server: the run's shared one
/// (KC_TEST_SMTP) unless a port is given. Its staff mailbox is an address of its own, so tests sharing the server
/// see only their messages.
/// </summary>
public class MailSite : RegistrationSite
{
    private readonly int? port;

    public MailSite()
        : this(null, null)
    {
    }

    protected MailSite(int? port, DateTimeOffset? start = null)
    {
        this.port = port;
        if (start is { } s)
        {
            ManualClock.Advance(s - ManualClock.GetUtcNow());
        }
    }

    /// <summary>
    /// Submits a valid registration with this contact address through the form (a minute after its start, so the
    /// minimum fill time passes) and returns its reference. The browser is a fresh one unless given.
    /// </summary>
    public async Task<string> RegisterAsync(string email, HttpClient? client = null)
    {
        var answers = RegistrationClient.ValidAnswers();
        answers["lien-he"] = [.. answers["lien-he"].Where(f => f.Key != "Form.Email"), new("Form.Email", email)];
        client ??= NewBrowser();
        await RegistrationClient.StartAsync(client);
        await RegistrationClient.AnswerAsync(client, answers: answers);
        ManualClock.Advance(TimeSpan.FromMinutes(1));
        using var submit = await RegistrationClient.SubmitAsync(client);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, submit.StatusCode);
        return await WithDbAsync((db, _) => db.Registrations.Where(r => r.Email == email).Select(r => r.Reference).SingleAsync());
    }

    public string StaffAddress { get; } = $"can-bo-{Guid.NewGuid():N}@khuyencong.test";

    /// <summary>Subscription posts per client IP and window (many tests share one client address).</summary>
    protected virtual int SubscribeLimit => 100_000;

    /// <summary>Seconds between the background sender's passes (tests that drive it by hand make it rare).</summary>
    protected virtual int PollSeconds => 1;


    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var shared = (ExternalServices.Smtp ?? "127.0.0.1:1").Split(':');
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? shared[1],
            ["Mail:UseTls"] = "false",
            ["Mail:From"] = "Khuyến công Bến Tre <khuyencong@khuyencong.test>",
            ["Mail:StaffAddress"] = StaffAddress,
            ["Mail:PollSeconds"] = PollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:MinimumFillSeconds"] = "5",
            ["Mail:SubscribesPerWindow"] = SubscribeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    public MailSender Sender => Services.GetRequiredService<MailSender>();

    public MailDigest Digest => Services.GetRequiredService<MailDigest>();
}

/// <summary>A mail site whose background sender passes only once an hour: the test runs the passes itself.</summary>
public class ManualSendSite(int port) : MailSite(port)
{
    protected override int PollSeconds => 3600;
}

/// <summary>Mail on, towards a port where nothing listens, passes by hand: for what happens before sending.</summary>
public class OfflineMailSite() : ManualSendSite(ChildProcess.FreePort());

/// <summary>The same with 3 subscription posts per client IP and window.</summary>
public sealed class LimitedMailSite : OfflineMailSite
{
    protected override int SubscribeLimit => 3;
}
