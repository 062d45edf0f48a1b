using System.Net;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>Per-IP limits on starting, submitting and looking up (429 with a Vietnamese page).</summary>
public sealed class RegistrationLimitsTests(LimitedRegistrationSite site) : IClassFixture<LimitedRegistrationSite>
{
    [Fact]
    public async Task Starts_beyond_the_limit_get_429_with_a_vietnamese_message_and_lookups_too()
    {
        var client = site.NewBrowser();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostAsync(client, "/dang-ky-ho-tro", []);
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Bạn đã gửi quá nhiều yêu cầu", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(3, await site.WithDbAsync((db, _) => db.RegistrationDrafts.CountAsync()));

        for (var i = 0; i < 3; i++)
        {
            using var lookup = await PostAsync(client, "/dang-ky-ho-tro/tra-cuu", Fields(("ma-so", "KC-2026-000001"), ("dien-thoai", "0912345678")));
            Assert.Equal(HttpStatusCode.BadRequest, lookup.StatusCode);
        }

        using var limited = await PostAsync(client, "/dang-ky-ho-tro/tra-cuu", Fields(("ma-so", "KC-2026-000001"), ("dien-thoai", "0912345678")));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        // GETs are not limited.
        await client.GetHtmlAsync("/dang-ky-ho-tro/tra-cuu");
    }
}

/// <summary>The retention job erases personal fields after the period (manual clock), keeps statistics, audits.</summary>
public sealed class RegistrationRetentionTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    [Fact]
    public async Task Personal_fields_are_erased_after_the_retention_period_and_the_rest_is_kept()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        var key = Guid.Parse(await KeyAsync(client));
        using (var submit = await SubmitAsync(client, key.ToString()))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        var job = site.Services.GetRequiredService<RegistrationRetention>();
        site.ManualClock.Advance(TimeSpan.FromDays(729));
        Assert.Equal(0, await job.RunOnceAsync());
        Assert.NotNull(await site.WithDbAsync((db, _) => db.Registrations.Where(r => r.IdempotencyKey == key).Select(r => r.Phone).SingleAsync()));

        site.ManualClock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await job.RunOnceAsync());
        var stored = await site.WithDbAsync((db, _) => db.Registrations.Include(r => r.Events).SingleAsync(r => r.IdempotencyKey == key));
        Assert.Null(stored.Phone);
        Assert.Null(stored.ContactName);
        Assert.Null(stored.Email);
        Assert.Null(stored.TaxCode);
        Assert.Null(stored.ProjectSummary);
        Assert.Null(stored.EstablishmentName);
        Assert.NotNull(stored.PersonalDataErasedAt);
        Assert.Equal("|may-moc|hoi-cho|", stored.SupportLines);
        Assert.Equal(25, stored.Workers);
        Assert.Equal("huyen-giong-trom", stored.PlaceCode);
        Assert.Contains(stored.Events, e => e.Kind == Models.RegistrationEventKind.Erased);
        Assert.Equal(1, await site.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "registration-erase-retention" && a.EntityId == stored.Reference)));
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.RegistrationDrafts.CountAsync()));
        Assert.Equal(0, await job.RunOnceAsync());
    }
}
