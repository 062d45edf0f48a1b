using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Content;

/// <summary>What the "Thông tin có hữu ích không?" form needs from its page: the item, and the result shown after a vote.</summary>
/// <param name="Type">A <see cref="PageFeedbacks.Types"/> code.</param>
/// <param name="Result">The page's <c>?phan-hoi=</c> value after the vote's redirect (part of the cache key, same for everyone).</param>
public sealed record FeedbackTarget(string Type, int Id, string? Result);

/// <summary>
/// "Thông tin có hữu ích không?": the kinds of page that carry the form, where each item lives, the one-vote-per-browser
/// cookie. The form posts to its own page (<c>/phan-hoi-trang</c>), so the cached content page never changes per visitor.
/// </summary>
public static class PageFeedbacks
{
    public const string Path = "/phan-hoi-trang";
    /// <summary>Rate-limit policy of the vote: POSTs per client IP, with the registration lookup's limits.</summary>
    public const string RateLimit = "page-feedback";
    /// <summary>Holds the pages this browser voted on; sent only to <see cref="Path"/>.</summary>
    public const string Cookie = "kc-phan-hoi";
    public const string ResultKey = "phan-hoi";
    public const string Thanks = "cam-on";
    public const int CommentMax = 500;
    public const int ProgramId = 0;
    private const int CookieEntries = 150;

    /// <summary>Form code → (entity type name, label).</summary>
    public static readonly IReadOnlyDictionary<string, (string Entity, string Label)> Types = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["tin-bai"] = (nameof(Article), "Tin bài"),
        ["van-ban"] = (nameof(Document), "Văn bản"),
        ["san-pham"] = (nameof(Product), "Sản phẩm"),
        ["truyen-hinh"] = (nameof(TvSegment), "Truyền hình"),
        ["hoi-cho"] = (nameof(Fair), "Hội chợ"),
        ["chuong-trinh"] = ("Program", "Chương trình"),
    };

    public static string? CodeOf(string entity) => Types.FirstOrDefault(t => t.Value.Entity == entity).Key;

    /// <summary>The public path of a published item (title too), or null when there is none to vote on.</summary>
    public static async Task<(string Path, string Title)?> FindAsync(AppDbContext db, string code, int id, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return code switch
        {
            "tin-bai" => Pick(await db.Articles.AsNoTracking().Published(now).Where(x => x.Id == id).Select(x => new { x.Slug, x.Title }).FirstOrDefaultAsync(ct), x => (SiteUrls.Article(x.Slug), x.Title)),
            "van-ban" => Pick(await db.Documents.AsNoTracking().Published(now).Where(x => x.Id == id).Select(x => new { x.Slug, x.Title }).FirstOrDefaultAsync(ct), x => (SiteUrls.Document(x.Slug), x.Title)),
            "san-pham" => Pick(await db.Products.AsNoTracking().Published(now).Where(x => x.Id == id).Select(x => new { x.Slug, x.Title }).FirstOrDefaultAsync(ct), x => (SiteUrls.Product(x.Slug), x.Title)),
            "truyen-hinh" => Pick(await db.TvSegments.AsNoTracking().Published(now).Where(x => x.Id == id).Select(x => new { x.Slug, x.Title }).FirstOrDefaultAsync(ct), x => (SiteUrls.TvSegment(x.Slug), x.Title)),
            "hoi-cho" => Pick(await db.Fairs.AsNoTracking().Published(now).Where(x => x.Id == id).Select(x => new { x.Slug, x.Title }).FirstOrDefaultAsync(ct), x => (SiteUrls.Fair(x.Slug), x.Title)),
            "chuong-trinh" when id == ProgramId => ("/chuong-trinh", "Chương trình khuyến công"),
            _ => null,
        };
    }

    private static (string, string)? Pick<T>(T? row, Func<T, (string, string)> map) where T : class => row is null ? null : map(row);

    /// <summary>The cookie's token for one page: "tin-bai:12".</summary>
    public static string Token(string code, int id) => code + ":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Voted(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Cookies.TryGetValue(Cookie, out var value) && value is { Length: < 8000 }
            ? value.Split('.', StringSplitOptions.RemoveEmptyEntries)
            : [];
    }

    public static void Remember(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = Voted(http).Append(token).TakeLast(CookieEntries);
        http.Response.Cookies.Append(Cookie, string.Join('.', tokens), new CookieOptions
        {
            HttpOnly = true, Path = Path, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    /// <summary>
    /// The vote's defence against cross-site posting. An antiforgery token cannot be used: the form sits in
    /// output-cached pages shared by every visitor. Browsers mark every request with <c>Sec-Fetch-Site</c> and
    /// every cross-origin POST with <c>Origin</c>, and no page script can forge either, so a vote is accepted only
    /// when they say the form came from this site (<c>Referer</c> as a last resort for old browsers).
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var self = request.Scheme + "://" + request.Host.Value;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, self, StringComparison.OrdinalIgnoreCase);
        }

        var referer = request.Headers.Referer.ToString();
        return referer.StartsWith(self + "/", StringComparison.OrdinalIgnoreCase);
    }
}
