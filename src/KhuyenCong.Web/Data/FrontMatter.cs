using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KhuyenCong.Web.Data;

/// <summary>A content file could not be imported; names the file and line.</summary>
public sealed class ContentImportException(string file, int line, string message, Exception? inner = null)
    : Exception($"{file}:{line}: {message}", inner)
{
    public string File { get; } = file;
    public int Line { get; } = line;
}

/// <summary>Splits a Markdown file into YAML front matter and body, and reads YAML data files.</summary>
public static class FrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static (T Meta, string Body) Parse<T>(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new ContentImportException(relativePath, 1, "the file must start with a '---' line opening the YAML front matter");
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ContentImportException(relativePath, 1, "the front matter is not closed by a '---' line");
        }

        var yaml = text[4..(end + 1)];
        var bodyStart = text.IndexOf('\n', end + 1);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];
        return (Deserialize<T>(relativePath, yaml, lineOffset: 1), body.Trim('\n'));
    }

    public static T Deserialize<T>(string relativePath, string yaml, int lineOffset = 0)
    {
        try
        {
            return Yaml.Deserialize<T>(yaml) ?? throw new ContentImportException(relativePath, 1 + lineOffset, "empty YAML");
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new ContentImportException(relativePath, (int)ex.Start.Line + lineOffset, reason, ex);
        }
    }

    /// <summary>"2022-03-15" or "2022-03-15 08:30" in Vietnam time, to UTC.</summary>
    public static DateTime? ParseLocalTime(string relativePath, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year < 1900)
        {
            throw new ContentImportException(relativePath, 1, $"'{field}' must be a date like 2022-03-15 or 2022-03-15 08:30, not '{value}'");
        }

        return DateTime.SpecifyKind(local - VietnamOffset, DateTimeKind.Utc);
    }

    /// <summary>A calendar date (no time zone shift).</summary>
    public static DateTime? ParseDate(string relativePath, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new ContentImportException(relativePath, 1, $"'{field}' must be a date like 2021-07-12, not '{value}'");
        }

        return DateTime.SpecifyKind(day, DateTimeKind.Utc);
    }
}

#pragma warning disable CA1812 // Created by YamlDotNet.
internal sealed class ArticleFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Date { get; set; }
    public string? Updated { get; set; }
    public string? Topic { get; set; }
    public List<string> Tags { get; set; } = [];
    public int? Area { get; set; }
    public string? Summary { get; set; }
    public string? Author { get; set; }
    public string? Source { get; set; }
    public bool Featured { get; set; }
    public bool Sample { get; set; }
    public string? Status { get; set; }
}

internal sealed class DocumentFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Kind { get; set; }
    public string? Number { get; set; }
    public string? Issuer { get; set; }
    public string? Issued { get; set; }
    public string? Effective { get; set; }
    public bool InForce { get; set; } = true;
    public string? Summary { get; set; }
    public string? File { get; set; }
    public bool Sample { get; set; }
    public string? Status { get; set; }
}

internal sealed class PageFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Parent { get; set; }
    public int Order { get; set; }
    public string? Summary { get; set; }
    public string? Lang { get; set; }
    public bool Sample { get; set; }
    public string? Status { get; set; }
}

internal sealed class TopicFile
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
}

internal sealed class PlaceFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Level { get; set; }
    public string? Parent { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? Successor { get; set; }
}
#pragma warning restore CA1812
