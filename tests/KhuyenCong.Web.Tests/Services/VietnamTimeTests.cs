using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services;

/// <summary>Vietnam time both ways: UTC+7 all year, so a Vietnam day starts at 17:00 UTC the day before.</summary>
public class VietnamTimeTests
{
    [Theory]
    [InlineData("2025-01-01T00:00:00", "2024-12-31T17:00:00")]
    [InlineData("2025-06-15T08:30:00", "2025-06-15T01:30:00")]
    [InlineData("2025-12-31T23:59:59", "2025-12-31T16:59:59")]
    public void Local_wall_clock_times_become_utc_and_back(string local, string utc)
    {
        var l = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        var u = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var converted = VietnamTime.ToUtc(l);
        Assert.Equal(u, converted);
        Assert.Equal(DateTimeKind.Utc, converted.Kind);
        Assert.Equal(l, VietnamTime.ToLocal(converted));
    }

    [Fact]
    public void A_day_starts_at_local_midnight_whatever_the_time_or_kind_given()
    {
        var expected = new DateTime(2024, 2, 28, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, VietnamTime.DayStartUtc(new DateOnly(2024, 2, 29)));
        Assert.Equal(expected, VietnamTime.DayStartUtc(new DateTime(2024, 2, 29, 15, 45, 0, DateTimeKind.Utc)));
        Assert.Equal(expected, VietnamTime.DayStartUtc(new DateTime(2024, 2, 29, 0, 0, 0, DateTimeKind.Local)));
    }

    [Theory]
    [InlineData("2025-03-09T16:59:59", "2025-03-09T23:59:59")]
    [InlineData("2025-03-09T17:00:00", "2025-03-10T00:00:00")]
    [InlineData("2025-12-31T17:30:00", "2026-01-01T00:30:00")]
    public void A_utc_instant_from_17_00_on_is_already_the_next_day_in_Vietnam(string utc, string local)
    {
        var u = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var expected = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        // The stored kind does not matter: a time from the database is UTC whether it says so or not.
        Assert.Equal(expected, VietnamTime.ToLocal(DateTime.SpecifyKind(u, DateTimeKind.Utc)));
        Assert.Equal(expected, VietnamTime.ToLocal(DateTime.SpecifyKind(u, DateTimeKind.Unspecified)));
        Assert.Equal(DateTime.SpecifyKind(u, DateTimeKind.Utc), VietnamTime.ToUtc(expected));
    }

    [Fact]
    public void Half_past_midnight_in_Vietnam_is_the_evening_before_in_utc()
    {
        var utc = VietnamTime.ToUtc(new DateTime(2026, 1, 1, 0, 30, 0));
        Assert.Equal(new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc), VietnamTime.DayStartUtc(new DateOnly(2026, 1, 1)));
        Assert.True(utc >= VietnamTime.DayStartUtc(new DateOnly(2026, 1, 1)) && utc < VietnamTime.DayStartUtc(new DateOnly(2026, 1, 2)));
    }

    [Fact]
    public void Dates_are_shown_in_the_vietnam_day_and_the_iso_form_carries_plus_seven()
    {
        var lateEvening = new DateTime(2025, 3, 9, 17, 30, 0, DateTimeKind.Utc);
        Assert.Equal("10/03/2025", VietnamTime.Date(lateEvening));
        Assert.Equal("10/03/2025 00:30", VietnamTime.DateAndTime(lateEvening));
        Assert.Equal("2025-03-10T00:30:00+07:00", VietnamTime.Iso(lateEvening));
        Assert.Equal("09/03/2025 16:59", VietnamTime.DateAndTime(new DateTime(2025, 3, 9, 9, 59, 0, DateTimeKind.Utc)));
        Assert.Equal("", VietnamTime.Date(null));
        Assert.Equal("", VietnamTime.DateAndTime(null));
    }

    [Fact]
    public void A_calendar_day_stored_without_zone_is_shown_as_it_is()
    {
        // Not shifted by seven hours: 12 July stays 12 July whatever the time part or kind.
        Assert.Equal("12/07/2021", VietnamTime.Day(new DateTime(2021, 7, 12)));
        Assert.Equal("12/07/2021", VietnamTime.Day(new DateTime(2021, 7, 12, 23, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("", VietnamTime.Day(null));
    }
}
