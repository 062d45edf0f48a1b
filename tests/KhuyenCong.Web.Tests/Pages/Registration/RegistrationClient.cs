using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>Walks the registration form over HTTP like a browser without JavaScript.</summary>
public static class RegistrationClient
{
    private static readonly HtmlParser Parser = new();

    public static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList();

    /// <summary>The valid answers of each step (machinery chosen, so 10 pages).</summary>
    public static Dictionary<string, List<KeyValuePair<string, string>>> ValidAnswers() => new()
    {
        ["loai-hinh"] = Fields(("Form.Type", "doanh-nghiep"), ("Form.EstablishmentName", "Cơ sở kẹo dừa Mẫu Một")),
        ["dia-diem"] = Fields(("Form.Place", "huyen-giong-trom")),
        ["san-xuat"] = Fields(("Form.Sector", "che-bien"), ("Form.MainProducts", "Kẹo dừa, bánh phồng")),
        ["quy-mo"] = Fields(("Form.Workers", "25"), ("Form.Years", "5")),
        ["ho-tro"] = Fields(("Form.Lines", "may-moc"), ("Form.Lines", "hoi-cho")),
        ["may-moc"] = Fields(("Form.Machine", "Máy đóng gói kẹo tự động"), ("Form.MachineCost", "250.000.000")),
        ["du-an"] = Fields(("Form.Project", "Đầu tư dây chuyền đóng gói để tăng năng suất."), ("Form.Investment", "500 000 000"), ("Form.Own", "300.000.000"), ("Form.Timing", "6-thang")),
        ["lien-he"] = Fields(("Form.ContactName", "Nguyễn Văn Mẫu"), ("Form.ContactRole", "Giám đốc"), ("Form.Phone", "0912 345.678"), ("Form.Email", "mau@example.com"), ("Form.TaxCode", "1300123456-001")),
        ["dong-y"] = Fields(("Form.ConsentHandling", "yes")),
    };

    public static readonly string[] Steps = ["loai-hinh", "dia-diem", "san-xuat", "quy-mo", "ho-tro", "may-moc", "du-an", "lien-he", "dong-y"];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, string> Tokens = [];

    public static async Task<string> TokenAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (Tokens.TryGetValue(client, out var cached))
        {
            return cached;
        }

        var page = await client.GetHtmlAsync("/dang-ky-ho-tro");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Tokens.AddOrUpdate(client, token);
        return token;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", await TokenAsync(client)));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task StartAsync(HttpClient client)
    {
        using var response = await PostAsync(client, "/dang-ky-ho-tro", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dang-ky-ho-tro/loai-hinh", response.Headers.Location?.ToString());
    }

    /// <summary>Answers every step up to (not including) the given one; returns the last redirect target.</summary>
    public static async Task<string?> AnswerAsync(HttpClient client, string? until = null, Dictionary<string, List<KeyValuePair<string, string>>>? answers = null)
    {
        answers ??= ValidAnswers();
        string? location = null;
        foreach (var step in Steps)
        {
            if (step == until)
            {
                break;
            }

            if (!answers.TryGetValue(step, out var fields) || (step == "may-moc" && !answers["ho-tro"].Any(f => f.Value == "may-moc")))
            {
                continue;
            }

            using var response = await PostAsync(client, "/dang-ky-ho-tro/" + step, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            location = response.Headers.Location?.ToString();
        }

        return location;
    }

    /// <summary>Posts the check page's form (its idempotency key); returns the response.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        key ??= await KeyAsync(client);
        return await PostAsync(client, "/dang-ky-ho-tro/kiem-tra", Fields(("khoa", key)));
    }

    public static async Task<string> KeyAsync(HttpClient client)
    {
        var check = await client.GetHtmlAsync("/dang-ky-ho-tro/kiem-tra");
        return check.QuerySelector("input[name=khoa]")!.GetAttribute("value")!;
    }
}
