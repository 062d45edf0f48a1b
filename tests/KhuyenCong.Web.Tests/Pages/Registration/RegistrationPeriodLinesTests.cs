using System.Net;
using KhuyenCong.Web.Models;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>The site a few hours before a 2031–2035 period that offers only fairs and training starts.</summary>
public sealed class NextPeriodRegistrationSite : RegistrationSite
{
    public NextPeriodRegistrationSite()
    {
        // 23:30 on 31/12/2030 in Vietnam.
        Clock = new ManualClock(new DateTimeOffset(2030, 12, 31, 16, 30, 0, TimeSpan.Zero));
    }
}

/// <summary>
/// Issue 15 item 3 (follow-up): while a programme period runs, a registration may ask only for the support lines
/// that period offers — on the support step and again on the final submit — and is told why otherwise (4xx, in
/// Vietnamese); with no period running, every kind is recorded as interest.
/// </summary>
public sealed class RegistrationPeriodLinesTests(NextPeriodRegistrationSite site) : IClassFixture<NextPeriodRegistrationSite>
{
    [Fact]
    public async Task Only_the_running_periods_support_lines_are_accepted_on_the_step_and_on_submit()
    {
        await site.WithDbAsync(async (db, _) =>
        {
            db.ProgramPeriods.Add(new ProgramPeriod
            {
                Code = "2031-2035", Title = "Chương trình khuyến công giai đoạn 2031–2035",
                StartsOn = new DateTime(2031, 1, 1), EndsOn = new DateTime(2035, 12, 31), Summary = "Giai đoạn thử.",
                SupportLinesJson = System.Text.Json.JsonSerializer.Serialize(new[] { new ProgramSupportLine("hoi-cho", "10 hội chợ", "1.000"), new ProgramSupportLine("dao-tao", "20 lớp", "500") }),
                Origin = ProgramPeriodOrigins.Admin, CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        // Begun while no period runs: machinery is accepted as interest.
        var client = site.Browser();
        await StartAsync(client);
        Assert.Equal("/dang-ky-ho-tro/kiem-tra", await AnswerAsync(client));
        var key = await KeyAsync(client);

        // After midnight (within the draft's hour) the 2031–2035 period runs and offers no machinery support: the submit is refused with the way back.
        site.ManualClock.Advance(TimeSpan.FromMinutes(45));
        using (var refused = await SubmitAsync(client, key))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await ParseAsync(refused);
            Assert.True(page.MainText().Contains("không thuộc nội dung hỗ trợ của Chương trình khuyến công giai đoạn 2031–2035", StringComparison.Ordinal), page.MainText());
            Assert.NotNull(page.QuerySelector("main a[href='/dang-ky-ho-tro/ho-tro?doi=1']"));
        }

        // The step offers only the period's lines and refuses another one posted anyway.
        var step = await client.GetHtmlAsync("/dang-ky-ho-tro/ho-tro?doi=1");
        var offered = step.QuerySelectorAll("input[name='Form.Lines']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["hoi-cho", "dao-tao", "khac"], offered);
        using (var bad = await PostAsync(client, "/dang-ky-ho-tro/ho-tro?doi=1", Fields(("Form.Lines", "may-moc"), ("Form.Lines", "hoi-cho"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("Máy móc", (await ParseAsync(bad)).QuerySelector("#Form_Lines-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var good = await PostAsync(client, "/dang-ky-ho-tro/ho-tro?doi=1", Fields(("Form.Lines", "hoi-cho"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }

        using var sent = await SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/dang-ky-ho-tro/da-gui", sent.Headers.Location?.ToString());
    }
}
