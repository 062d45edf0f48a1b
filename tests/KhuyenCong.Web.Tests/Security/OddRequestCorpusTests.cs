using System.Net;

namespace KhuyenCong.Web.Tests.Security;

/// <summary>
/// The empty-field and whitespace-path corpus: addresses made of white space, control characters and odd
/// segments, and every known query parameter sent empty or as white space, over every public route. None may
/// answer 500; an address that names nothing is a 404.
/// </summary>
public sealed class OddRequestCorpusTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Route prefixes of the public site that take a slug or a path.</summary>
    private static readonly string[] SlugPrefixes =
    [
        "", "tin-tuc/", "van-ban/", "chuyen-muc/", "the/", "san-pham/", "co-so/", "phong-trung-bay/", "hoi-cho/",
        "truyen-hinh/", "chuong-trinh/", "dang-ky-ho-tro/", "van-ban/x/", "chuong-trinh/du-lieu/", "media/", "hoi-dap/",
    ];

    /// <summary>
    /// Odd segments: encoded white space and control characters, dots, long and non-ASCII names. (%00 in a path
    /// never reaches the app: Kestrel answers 400 and the test server refuses to send it.)
    /// </summary>
    private static readonly string[] OddSegments =
    [
        "%20", "%09", "%0A", "%0D", "%0D%0A", "%01", "%1F", "%7F", "%C2%A0", "%E2%80%8B", "%20%20", "%20x",
        "x%20", "%09%0A%20", "+", "%2B", "%2F", "%2F%2F", ".", "..", "%2E%2E", "~", "%25", "%25%25", "%FF", "%C0%AF",
        "%E1%BB%87", "tai-ve", "rss.xml", "x.ics", "x.vtt", "x.csv", new string('a', 400),
    ];

    public static TheoryData<string> OddPaths()
    {
        var data = new TheoryData<string>();
        foreach (var prefix in SlugPrefixes)
        {
            foreach (var segment in OddSegments)
            {
                data.Add("/" + prefix + segment);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OddPaths))]
    public async Task Odd_paths_never_answer_a_server_error(string path)
    {
        using var response = await site.Browser().GetAsync(new Uri(path, UriKind.Relative));
        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/%20")]
    [InlineData("/%09")]
    [InlineData("/%0A")]
    [InlineData("/%20%2F%20")]
    [InlineData("/tin-tuc/%20")]
    [InlineData("/van-ban/%09")]
    [InlineData("/san-pham/%0A")]
    public async Task A_whitespace_path_is_a_404(string path)
    {
        using var response = await site.Browser().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Every list page with every query parameter it reads, each empty, blank or odd.</summary>
    public static TheoryData<string> OddQueries()
    {
        var pages = new Dictionary<string, string[]>
        {
            ["/tin-tuc"] = ["trang"],
            ["/van-ban"] = ["trang", "loai", "nam", "co-quan", "tu-khoa"],
            ["/tim-kiem"] = ["trang", "q"],
            ["/san-pham"] = ["trang", "nhom", "cap", "nam", "noi", "loai-co-so", "tu-khoa", "sap-xep"],
            ["/phong-trung-bay"] = ["trang", "noi"],
            ["/hoi-cho"] = ["trang", "nam"],
            ["/truyen-hinh"] = ["trang"],
            ["/chuyen-muc/x"] = ["trang"],
            ["/the/x"] = ["trang"],
            ["/dang-ky-ho-tro"] = ["het-han"],
            ["/dang-nhap"] = ["ReturnUrl"],
        };
        string[] values = ["", "%20", "%09", "%0A", "%00", "+", "-1", "0", "2147483648", "99999999999999999999", "%FF", "a%00b", "%E2%80%8B"];
        var data = new TheoryData<string>();
        foreach (var (page, keys) in pages)
        {
            foreach (var key in keys)
            {
                data.Add($"{page}?{key}={string.Join($"&{key}=", values)}");
                foreach (var value in values)
                {
                    data.Add($"{page}?{key}={value}");
                }
            }

            // Every key at once, empty (one key alone is already above); and a key without '='.
            if (keys.Length > 1)
            {
                data.Add(page + "?" + string.Join('&', keys.Select(k => k + "=")));
            }

            data.Add(page + "?" + string.Join('&', keys));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OddQueries))]
    public async Task Empty_and_blank_query_values_never_answer_a_server_error(string url)
    {
        using var response = await site.Browser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/loi")]
    [InlineData("/loi/")]
    [InlineData("/loi/0")]
    [InlineData("/loi/-1")]
    [InlineData("/loi/1")]
    [InlineData("/loi/200")]
    [InlineData("/loi/302")]
    [InlineData("/loi/418")]
    [InlineData("/loi/999")]
    [InlineData("/loi/2147483647")]
    [InlineData("/loi/-2147483648")]
    public async Task The_error_page_asked_for_a_code_the_site_never_answers_is_a_404(string path)
    {
        using var response = await site.Browser().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task The_error_page_for_a_real_status_code_answers_with_that_code(int code)
    {
        using var response = await site.Browser().GetAsync(new Uri($"/loi/{code}", UriKind.Relative));
        Assert.Equal(code, (int)response.StatusCode);
    }
}
