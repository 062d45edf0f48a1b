using System.Globalization;
using System.Text;
using KhuyenCong.Web.Tests.Services.Content;

namespace KhuyenCong.Web.BrowserTests.Security;

/// <summary>
/// The browser gate's content folder: a copy of the repository's content/ plus one sample article per XSS corpus
/// payload (slug xss-001…), and a few articles whose title, summary and tags are payloads (slug xss-title-N).
/// Each body holds the payload twice: as written (it tries alert(1)) and with alert(…) replaced by an assignment
/// to window.__xss, which a test reads back. The articles are dated 2020, before every real article, so they sit
/// on the last news pages and leave the home page and the first list pages as a visitor sees them.
/// </summary>
public static class XssContent
{
    public const string Tag = "kiểm thử xss";
    public const string TagSlug = "kiem-thu-xss";

    /// <summary>Payloads in the fields Razor encodes: title, summary, tag names (and the JSON-LD built from them).</summary>
    public static readonly IReadOnlyList<(string Title, string Summary, string Tag)> FieldPayloads =
    [
        ("<script>alert(1)</script> tiêu đề", "\"><img src=x onerror=alert(1)>", "<svg onload=alert(1)>"),
        ("</script><script>alert(1)</script>", "'-alert(1)-'", "</title><script>window.__xss=1</script>"),
        ("\" onmouseover=\"alert(1)\" x=\"", "<a href=javascript:alert(1)>bấm</a>", "\" autofocus onfocus=\"alert(1)"),
    ];

    public static int PayloadCount => XssCorpus.Payloads.Count();

    public static IEnumerable<string> ArticleSlugs =>
        Enumerable.Range(1, PayloadCount).Select(Slug).Concat(Enumerable.Range(1, FieldPayloads.Count).Select(i => $"xss-title-{i}"));

    public static bool IsXssArticle(string path) => path.StartsWith("/tin-tuc/xss-", StringComparison.Ordinal);

    public static string Slug(int n) => $"xss-{n:000}";

    /// <summary>Copies content/ into <paramref name="target"/> and adds the payload articles.</summary>
    public static void Write(string source, string target)
    {
        CopyFolder(source, target);
        var articles = Path.Combine(target, "articles");
        var n = 0;
        foreach (var row in XssCorpus.Payloads)
        {
            n++;
            var (name, markdown) = ((string)row[0], (string)row[1]);
            var body = $"{markdown}\n\nĐoạn tách hai biến thể.\n\n{Assigning(markdown)}\n";
            File.WriteAllText(Path.Combine(articles, $"{Slug(n)}.md"),
                FrontMatter($"Kiểm thử XSS {n:000}: {name}", Slug(n), n, $"Bài kiểm thử bảo mật, payload “{name}”.", Tag) + body,
                new UTF8Encoding(false));
        }

        var i = 0;
        foreach (var (title, summary, tag) in FieldPayloads)
        {
            i++;
            File.WriteAllText(Path.Combine(articles, $"xss-title-{i}.md"),
                FrontMatter(title, $"xss-title-{i}", 200 + i, summary, Tag, tag) + "Nội dung bình thường.\n",
                new UTF8Encoding(false));
        }
    }

    /// <summary>The same payload, made to set window.__xss instead of opening a dialog.</summary>
    private static string Assigning(string markdown) =>
        markdown.Replace("alert(1)", "window.__xss=1", StringComparison.Ordinal).Replace("alert(2)", "window.__xss=2", StringComparison.Ordinal);

    private static string FrontMatter(string title, string slug, int minute, string summary, params string[] tags)
    {
        var date = new DateTime(2020, 1, 1, 8, 0, 0, DateTimeKind.Unspecified).AddMinutes(minute);
        return $"""
            ---
            title: {Yaml(title)}
            slug: {slug}
            date: {date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}
            topic: tin-khuyen-cong
            tags: [{string.Join(", ", tags.Select(Yaml))}]
            summary: {Yaml(summary)}
            sample: true
            ---

            """;
    }

    private static string Yaml(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void CopyFolder(string source, string target)
    {
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }
}
