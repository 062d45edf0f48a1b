using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KhuyenCong.Web.Data;

/// <summary>The per-table checksum read back from both sides: row order, number formats and JSON key order do not count.</summary>
public static partial class DataCopy
{
    /// <summary>SHA-256 over the rows in a canonical text form, independent of row order and JSON formatting.</summary>
    private static string Checksum(List<object?[]> rows)
    {
        var lines = rows.Select(r => string.Join('\u001f', r.Select(Canonical))).Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', lines)));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static string Canonical(object? value) => value switch
    {
        null => "\u2400",
        DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset o => o.UtcTicks.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        decimal m => (m / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        string s when s.Length > 0 && s[0] is '[' or '{' && TryCanonicalJson(s) is { } json => json,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string? TryCanonicalJson(string text)
    {
        try
        {
            return Sorted(JsonNode.Parse(text))?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
