using System.Text;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.Pages.Fairs;
using KhuyenCong.Web.Tests.Pages.TvSegments;

namespace KhuyenCong.Web.Tests.Services.Content;

public sealed class ShowcaseServicesTests
{
    [Theory]
    [InlineData("12:30", 750)]
    [InlineData("0:45", 45)]
    [InlineData("1:02:03", 3723)]
    public void Durations_parse_from_minutes_and_seconds_or_hours(string text, int seconds)
    {
        Assert.True(Transcript.TryParseDuration(text, out var parsed));
        Assert.Equal(seconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12:60")]
    [InlineData("0:00")]
    [InlineData("1:75:00")]
    [InlineData("abc")]
    public void Bad_durations_are_refused(string text) => Assert.False(Transcript.TryParseDuration(text, out _));

    [Theory]
    [InlineData(750, "PT12M30S")]
    [InlineData(3723, "PT1H2M3S")]
    [InlineData(3600, "PT1H")]
    [InlineData(45, "PT45S")]
    [InlineData(120, "PT2M")]
    public void Iso_durations_follow_iso_8601(int seconds, string iso) => Assert.Equal(iso, Transcript.IsoDuration(seconds));

    [Fact]
    public void Cues_run_to_the_next_cue_and_the_last_to_the_end_and_out_of_order_times_join_the_previous_cue()
    {
        var cues = Transcript.Cues("Lời dẫn trước mốc đầu.\n[00:10] Một.\n[00:05] Lùi giờ.\n[1:00:00] Hai --> ba.", 3605);
        Assert.Equal(2, cues.Count);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), "Một. Lùi giờ."), (cues[0].Start, cues[0].End, cues[0].Text));
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromSeconds(3605)), (cues[1].Start, cues[1].End));
        var vtt = WebVttParser.Parse(Transcript.WebVtt(cues));
        Assert.Equal("Hai --&gt; ba.", vtt[1].Text);
    }

    [Fact]
    public void Calendar_lines_are_folded_at_75_octets_without_splitting_a_vietnamese_letter()
    {
        var title = string.Concat(Enumerable.Repeat("Hội chợ hàng công nghiệp nông thôn; ", 6));
        var ics = ICalendar.Build("Lịch", [new ICalendar.CalendarEvent("u1@test", title, "a,b;c\\d\ne", null,
            ShowcaseData.Day(2024, 1, 1), ShowcaseData.Day(2024, 1, 1), null, ShowcaseData.Day(2024, 1, 1))], ShowcaseData.Day(2024, 1, 1));
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75);
            Assert.DoesNotContain('\uFFFD', line);
        }

        var e = Assert.Single(ICalendarParser.Parse(ics).Children);
        Assert.Equal(title, e.Text("SUMMARY"));
        Assert.Equal("a,b;c\\d\ne", e.Text("DESCRIPTION"));
        Assert.Equal("20240102", e.Get("DTEND").Value);
    }

    [Fact]
    public void A_district_of_2021_shows_the_province_it_now_belongs_to()
    {
        var vinhLong = new Place { Id = 1, Code = "vinh-long", Name = "tỉnh Vĩnh Long", ValidFrom = ShowcaseData.Day(2025, 7, 1) };
        var benTre = new Place { Id = 2, Code = "ben-tre", Name = "tỉnh Bến Tre", ValidTo = ShowcaseData.Day(2025, 6, 30), SuccessorId = 1 };
        var giongTrom = new Place { Id = 3, Code = "huyen-giong-trom", Name = "huyện Giồng Trôm", ValidTo = ShowcaseData.Day(2025, 6, 30), ParentId = 2, SuccessorId = 1 };
        var places = new PlaceHistory([vinhLong, benTre, giongTrom]);

        Assert.Equal(new PlaceHistory.Display("huyện Giồng Trôm, tỉnh Bến Tre", null), places.Show(giongTrom, ShowcaseData.Day(2025, 6, 30)));
        Assert.Equal(new PlaceHistory.Display("huyện Giồng Trôm, tỉnh Bến Tre", "nay thuộc tỉnh Vĩnh Long"), places.Show(giongTrom, ShowcaseData.Day(2025, 7, 1)));
        Assert.Equal("huyện Giồng Trôm, tỉnh Bến Tre — nay thuộc tỉnh Vĩnh Long", places.Describe(giongTrom, ShowcaseData.Day(2025, 7, 1)));
        giongTrom.SuccessorId = null; // still found through the old province
        Assert.Equal("nay thuộc tỉnh Vĩnh Long", places.Show(giongTrom, ShowcaseData.Day(2026, 1, 1)).NowPartOf);
        Assert.Null(places.Show(vinhLong, ShowcaseData.Day(2026, 1, 1)).NowPartOf);
        Assert.Equal("tỉnh Vĩnh Long", places.Describe(vinhLong, ShowcaseData.Day(2026, 1, 1)));
    }
}
