using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KhuyenCong.Web.Tests.Pages.Questions;

/// <summary>Drives the public ask form and lookup like a browser: the form page gives the antiforgery token and the ticket.</summary>
public static class QuestionClient
{
    private static readonly HtmlParser Parser = new();

    public static Dictionary<string, string> Valid(string title = "Hộ kinh doanh có được hỗ trợ mua máy không?") => new()
    {
        ["Form.Topic"] = "1",
        ["Form.Title"] = title,
        ["Form.Text"] = "Cơ sở chúng tôi làm kẹo dừa ở Mỏ Cày Nam.\nXin hỏi thủ tục đề nghị hỗ trợ máy đóng gói?",
        ["Form.Name"] = "Nguyễn Thị Hoa",
        ["Form.Organisation"] = "Cơ sở kẹo dừa Thanh Long",
        ["Form.Email"] = "hoa@example.vn",
        ["Form.Phone"] = "0912 345 678",
        ["Form.ConsentPublish"] = "yes",
    };

    /// <summary>The antiforgery token and the form ticket of a freshly shown ask form.</summary>
    public static async Task<(string Token, string Ticket)> OpenAsync(HttpClient client)
    {
        var page = await client.GetHtmlAsync("/hoi-dap/dat-cau-hoi");
        return (page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            page.QuerySelector("input[name=phieu]")!.GetAttribute("value")!);
    }

    public static async Task<HttpResponseMessage> AskAsync(HttpClient client, Dictionary<string, string> fields, (string Token, string Ticket) form)
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = form.Token, ["phieu"] = form.Ticket };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri("/hoi-dap/dat-cau-hoi", UriKind.Relative), content);
    }

    /// <summary>Posts fields whose values are already percent-encoded (so invalid UTF-8 reaches the server as sent).</summary>
    public static async Task<HttpResponseMessage> AskRawAsync(HttpClient client, IEnumerable<(string Key, string Encoded)> fields, (string Token, string Ticket) form)
    {
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + f.Encoded)
            .Append("__RequestVerificationToken=" + Uri.EscapeDataString(form.Token)).Append("phieu=" + Uri.EscapeDataString(form.Ticket)));
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri("/hoi-dap/dat-cau-hoi", UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> LookupAsync(HttpClient client, string reference, string contact) =>
        await client.PostFormAsync("/hoi-dap/tra-cuu", new() { ["ma-so"] = reference, ["lien-he"] = contact });

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static bool HasVietnamese(string text) => text.Any(c => c is 'ả' or 'ộ' or 'ệ' or 'ư' or 'ơ' or 'đ' or 'ấ' or 'ờ' or 'ị' or 'ể' or 'ọ' or 'ố');
}
