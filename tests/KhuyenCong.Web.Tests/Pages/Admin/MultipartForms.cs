using System.Net.Http.Headers;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>A file field of a multipart form: the field name, the bytes, the file name and the type the browser sends.</summary>
public sealed record FilePart(string Field, byte[] Bytes, string FileName, string ContentType);

/// <summary>The editor area's multipart forms, posted as a browser posts them (with the form page's antiforgery token).</summary>
public static class MultipartForms
{
    public const string Library = "/quan-tri/thu-vien";

    /// <summary>Uploads one file through the media library's upload form, with a description when given.</summary>
    public static async Task<HttpResponseMessage> UploadToLibraryAsync(this HttpClient client, byte[] bytes, string fileName, string contentType, string? alt = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetHtmlAsync(Library);
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "no upload form on " + Library);
        var fields = alt is null ? [] : new Dictionary<string, string> { ["Upload.AltText"] = alt };
        return await client.PostMultipartAsync(Library + "?handler=Upload", token!, fields, new FilePart("Upload.File", bytes, fileName, contentType));
    }

    /// <summary>POSTs the fields (a name may repeat) and an optional file as multipart/form-data with the token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, string token,
        IEnumerable<KeyValuePair<string, string>> fields, FilePart? file = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(bytes, file.Field, file.FileName);
        }

        return await client.PostAsync(new Uri(url, UriKind.Relative), form);
    }
}
