using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KhuyenCong.Web.Services;

/// <summary>The Markdown given was refused (too large, too deeply nested). The message is for the editor.</summary>
public sealed class MarkdownRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Markdown → safe HTML: one Markdig pipeline with raw HTML off and extensions picked one by one, unsafe link
/// and image schemes dropped from the parsed tree, then a tight HtmlSanitizer allowlist as a second wall.
/// </summary>
public sealed class MarkdownRenderer
{
    public const int MaxInputChars = 200_000;

    private static readonly string[] AllowedTags =
    [
        "p", "h2", "h3", "h4", "h5", "h6", "a", "img", "ul", "ol", "li", "em", "strong", "code", "pre",
        "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "del",
    ];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        var document = Parse(markdown);
        return sanitizer.Sanitize(document.ToHtml(pipeline));
    }

    /// <summary>Plain text of the Markdown (for search and summaries), with unsafe links dropped too.</summary>
    public string ToPlainText(string? markdown)
    {
        var text = Markdown.ToPlainText(markdown ?? "", pipeline);
        return string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
    }

    private MarkdownDocument Parse(string? markdown)
    {
        markdown ??= "";
        if (markdown.Length > MaxInputChars)
        {
            throw new MarkdownRejectedException(
                $"Nội dung quá dài: tối đa {MaxInputChars:N0} ký tự, bài này có {markdown.Length:N0} ký tự.");
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            throw new MarkdownRejectedException("Nội dung lồng nhau quá sâu (danh sách hoặc trích dẫn lồng quá nhiều cấp).", ex);
        }

        DropUnsafeLinks(document);
        return document;
    }

    private static void DropUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.ReplaceBy(new LiteralInline(link.IsImage ? LabelOf(link) : LabelOf(link)), copyChildren: false);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }
    }

    private static string LabelOf(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    /// <summary>http, https, mailto and relative URLs only. Control characters and entities cannot hide a scheme.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        cleaned = System.Net.WebUtility.HtmlDecode(cleaned);
        cleaned = Uri.UnescapeDataString(cleaned.Replace("+", "%2B", StringComparison.Ordinal));
        cleaned = new string(cleaned.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());

        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        // A colon after the first '/', '?' or '#' belongs to a relative path, not a scheme.
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true;
        }

        var scheme = cleaned[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions();
        foreach (var tag in AllowedTags)
        {
            options.AllowedTags.Add(tag);
        }

        foreach (var attribute in (string[])["href", "src", "alt", "title"])
        {
            options.AllowedAttributes.Add(attribute);
        }

        foreach (var scheme in (string[])["http", "https", "mailto"])
        {
            options.AllowedSchemes.Add(scheme);
        }

        options.UriAttributes.Add("href");
        options.UriAttributes.Add("src");
        return new HtmlSanitizer(options);
    }
}
