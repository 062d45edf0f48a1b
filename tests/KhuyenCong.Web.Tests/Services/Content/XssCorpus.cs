namespace KhuyenCong.Web.Tests.Services.Content;

/// <summary>
/// Markdown an editor could paste to run script in a reader's browser. Each entry is a short name (shown in the
/// test runner) and the Markdown. Used by <see cref="MarkdownRendererTests"/> through [MemberData].
/// </summary>
public static class XssCorpus
{
    private static readonly (string Name, string Markdown)[] Entries =
    [
        // Raw script, in blocks and inline.
        ("script-block", "<script>alert(1)</script>"),
        ("script-inline", "Xin chào <script>alert(1)</script> bạn"),
        ("script-upper-src", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
        ("script-setext-heading", "<script>alert(1)</script>\n==="),
        ("script-strikethrough", "~~<script>alert(1)</script>~~"),

        // Event handlers on raw HTML.
        ("img-onerror", "<img src=x onerror=alert(1)>"),
        ("img-onerror-inline", "ảnh <img src=x onerror=\"alert(1)\"> đây"),
        ("img-src-javascript", "<img src=\"javascript:alert(1)\">"),
        ("body-onload", "<body onload=alert(1)>"),
        ("div-onmouseover", "<div onmouseover=\"alert(1)\">di chuột</div>"),
        ("details-ontoggle", "<details open ontoggle=alert(1)>"),
        ("input-onfocus", "<input autofocus onfocus=alert(1)>"),
        ("unknown-tag-onclick", "<x onclick=alert(1)>bấm</x>"),
        ("a-safe-href-onclick", "<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>"),

        // Unsafe schemes in inline links and images.
        ("link-javascript", "[bấm](javascript:alert(1))"),
        ("link-javascript-title", "[bấm](javascript:alert(1) \"tiêu đề\")"),
        ("link-javascript-angle", "[bấm](<javascript:alert(1)>)"),
        ("link-javascript-slashes", "[bấm](javascript://%0aalert(1))"),
        ("link-javascript-escaped-parens", "[bấm](javascript:alert\\(1\\))"),
        ("link-data-html", "[bấm](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        ("link-data-upper", "[bấm](DATA:text/html,hi)"),
        ("link-vbscript", "[bấm](vbscript:msgbox(1))"),
        ("image-javascript", "![ảnh](javascript:alert(1))"),
        ("image-data-svg", "![ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
        ("image-in-unsafe-link", "[![ảnh](https://example.com/a.png)](javascript:alert(1))"),
        ("unsafe-image-in-unsafe-link", "[![ảnh](javascript:alert(1))](javascript:alert(2))"),

        // Reference links and their definitions.
        ("reference-full", "[bấm][r]\n\n[r]: javascript:alert(1)"),
        ("reference-collapsed", "[r][]\n\n[r]: javascript:alert(1)"),
        ("reference-shortcut", "[r]\n\n[r]: javascript:alert(1)"),
        ("reference-with-title", "[bấm][r]\n\n[r]: javascript:alert(1) \"tiêu đề\""),
        ("reference-angle", "[bấm][r]\n\n[r]: <javascript:alert(1)>"),
        ("reference-image", "![ảnh][r]\n\n[r]: javascript:alert(1)"),
        ("reference-vbscript", "[bấm][r]\n\n[r]: vbscript:msgbox(1)"),

        // Autolinks.
        ("autolink-javascript", "<javascript:alert(1)>"),
        ("autolink-vbscript", "<vbscript:msgbox(1)>"),
        ("autolink-data", "<data:text/html;base64,PHNjcmlwdD4=>"),
        ("autolink-mixed-case", "<JaVaScRiPt:alert(1)>"),
        ("bare-url-quote", "http://example.com/\"onmouseover=alert(1)"),

        // Link titles that try to break out of the attribute.
        ("title-quote-breakout", "[bấm](https://example.com \"x\\\" onmouseover=\\\"alert(1)\")"),
        ("title-script", "[bấm](/ok \"<script>alert(1)</script>\")"),
        ("image-title-breakout", "![ảnh](https://example.com/a.png \"x\\\" onerror=\\\"alert(1)\")"),
        ("url-quote-breakout", "[bấm](https://example.com\"onmouseover=\"alert(1))"),

        // Schemes hidden by entities, escapes, control characters and case.
        ("entity-decimal", "[bấm](&#106;avascript:alert(1))"),
        ("entity-hex", "[bấm](&#x6A;avascript:alert(1))"),
        ("entity-all-decimal", "[bấm](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))"),
        ("entity-no-semicolon", "[bấm](&#106avascript:alert(1))"),
        ("entity-colon", "[bấm](javascript&colon;alert(1))"),
        ("entity-reference-definition", "[bấm][r]\n\n[r]: &#x6A;avascript&colon;alert(1)"),
        ("percent-encoded-scheme", "[bấm](%6Aavascript:alert(1))"),
        ("percent-encoded-colon", "[bấm](javascript%3Aalert(1))"),
        ("tab-in-scheme", "[bấm](<java\tscript:alert(1)>)"),
        ("tab-entity-in-scheme", "[bấm](java&#9;script:alert(1))"),
        ("newline-entity-in-scheme", "[bấm](java&#10;script:alert(1))"),
        ("control-char-prefix", "[bấm](&#1;javascript:alert(1))"),
        ("mixed-case", "[bấm](JaVaScRiPt:alert(1))"),
        ("leading-spaces", "[bấm](   javascript:alert(1))"),
        ("leading-spaces-angle", "[bấm](<  javascript:alert(1)>)"),

        // Generic attribute syntax (the extension is not enabled, so these must stay text).
        ("generic-attr-link", "[bấm](https://example.com){onclick=alert(1)}"),
        ("generic-attr-heading", "## Tiêu đề {onclick=alert(1)}"),
        ("generic-attr-style", "đoạn văn{style=\"background:url(javascript:alert(1))\"}"),

        // Dangerous raw HTML elements.
        ("iframe", "<iframe src=\"javascript:alert(1)\"></iframe>"),
        ("iframe-srcdoc", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"),
        ("svg-onload", "<svg onload=alert(1)>"),
        ("svg-script-inline", "chữ <svg><script>alert(1)</script></svg>"),
        ("math-mxss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
        ("style-block", "<style>body{background:url(javascript:alert(1))}</style>"),
        ("style-attribute", "<p style=\"background:url(javascript:alert(1))\">x</p>"),
        ("form-input", "<form action=javascript:alert(1)><input type=submit></form>"),
        ("object", "<object data=\"javascript:alert(1)\"></object>"),
        ("embed", "<embed src=\"javascript:alert(1)\">"),
        ("a-href-javascript-raw", "<a href=\"javascript:alert(1)\">bấm</a>"),
        ("a-href-javascript-inline", "xem <a href=javascript:alert(1)>đây</a> nhé"),
        ("meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
        ("base-href", "<base href=\"javascript:alert(1)//\">"),
        ("link-stylesheet", "<link rel=stylesheet href=javascript:alert(1)>"),
        ("noscript-mxss", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"),

        // HTML comments.
        ("comment-then-script", "<!-- --><script>alert(1)</script> -->"),
        ("comment-breakout", "<!--<img src=\"--><img src=x onerror=alert(1)//\">"),
        ("comment-inline", "chữ <!-- <script>alert(1)</script> --> chữ"),

        // Payloads inside other Markdown structures.
        ("nested-emphasis-link", "***[bấm](javascript:alert(1))***"),
        ("nested-emphasis-script", "_*<script>alert(1)</script>*_"),
        ("nested-emphasis-img", "**_~~<img src=x onerror=alert(1)>~~_**"),
        ("table-cells", "| a | b |\n|---|---|\n| [bấm](javascript:alert(1)) | <img src=x onerror=alert(1)> |"),
        ("table-header-script", "| <script>alert(1)</script> |\n|---|\n| x |"),
        ("table-aligned", "| a |\n|--:|\n| <svg onload=alert(1)> |"),
        ("blockquote", "> <script>alert(1)</script>\n> [bấm](javascript:alert(1))"),
        ("list-nested", "- [bấm](javascript:alert(1))\n  - <img src=x onerror=alert(1)>"),
        ("heading-link", "## [bấm](javascript:alert(1))"),

        // Code must come out as text.
        ("code-span", "`<script>alert(1)</script>`"),
        ("code-fence", "```html\n<script>alert(1)</script>\n```"),
        ("code-fence-info-string", "```\"><script>alert(1)</script>\nx\n```"),
        ("code-indented", "    <script>alert(1)</script>"),
    ];

    public static IEnumerable<object[]> Payloads => Entries.Select(e => new object[] { e.Name, e.Markdown });
}
