using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// Structured data for a page. System.Text.Json's default encoder escapes &lt;, &gt;, &amp; and quotes, so the
/// output cannot close its script element; browsers never execute application/ld+json.
/// </summary>
public static class JsonLd
{
    /// <summary>
    /// The first properties of one schema.org item of the site: its type, name and description (the name when it has
    /// no summary); the caller's own properties follow in a collection initializer over a copy.
    /// </summary>
    public static Dictionary<string, object?> Thing(string type, string name, string? summary) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = type,
        ["name"] = name,
        ["description"] = string.IsNullOrWhiteSpace(summary) ? name : summary,
    };

    public static IHtmlContent Script(object data) =>
        new HtmlString("<script type=\"application/ld+json\">" + JsonSerializer.Serialize(data) + "</script>");

    public static object Breadcrumbs(SiteUrls urls, IEnumerable<(string Name, string Path)> items) => new Dictionary<string, object>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = items.Select((item, i) => new Dictionary<string, object>
        {
            ["@type"] = "ListItem", ["position"] = i + 1, ["name"] = item.Name, ["item"] = urls.Absolute(item.Path),
        }).ToList(),
    };

    /// <summary>A FAQPage with one question and its accepted answer (a published "Hỏi đáp" item).</summary>
    public static object Faq(string question, string questionText, string answerText, string url) => new Dictionary<string, object>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "FAQPage",
        ["url"] = url,
        ["inLanguage"] = "vi",
        ["mainEntity"] = new List<object>
        {
            new Dictionary<string, object>
            {
                ["@type"] = "Question", ["name"] = question, ["text"] = questionText,
                ["acceptedAnswer"] = new Dictionary<string, object> { ["@type"] = "Answer", ["text"] = answerText },
            },
        },
    };
}
