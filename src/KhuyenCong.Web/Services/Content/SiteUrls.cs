using KhuyenCong.Web.Options;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Content;

/// <summary>Absolute URLs for feeds, sitemaps, canonical links and share links.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    public string Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(site.Value.PublicBaseUrl))
            {
                return site.Value.PublicBaseUrl.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => Base + (path.StartsWith('/') ? path : "/" + path);

    public static string Article(string slug) => "/tin-tuc/" + slug;
    public static string Document(string slug) => "/van-ban/" + slug;
    public static string Topic(string slug) => "/chuyen-muc/" + slug;
    public static string Tag(string slug) => "/the/" + slug;
    public static string Page(string path) => "/" + path;
    public static string Product(string slug) => "/san-pham/" + slug;
    public static string Establishment(string slug) => "/co-so/" + slug;
    public static string TvSegment(string slug) => "/truyen-hinh/" + slug;
    public static string Showroom(string slug) => "/phong-trung-bay/" + slug;
    public static string Fair(string slug) => "/hoi-cho/" + slug;
    public static string Qa(string slug) => "/hoi-dap/" + slug;
}
