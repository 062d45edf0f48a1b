using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.Pages.TvSegments;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Fairs;

public sealed class FairsClockFactory : SiteFactory
{
    // 10:00 in Vietnam on 1 August 2024.
    public FairsClockFactory() => Clock = new ManualClock(new DateTimeOffset(2024, 8, 1, 3, 0, 0, TimeSpan.Zero));
}

public sealed class FairsTests(FairsClockFactory site) : IClassFixture<FairsClockFactory>
{
    private static DateTime Day(int y, int m, int d) => ShowcaseData.Day(y, m, d);

    [Theory]
    [InlineData("2024-08-10 16:59", FairPhase.RegistrationOpen)] // 23:59 in Vietnam on the deadline
    [InlineData("2024-08-10 17:00", FairPhase.Upcoming)]          // 00:00 on the next day
    [InlineData("2024-08-19 16:59", FairPhase.Upcoming)]
    [InlineData("2024-08-19 17:00", FairPhase.Ongoing)]           // first day, Vietnam time
    [InlineData("2024-08-25 16:59", FairPhase.Ongoing)]           // last day
    [InlineData("2024-08-25 17:00", FairPhase.Past)]
    public void The_status_follows_the_dates_in_vietnam_time(string utc, FairPhase expected)
    {
        var now = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(expected, FairSchedule.PhaseOf(Day(2024, 8, 20), Day(2024, 8, 25), Day(2024, 8, 10), now));
    }

