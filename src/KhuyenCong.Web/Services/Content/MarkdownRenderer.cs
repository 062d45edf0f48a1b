using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KhuyenCong.Web.Services.Content;

/// <summary>The Markdown given was refused (too large, too deeply nested). The message is for the editor.</summary>
public sealed class MarkdownRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One Markdown text rendered: its source, the sanitised HTML and the plain text (for search).</summary>
public sealed record RenderedMarkdown(string Source, string Html, string PlainText);

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

    // Both are made on first use: a node that only serves published pages (their HTML was made when they were saved)
    // never loads Markdig, the sanitizer or its CSS parser (about 10 MB of code and tables).
    private readonly Lazy<MarkdownPipeline> pipeline = new(() => new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build());

    private readonly Lazy<HtmlSanitizer> sanitizer = new(CreateSanitizer);

    public string ToHtml(string? markdown) =>
        sanitizer.Value.Sanitize(Write(Parse(markdown), plainText: false));

    /// <summary>Plain text of the Markdown (for search and summaries), under the same limits.</summary>
    public string ToPlainText(string? markdown) => Words(Write(Parse(markdown), plainText: true));

    /// <summary>The HTML and the plain text of one parse (a save needs both; parsing is the costly step).</summary>
    public RenderedMarkdown Render(string? markdown)
    {
        var document = Parse(markdown);
        return new RenderedMarkdown(markdown ?? "", sanitizer.Value.Sanitize(Write(document, plainText: false)), Words(Write(document, plainText: true)));
    }

    private static string Words(string text) =>
        string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Renders under the same guard as the parse: Markdig's depth limit can fire in either step.</summary>
    private string Write(MarkdownDocument document, bool plainText)
    {
        try
        {
            using var writer = new StringWriter();
            var renderer = new Markdig.Renderers.HtmlRenderer(writer);
            if (plainText)
            {
                renderer.EnableHtmlForBlock = false;
                renderer.EnableHtmlForInline = false;
                renderer.EnableHtmlEscape = false;
            }

            pipeline.Value.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            throw new MarkdownRejectedException("Nội dung lồng nhau quá sâu (danh sách, liên kết hoặc trích dẫn lồng quá nhiều cấp).", ex);
        }
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
            document = Markdown.Parse(markdown, pipeline.Value);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            throw new MarkdownRejectedException("Nội dung lồng nhau quá sâu (danh sách hoặc trích dẫn lồng quá nhiều cấp).", ex);
        }

        DropUnsafeLinks(document);

        // The page title is the only h1: headings in a body start at h2.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Max(2, heading.Level);
        }

        return document;
    }

    private static void DropUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            // Images must come from the site itself (the CSP allows no other origin, and no external assets is a
            // rule of the design): an image from elsewhere keeps only its description.
            if (!IsSafeUrl(link.Url) || (link.IsImage && !IsSiteRelative(link.Url)))
            {
                link.ReplaceBy(new LiteralInline(LabelOf(link)), copyChildren: false);
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

    private static bool IsSiteRelative(string? url) =>
        !string.IsNullOrWhiteSpace(url) && url.TrimStart().StartsWith('/') && !url.TrimStart().StartsWith("//", StringComparison.Ordinal)
        && !url.Contains(':', StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);

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
            return !cleaned.Contains('&', StringComparison.Ordinal) || !cleaned.Contains(';', StringComparison.Ordinal);
        }

        // An entity left before the scheme's colon (HTML5 names such as &colon; that WebUtility does not know)
        // could hide a scheme from us but not from a browser: refuse it.
        if (cleaned[..colon].Contains('&', StringComparison.Ordinal))
        {
            return false;
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

    /// <summary>
    /// Every list set explicitly: HtmlSanitizerOptions starts with broad defaults (forms, style, 240 CSS
    /// properties) that must not leak in. Text of a dropped element is kept.
    /// </summary>
    private static HtmlSanitizer CreateSanitizer()
    {
        var ignoreCase = StringComparer.OrdinalIgnoreCase;
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, ignoreCase),
            AllowedAttributes = new HashSet<string>(["href", "src", "alt", "title"], ignoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], ignoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], ignoreCase),
            AllowedCssProperties = new HashSet<string>(ignoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        return new HtmlSanitizer(options) { KeepChildNodes = true };
    }
}
