using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services.Content;

public partial class MarkdownRendererTests
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "link", "meta",
        "base", "form", "input", "button", "textarea", "select", "noscript", "template",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite",
    };

    private static readonly HashSet<string> SafeSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    private static readonly char[] ControlsAndSpace = Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray();

    private readonly MarkdownRenderer renderer = new();

    [Theory]
    [MemberData(nameof(XssCorpus.Payloads), MemberType = typeof(XssCorpus))]
    public void Xss_payload_renders_inert(string name, string markdown)
    {
        var html = renderer.ToHtml(markdown);

        AssertInert(name, html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<p><img src=x onerror=alert(1)></p>")]
    [InlineData("<p ONCLICK=alert(1)>x</p>")]
    [InlineData("<p style=\"color:red\">x</p>")]
    [InlineData("<svg></svg>")]
    [InlineData("<form><input></form>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"  JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#x6A;ava&#x09;script&colon;alert(1)\">x</a>")]
    [InlineData("<a href=\"&#1;javascript:alert(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml,x\">")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    public void Inertness_check_catches_unsafe_html(string html)
    {
        // The corpus theory is only as good as this check: prove it fails on what it must catch.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertInert("known bad", html));
    }

    [Fact]
    public void Inertness_check_passes_safe_html()
    {
        AssertInert("known good", "<p><a href=\" https://example.com\" title=\"t\">x</a> <a href=\"/tin-tuc/x\">y</a> <a href=\"MAILTO:a@example.com\">z</a> <img src=\"/a.png\" alt=\"a\"></p>");
    }

    [Fact]
    public void Xss_corpus_has_at_least_40_distinct_payloads()
    {
        var payloads = XssCorpus.Payloads.ToList();

        Assert.True(payloads.Count >= 40, $"{payloads.Count} payloads");
        Assert.Equal(payloads.Count, payloads.Select(p => (string)p[0]).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(payloads.Count, payloads.Select(p => (string)p[1]).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("script-tag", "<script>alert(1)</script>")]
    [InlineData("iframe", "<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("svg", "<svg onload=alert(1)>")]
    public void Raw_html_is_shown_as_text(string name, string markdown)
    {
        var document = Parse(renderer.ToHtml(markdown));

        Assert.Equal(markdown, document.Body!.TextContent.Trim());
        AssertInert(name, document.Body.InnerHtml);
    }

    [Theory]
    [InlineData("`<script>alert(1)</script>`")]
    [InlineData("```html\n<script>alert(1)</script>\n```")]
    [InlineData("    <script>alert(1)</script>")]
    public void Code_containing_script_renders_as_escaped_text(string markdown)
    {
        var document = Parse(renderer.ToHtml(markdown));

        var code = Assert.Single(document.QuerySelectorAll("code"));
        Assert.Equal("<script>alert(1)</script>", code.TextContent.Trim());
        Assert.Empty(document.QuerySelectorAll("script"));
    }

    [Theory]
    [InlineData("[bấm vào đây](javascript:alert(1))")]
    [InlineData("[bấm vào đây][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[bấm vào đây](&#x6A;avascript:alert(1))")]
    public void Unsafe_link_is_dropped_but_its_label_kept(string markdown)
    {
        var document = Parse(renderer.ToHtml(markdown));

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Contains("bấm vào đây", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", document.Body.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unsafe_image_is_dropped_but_its_alt_text_kept()
    {
        var document = Parse(renderer.ToHtml("![Biểu đồ kinh phí](javascript:alert(1))"));

        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Contains("Biểu đồ kinh phí", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[trang](https://example.com/a?b=1#c)", "https://example.com/a?b=1#c")]
    [InlineData("[trang](http://example.com/)", "http://example.com/")]
    [InlineData("[thư](mailto:khuyencong@example.gov.vn)", "mailto:khuyencong@example.gov.vn")]
    [InlineData("[tin](/tin-tuc/x)", "/tin-tuc/x")]
    [InlineData("[tin](tin-tuc/x)", "tin-tuc/x")]
    [InlineData("[mục](#muc-tieu)", "#muc-tieu")]
    [InlineData("[tin][r]\n\n[r]: /tin-tuc/x", "/tin-tuc/x")]
    [InlineData("<https://example.com/x>", "https://example.com/x")]
    [InlineData("<khuyencong@example.gov.vn>", "mailto:khuyencong@example.gov.vn")]
    [InlineData("Xem https://example.com/x nhé", "https://example.com/x")]
    public void Safe_links_survive(string markdown, string expectedHref)
    {
        var document = Parse(renderer.ToHtml(markdown));

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal(expectedHref, link.GetAttribute("href"));
    }

    [Fact]
    public void Safe_link_keeps_its_title()
    {
        var document = Parse(renderer.ToHtml("[tin](/tin-tuc/x \"Tin mới\")"));

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("Tin mới", link.GetAttribute("title"));
    }

    [Theory]
    [InlineData("![Hội chợ](/media/hoi-cho.jpg)", "/media/hoi-cho.jpg")]
    [InlineData("![Hội chợ](/media/a1b2c3d4e5f6a7b8-960.jpg \"Gian hàng\")", "/media/a1b2c3d4e5f6a7b8-960.jpg")]
    public void Site_images_survive_with_alt_text(string markdown, string expectedSrc)
    {
        var document = Parse(renderer.ToHtml(markdown));

        var image = Assert.Single(document.QuerySelectorAll("img"));
        Assert.Equal(expectedSrc, image.GetAttribute("src"));
        Assert.Equal("Hội chợ", image.GetAttribute("alt"));
    }

    [Theory]
    [InlineData("![Hội chợ](https://example.com/hoi-cho.jpg)")]
    [InlineData("![Hội chợ](//example.com/hoi-cho.jpg)")]
    [InlineData("![Hội chợ](http://example.com/hoi-cho.jpg)")]
    public void Images_from_other_sites_keep_only_their_description(string markdown)
    {
        var document = Parse(renderer.ToHtml(markdown));

        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Contains("Hội chợ", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipe_table_renders_a_table()
    {
        const string markdown = "| Tỉnh | Kinh phí |\n|---|---|\n| Đồng Tháp | 1.200 |\n| Cần Thơ | 900 |";

        var document = Parse(renderer.ToHtml(markdown));

        Assert.NotNull(document.QuerySelector("table"));
        Assert.Equal(["Tỉnh", "Kinh phí"], document.QuerySelectorAll("th").Select(e => e.TextContent.Trim()));
        Assert.Equal(
            ["Đồng Tháp", "1.200", "Cần Thơ", "900"],
            document.QuerySelectorAll("td").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public void Aligned_table_cells_carry_no_style_attribute()
    {
        // Markdig writes style="text-align: …" for aligned columns; the CSP forbids inline styles.
        var document = Parse(renderer.ToHtml("| Tỉnh | Kinh phí |\n|:--|--:|\n| Đồng Tháp | 1.200 |"));

        Assert.NotNull(document.QuerySelector("table"));
        Assert.Empty(document.QuerySelectorAll("[style]").Select(e => e.OuterHtml));
    }

    [Fact]
    public void Headings_render()
    {
        var document = Parse(renderer.ToHtml("## Mục tiêu\n\nVăn bản.\n\n### Nội dung"));

        Assert.Equal("Mục tiêu", document.QuerySelector("h2")?.TextContent);
        Assert.Equal("Nội dung", document.QuerySelector("h3")?.TextContent);
        Assert.Equal("Văn bản.", document.QuerySelector("p")?.TextContent);
    }

    [Fact]
    public void Top_level_heading_text_is_not_lost()
    {
        var document = Parse(renderer.ToHtml("# Tiêu đề chính\n\nĐoạn văn."));

        Assert.Contains("Tiêu đề chính", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_lists_quotes_and_strikethrough_render()
    {
        var document = Parse(renderer.ToHtml("**đậm** *nghiêng* ~~gạch~~\n\n- một\n- hai\n\n1. a\n\n> trích dẫn"));

        Assert.Equal("đậm", document.QuerySelector("strong")?.TextContent);
        Assert.Equal("nghiêng", document.QuerySelector("em")?.TextContent);
        Assert.Equal("gạch", document.QuerySelector("del")?.TextContent);
        Assert.Equal(2, document.QuerySelectorAll("ul > li").Length);
        Assert.Single(document.QuerySelectorAll("ol > li"));
        Assert.Equal("trích dẫn", document.QuerySelector("blockquote")?.TextContent.Trim());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_input_renders_empty(string? markdown)
    {
        Assert.Equal("", renderer.ToHtml(markdown).Trim());
    }

    [Fact]
    public void Input_of_exactly_max_length_renders()
    {
        var markdown = new string('a', MarkdownRenderer.MaxInputChars);

        var html = renderer.ToHtml(markdown);

        Assert.Contains(markdown, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_over_max_length_is_rejected()
    {
        var markdown = new string('a', MarkdownRenderer.MaxInputChars + 1);

        var ex = Assert.Throws<MarkdownRejectedException>(() => renderer.ToHtml(markdown));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    // Each of these was run first in a separate process: Markdig's depth limit throws, it does not overflow the stack.
    public static TheoryData<string, string> DeeplyNested => new()
    {
        { "100000 '>'", new string('>', 100_000) + " x" },
        { "100000 '['", new string('[', 100_000) + "x" },
        { "10000 list levels", string.Concat(Enumerable.Repeat("- ", 10_000)) + "x" },
        { "1000 nested images", string.Concat(Enumerable.Repeat("![a ", 1_000)) + "x" + string.Concat(Enumerable.Repeat("](/u)", 1_000)) },
        { "300 '*' each side", new string('*', 300) + "x" + new string('*', 300) },
        { "50000 '*' each side", new string('*', 50_000) + "x" + new string('*', 50_000) },
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Deeply_nested_input_is_rejected_with_a_message(string name, string markdown)
    {
        var ex = Record.Exception(() => renderer.ToHtml(markdown));

        Assert.True(ex is MarkdownRejectedException, $"{name}: expected MarkdownRejectedException, got {ex?.GetType().Name ?? "no exception"}: {ex?.Message}");
    }

    [Fact]
    public void Many_nested_link_brackets_render_safely()
    {
        // Links cannot contain links, so this is not deep nesting: Markdig renders it (no exception) as text
        // around one innermost link.
        var markdown = string.Concat(Enumerable.Repeat("[a ", 1_000)) + "x" + string.Concat(Enumerable.Repeat("](/u)", 1_000));

        var html = renderer.ToHtml(markdown);

        AssertInert("nested links", html);
        Assert.Single(Parse(html).QuerySelectorAll("a"));
    }

    [Fact]
    public void ToPlainText_rejects_deeply_nested_input_with_a_message()
    {
        var ex = Record.Exception(() => renderer.ToPlainText(new string('>', 100_000) + " x"));

        Assert.True(ex is MarkdownRejectedException, $"expected MarkdownRejectedException, got {ex?.GetType().Name ?? "no exception"}: {ex?.Message}");
    }

    [Fact]
    public void ToPlainText_rejects_input_over_max_length()
    {
        var markdown = new string('a', MarkdownRenderer.MaxInputChars + 1);

        Assert.Throws<MarkdownRejectedException>(() => renderer.ToPlainText(markdown));
    }

    [Fact]
    public void Moderate_nesting_renders()
    {
        var document = Parse(renderer.ToHtml(new string('>', 20) + " trích dẫn"));

        Assert.Equal(20, document.QuerySelectorAll("blockquote").Length);
    }

    [Fact]
    public void ToPlainText_strips_markup()
    {
        const string markdown = "## Tiêu đề\n\n**Đậm** và *nghiêng*, [liên kết](https://example.com) và `mã`.\n\n- một\n- hai\n\n> trích";

        var text = renderer.ToPlainText(markdown);

        Assert.Equal("Tiêu đề Đậm và nghiêng, liên kết và mã. một hai trích", text);
    }

    [Fact]
    public void ToPlainText_keeps_angle_brackets_as_text_and_drops_urls()
    {
        var text = renderer.ToPlainText("a < b & [c](https://example.com/secret-path)");

        Assert.Equal("a < b & c", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/tin-tuc/x")]
    [InlineData("tin-tuc/x")]
    [InlineData("#muc")]
    [InlineData("?q=a:b")]
    [InlineData("/a:b")]
    [InlineData("http://example.com")]
    [InlineData("HTTPS://example.com")]
    [InlineData("mailto:a@example.com")]
    public void IsSafeUrl_accepts_web_mail_and_relative_urls(string? url)
    {
        Assert.True(MarkdownRenderer.IsSafeUrl(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("&#x6A;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("%6Aavascript:alert(1)")]
    [InlineData("javascript%3Aalert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("file:///etc/passwd")]
    public void IsSafeUrl_rejects_other_schemes_however_hidden(string url)
    {
        Assert.False(MarkdownRenderer.IsSafeUrl(url));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static void AssertInert(string name, string html)
    {
        var problems = new List<string>();
        foreach (var element in Parse(html).All)
        {
            if (ForbiddenElements.Contains(element.LocalName))
            {
                problems.Add($"<{element.LocalName}> element");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"event handler {attribute.Name}");
                }

                if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"style attribute on <{element.LocalName}>");
                }

                if (UrlAttributes.Contains(attribute.Name) && !IsRelativeOrSafeScheme(attribute.Value))
                {
                    problems.Add($"{attribute.Name}=\"{attribute.Value}\"");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)} in {html}");
    }

    /// <summary>Reads a URL the way a browser does: tabs and newlines removed, leading controls and spaces trimmed.</summary>
    private static bool IsRelativeOrSafeScheme(string value)
    {
        var url = new string(value.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).TrimStart(ControlsAndSpace);
        var scheme = SchemePattern().Match(url);
        return !scheme.Success || SafeSchemes.Contains(scheme.Groups[1].Value);
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex SchemePattern();
}