    [Fact]
    public async Task The_list_puts_current_fairs_first_then_the_past_by_year_and_moves_with_the_clock()
    {
        var clock = site.Clock!;
        var upcoming = await site.FairAsync(Day(2024, 8, 20), Day(2024, 8, 25), Day(2024, 8, 10), "Hội chợ tháng Tám");
        var later = await site.FairAsync(Day(2024, 11, 5), Day(2024, 11, 9), null, "Hội chợ tháng Mười một");
        var lastYear = await site.FairAsync(Day(2023, 12, 1), Day(2023, 12, 5), null, "Hội chợ năm trước");
        var client = site.Browser();

        var doc = await client.GetHtmlAsync("/hoi-cho");
        var current = doc.QuerySelector("section[aria-labelledby=upcoming-heading]")!;
        var titles = current.QuerySelectorAll(".card-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.True(titles.IndexOf(upcoming.Title) < titles.IndexOf(later.Title));
        Assert.Contains("Đang nhận đăng ký", Card(current, upcoming.Title), StringComparison.Ordinal);
        Assert.Contains("Sắp diễn ra", Card(current, later.Title), StringComparison.Ordinal);
        var past = doc.QuerySelector("section[aria-labelledby=past-heading]")!;
        Assert.Contains("Năm 2023", past.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã kết thúc", Card(past, lastYear.Title), StringComparison.Ordinal);

        // The home page shows the next fair.
        var home = await client.GetHtmlAsync("/");
        Assert.Contains("20/08/2024", home.QuerySelector(".next-fair")!.TextContent, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(20)); // 21 August 2024: the first fair is on
        await Evict();
        doc = await client.GetHtmlAsync("/hoi-cho");
        Assert.Contains("Đang diễn ra", Card(doc.QuerySelector("section[aria-labelledby=upcoming-heading]")!, upcoming.Title), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(10)); // 31 August: it is over
        await Evict();
        doc = await client.GetHtmlAsync("/hoi-cho");
        Assert.Contains("Đã kết thúc", Card(doc.QuerySelector("section[aria-labelledby=past-heading]")!, upcoming.Title), StringComparison.Ordinal);
        Assert.Contains("Năm 2024", doc.QuerySelector("section[aria-labelledby=past-heading]")!.TextContent, StringComparison.Ordinal);
        home = await client.GetHtmlAsync("/");
        Assert.Contains(later.Title, home.QuerySelector(".next-fair")!.TextContent, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(-30));
        await Evict();
    }

    [Fact]
    public async Task A_fair_page_shows_every_field_participants_with_their_products_and_event_data()
    {
        var producer = await site.EstablishmentAsync("Hợp tác xã Kẹo dừa Hội chợ");
        var other = await site.EstablishmentAsync("Cơ sở Chiếu Cói Thử");
        var product = await site.ProductAsync(producer, "Kẹo dừa sầu riêng");
        var fair = await site.FairAsync(Day(2024, 8, 20), Day(2024, 8, 25), Day(2024, 8, 10), "Hội chợ có người tham gia",
            (producer, "Gian A12", true), (other, null, false));

        var doc = await site.Browser().GetHtmlAsync("/hoi-cho/" + fair.Slug);
        var text = doc.MainText();
        foreach (var expected in new[] { "20/08/2024", "25/08/2024", "Nhà Văn hóa tỉnh", "số 1, đường Đồng Khởi", "Bến Tre", "Cấp khu vực",
                     "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh Bến Tre", "10/08/2024", "Kinh phí khuyến công địa phương", "Đang nhận đăng ký",
                     "Gian A12", "phiếu đăng ký", "10.000", "Thông báo hội chợ." })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.NotNull(doc.QuerySelector($"a[href='/co-so/{producer.Slug}']"));
        Assert.NotNull(doc.QuerySelector($"a[href='/co-so/{other.Slug}']"));
        Assert.Equal("Kẹo dừa sầu riêng", doc.QuerySelector($"a[href='/san-pham/{product.Slug}']")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"a[href='/hoi-cho/{fair.Slug}.ics']"));

        var data = TvSegmentsTests.JsonLd(doc, "Event");
        Assert.Equal(fair.Title, data.GetProperty("name").GetString());
        Assert.Equal("2024-08-20T00:00:00+07:00", data.GetProperty("startDate").GetString());
        Assert.Equal("2024-08-25T23:59:59+07:00", data.GetProperty("endDate").GetString());
        Assert.Equal("https://schema.org/EventScheduled", data.GetProperty("eventStatus").GetString());
        Assert.Equal("Nhà Văn hóa tỉnh", data.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal("Place", data.GetProperty("location").GetProperty("@type").GetString());
    }

    [Fact]
    public async Task A_fair_calendar_file_is_valid_icalendar_that_round_trips()
    {
        var fair = await site.FairAsync(Day(2024, 8, 20), Day(2024, 8, 25), null,
            "Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực Đồng bằng sông Cửu Long, lần thứ nhất; năm 2024");
        using var response = await site.Browser().GetAsync(new Uri($"/hoi-cho/{fair.Slug}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);

        var calendar = ICalendarParser.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", calendar.Get("VERSION").Value);
        Assert.False(string.IsNullOrEmpty(calendar.Get("PRODID").Value));
        var e = Assert.Single(calendar.Children);
        Assert.Equal("VEVENT", e.Name);
        Assert.Equal($"hoi-cho-{fair.Id}@khuyencong.test", e.Get("UID").Value);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", e.Get("DTSTAMP").Value);
        Assert.Equal(("VALUE=DATE", "20240820"), (e.Get("DTSTART").Parameters, e.Get("DTSTART").Value));
        Assert.Equal(("VALUE=DATE", "20240826"), (e.Get("DTEND").Parameters, e.Get("DTEND").Value)); // exclusive end
        Assert.Equal(fair.Title, e.Text("SUMMARY"));
        Assert.Equal("Nhà Văn hóa tỉnh, số 1, đường Đồng Khởi, thành phố Bến Tre", e.Text("LOCATION"));
        var description = e.Text("DESCRIPTION");
        Assert.StartsWith("Hội chợ giới thiệu sản phẩm; có dấu phẩy, chấm phẩy; và \\ gạch chéo.\nĐơn vị tổ chức:", description, StringComparison.Ordinal);
        Assert.Equal($"https://khuyencong.test/hoi-cho/{fair.Slug}", e.Get("URL").Value);
    }

    [Fact]
    public async Task The_calendar_feed_lists_every_published_fair()
    {
        var a = await site.FairAsync(Day(2025, 3, 1), Day(2025, 3, 3), null, "Hội chợ A");
        var draft = await site.FairAsync(Day(2025, 4, 1), Day(2025, 4, 3), null, "Hội chợ nháp");
        await site.WithDbAsync(async (db, sp) =>
        {
            var f = await db.Fairs.FindAsync(draft.Id);
            f!.Status = ContentStatus.Draft;
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(f, "test", "save");
            return 0;
        });

        using var response = await site.Browser().GetAsync(new Uri("/hoi-cho/lich.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = ICalendarParser.Parse(await response.Content.ReadAsStringAsync());
        var uids = calendar.Children.Select(c => c.Get("UID").Value).ToList();
        Assert.Contains($"hoi-cho-{a.Id}@khuyencong.test", uids);
        Assert.DoesNotContain($"hoi-cho-{draft.Id}@khuyencong.test", uids);
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.All(calendar.Children, c => Assert.Equal("VALUE=DATE", c.Get("DTSTART").Parameters));

        using var missing = await site.Browser().GetAsync(new Uri("/hoi-cho/khong-co.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string Card(AngleSharp.Dom.IElement section, string title) =>
        section.QuerySelectorAll("li.card").First(c => c.QuerySelector(".card-title")!.TextContent.Trim() == title).TextContent;

    private Task<int> Evict() => site.WithDbAsync(async (_, sp) =>
    {
        await sp.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
        return 0;
    });
}
