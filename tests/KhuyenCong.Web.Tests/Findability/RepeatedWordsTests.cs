using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Findability;

/// <summary>
/// Issue 15 item 8: no label read twice ("Kỳ 20: … – Kỳ 20: …", "Nghị định: Nghị định …", "(Ảnh: Ảnh: …)") in any
/// list, card, caption, title tag, breadcrumb, feed or JSON-LD built from the starting content.
/// </summary>
public sealed class RepeatedWordsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>
    /// Why a text reads a label twice, or null: a phrase of two or more words repeated back to back within one part
    /// of the text ("Nghị định: Nghị định"; parts are split at " – " and " · ", so a title tag's site name does not
    /// count), or the same "label:" said twice ("Kỳ 20: … Kỳ 20:", "Ảnh: Ảnh:"). Single words may double in Vietnamese
    /// ("chôm chôm", "năm năm"), so they count only as labels.
    /// </summary>
    public static string? Repetition(string text)
    {
        if (text.StartsWith("http", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var part in text.Split([" – ", " - ", " · "], StringSplitOptions.None))
        {
            var tokens = Words(part);
            for (var n = 2; n <= 4; n++)
            {
                for (var i = 0; i + 2 * n <= tokens.Count; i++)
                {
                    var first = tokens.Skip(i).Take(n).ToList();
                    if (!first.All(t => t.All(char.IsDigit)) && first.SequenceEqual(tokens.Skip(i + n).Take(n)))
                    {
                        return $"“{string.Join(' ', first)}” twice in a row";
                    }
                }
            }
        }

        // "Kỳ 20:" twice: the (up to two) words before each colon, said again before another colon.
        var folded = TextFolding.Fold(text);
        var labels = new List<string>();
        for (var i = folded.IndexOf(':', StringComparison.Ordinal); i >= 0; i = folded.IndexOf(':', i + 1))
        {
            var before = folded[..i];
            var words = TextFolding.Tokens(before[(before.LastIndexOfAny([':', '(', '–', ',', '·']) + 1)..]);
            var isClockTime = i > 0 && i + 1 < folded.Length && char.IsDigit(folded[i - 1]) && char.IsDigit(folded[i + 1]);
            if (words.Count > 0 && !isClockTime)
            {
                var label = string.Join(' ', words.Skip(Math.Max(0, words.Count - 2)));
                if (labels.Contains(label))
                {
                    return $"“{label}:” twice";
                }

                labels.Add(label);
            }
        }

        return null;
    }

    [Theory]
    [InlineData("Kỳ 20: Khuyến công Bến Tre – Kỳ 20: Nhìn lại", true)]
    [InlineData("Nghị định: Nghị định sửa đổi, bổ sung", true)]
    [InlineData("Lễ khai mạc (Ảnh: Ảnh: Hoàng Nam)", true)]
    [InlineData("Nghị định sửa đổi, bổ sung một số điều của Nghị định số 45/2012/NĐ-CP về khuyến công", false)]
    [InlineData("Khuyến công Bến Tre – Kỳ 1: Chương trình khuyến công giai đoạn 2021–2025 có gì mới", false)]
    [InlineData("Lễ khai mạc (Ảnh: Hoàng Nam)", false)]
    [InlineData("Chôm chôm sấy dẻo", false)]
    [InlineData("Nhìn lại năm năm Chương trình", false)]
    [InlineData("Máy móc tiên tiến", false)]
    [InlineData("Tin khuyến công – Khuyến công Bến Tre", false)]
    public void The_detector_tells_a_repeated_label_from_a_legitimate_title(string text, bool repeated) =>
        Assert.Equal(repeated, Repetition(text) is not null);

    [Theory]
    [InlineData(20, "Khuyến công Bến Tre – Kỳ 20: Nhìn lại", "Khuyến công Bến Tre – Kỳ 20: Nhìn lại")]
    [InlineData(2, "Khuyến công Bến Tre – Kỳ 20: Nhìn lại", "Kỳ 2: Khuyến công Bến Tre – Kỳ 20: Nhìn lại")]
    [InlineData(5, "Sản xuất sạch hơn", "Kỳ 5: Sản xuất sạch hơn")]
    public void A_tv_title_names_its_episode_once(int episode, string title, string expected) =>
        Assert.Equal(expected, DisplayTitles.TvSegment(episode, title));

    [Theory]
    [InlineData("Ảnh: Hoàng Nam", " (Ảnh: Hoàng Nam)")]
    [InlineData("ảnh:Hoàng Nam", " (Ảnh: Hoàng Nam)")]
    [InlineData("Hoàng Nam", " (Ảnh: Hoàng Nam)")]
    [InlineData("  ", "")]
    public void A_photo_credit_says_anh_once(string credit, string expected) =>
        Assert.Equal(expected, DisplayTitles.Credit(credit));

    [Fact]
    public async Task No_list_card_caption_title_breadcrumb_or_json_ld_repeats_a_label()
    {
        var client = site.Browser();
        var topics = await site.WithDbAsync((db, _) => db.Topics.Select(t => t.Slug).ToListAsync());
        var lists = new List<string> { "/", "/tin-tuc", "/van-ban", "/truyen-hinh", "/san-pham", "/co-so", "/phong-trung-bay", "/hoi-cho", "/tim-kiem?q=ky", "/tim-kiem?q=nghi+dinh" };
        lists.AddRange(topics.Select(t => "/chuyen-muc/" + t));
        var problems = new List<string>();
        var details = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in lists)
        {
            var doc = await client.GetHtmlAsync(url);
            Check(url, doc, problems);
            foreach (var a in doc.QuerySelectorAll("main .card-title a, main td a, main .card a, main li > a"))
            {
                Check(url, a.TextContent, problems);
                var href = a.GetAttribute("href") ?? "";
                if (href.StartsWith('/') && !href.Contains('?', StringComparison.Ordinal) && href.Count(c => c == '/') == 2 && !href.StartsWith("/chuyen-muc/", StringComparison.Ordinal))
                {
                    details.Add(href);
                }
            }
        }

        // Every TV segment and document page (the two titles the issue names), and the other details linked above.
        foreach (var url in details)
        {
            Check(url, await client.GetHtmlAsync(url), problems);
        }

        foreach (var feed in new[] { "/rss.xml", "/atom.xml" })
        {
            var xml = XDocument.Parse(await client.GetStringAsync(feed));
            foreach (var title in xml.Descendants().Where(e => e.Name.LocalName == "title"))
            {
                Check(feed, title.Value, problems);
            }
        }

        Assert.True(details.Any(d => d.StartsWith("/truyen-hinh/", StringComparison.Ordinal)) && details.Any(d => d.StartsWith("/van-ban/", StringComparison.Ordinal)),
            "the scan reached no TV or document page");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    /// <summary>Lower-case words with their diacritics (folding would make "tiên tiến" a repeat).</summary>
    private static List<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Split(text.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant(), @"[^\p{L}\p{N}]+")
            .Where(w => w.Length > 0).ToList();

    private static void Check(string url, IHtmlDocument doc, List<string> problems)
    {
        Check(url, doc.Title ?? "", problems);
        foreach (var element in doc.QuerySelectorAll("h1, h2, h3, figcaption, nav.breadcrumb li, .card-meta"))
        {
            Check(url, element.TextContent, problems);
        }

        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            using var json = JsonDocument.Parse(script.TextContent);
            foreach (var value in Strings(json.RootElement))
            {
                Check(url, value, problems);
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject().Where(p => p.Name is "name" or "headline" or "caption" or "itemListElement" or "item" or "@graph"))
                {
                    foreach (var s in Strings(p.Value))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
        }
    }

    private static void Check(string url, string text, List<string> problems)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Repetition(normalized) is { } why)
        {
            problems.Add($"{url}: {why} in “{normalized}”");
        }
    }
}
