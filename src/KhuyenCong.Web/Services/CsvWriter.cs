using System.Globalization;
using System.Text;

namespace KhuyenCong.Web.Services;

/// <summary>
/// The site's one CSV writer (RFC 4180: comma, CRLF, quotes doubled; UTF-8 with a BOM so Excel reads Vietnamese),
/// with its one rule against spreadsheet formula injection: a text cell that starts with = + - @, a tab or a carriage
/// return gets a leading apostrophe, unless it is a plain whole number or the lone dash the decision prints.
/// </summary>
public static class CsvWriter
{
    /// <summary>The header and the rows as CSV bytes.</summary>
    public static byte[] Bytes(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) => Utf8(Text(header, rows));

    /// <summary>The header and the rows as CSV text (no BOM).</summary>
    public static string Text(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(h => Field(h))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>CSV text as UTF-8 with the byte-order mark.</summary>
    public static byte[] Utf8(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>One field: numbers and dates in the invariant culture, text guarded and quoted when needed.</summary>
    public static string Field(object? value)
    {
        var s = value switch
        {
            null => "",
            string text => Guard(text),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Guard(value.ToString() ?? ""),
        };
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private static string Guard(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && s != "-"
        && !long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "'" + s
            : s;
}
