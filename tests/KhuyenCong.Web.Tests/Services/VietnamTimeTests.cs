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
}
