using System.Globalization;

namespace KhuyenCong.Web.Services;

/// <summary>Shows stored UTC times in Asia/Ho_Chi_Minh with Vietnamese formats.</summary>
public static class VietnamTime
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC instant of a wall-clock time in Vietnam (the kind of <paramref name="local"/> is ignored).</summary>
    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant at which a Vietnam calendar day begins.</summary>
    public static DateTime DayStartUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant at which a Vietnam calendar day begins (the time of <paramref name="day"/> is ignored).</summary>
    public static DateTime DayStartUtc(DateTime day) => ToUtc(day.Date);

    /// <summary>"15/03/2022".</summary>
    public static string Date(DateTime? utc) => utc is null ? "" : ToLocal(utc.Value).ToString("dd/MM/yyyy", Vi);

    /// <summary>"15/03/2022 08:30".</summary>
    public static string DateAndTime(DateTime? utc) => utc is null ? "" : ToLocal(utc.Value).ToString("dd/MM/yyyy HH:mm", Vi);

    /// <summary>A calendar date stored without zone ("12/07/2021").</summary>
    public static string Day(DateTime? day) => day is null ? "" : day.Value.ToString("dd/MM/yyyy", Vi);

    /// <summary>ISO 8601 with the +07:00 offset, for machine-readable markup.</summary>
    public static string Iso(DateTime utc) =>
        new DateTimeOffset(ToLocal(utc), Zone.GetUtcOffset(utc)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
