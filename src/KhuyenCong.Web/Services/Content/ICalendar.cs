using System.Globalization;
using System.Text;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// Writes iCalendar (RFC 5545) for fairs: all-day events (VALUE=DATE, the end date exclusive), CRLF line ends,
/// lines folded at 75 octets without splitting a UTF-8 character, and TEXT values escaped.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <param name="FirstDay">Vietnam calendar day the event starts.</param>
    /// <param name="LastDay">Vietnam calendar day the event ends (inclusive).</param>
    public sealed record CalendarEvent(
        string Uid, string Summary, string? Description, string? Location, DateTime FirstDay, DateTime LastDay,
        string? Url, DateTime LastModifiedUtc);

    public static string Build(string calendarName, IEnumerable<CalendarEvent> events, DateTime stampUtc)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//KhuyenCong.Web//Hoi cho//VI");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        Line(sb, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Uid);
            Line(sb, "DTSTAMP:" + UtcStamp(stampUtc));
            Line(sb, "LAST-MODIFIED:" + UtcStamp(e.LastModifiedUtc));
            Line(sb, "DTSTART;VALUE=DATE:" + Day(e.FirstDay));
            Line(sb, "DTEND;VALUE=DATE:" + Day(e.LastDay.Date.AddDays(1)));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                Line(sb, "LOCATION:" + Escape(e.Location));
            }

            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                Line(sb, "DESCRIPTION:" + Escape(e.Description));
            }

            if (!string.IsNullOrWhiteSpace(e.Url))
            {
                Line(sb, "URL:" + e.Url);
            }

            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>TEXT value escaping: backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line folded at 75 octets (continuations start with one space) and CRLF.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var limit = 75;
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(line, i, length);
            octets += size;
            i += length;
        }

        sb.Append("\r\n");
    }

    private static string UtcStamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateTime day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
