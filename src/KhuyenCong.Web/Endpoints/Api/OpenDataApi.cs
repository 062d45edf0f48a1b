using System.Globalization;
using System.Threading.RateLimiting;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.RateLimiting;

namespace KhuyenCong.Web.Endpoints.Api;

/// <summary>
/// The open-data API under <c>/api/v1</c> (issue 20): read-only, anonymous, the same "live" rules as the public
/// pages (<see cref="RoutedContentQueries.Published{T}"/>, <see cref="Seo.Producers"/>, consent for contact details),
/// output-cached with the pages' policy so the publisher's eviction reaches it, described at <c>/openapi/v1.json</c>.
/// </summary>
public static partial class OpenDataApi
{
    public const string Prefix = "/api/v1";
    public const string RateLimitPolicy = "open-data";
    public const string DocumentName = "v1";

    /// <summary>Requests per minute and client IP (setting <c>Api:RequestsPerMinute</c>).</summary>
    public const string RateSetting = "Api:RequestsPerMinute";
    public const int DefaultRequestsPerMinute = 300;

    public static int RequestsPerMinute(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue(RateSetting, DefaultRequestsPerMinute));

    /// <summary>Services: the rate limit, the OpenAPI document.</summary>
    public static IServiceCollection AddOpenDataApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Read per request: configuration sources added after registration (tests, environment) still apply.
        static int PerMinute(HttpContext ctx) => RequestsPerMinute(ctx.RequestServices.GetRequiredService<IConfiguration>());
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute(ctx), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            var previous = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (http.Request.Path.StartsWithSegments(Prefix) || http.Request.Path.StartsWithSegments("/openapi"))
                {
                    var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                    http.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                    ApiConventions.AddCors(http.Response);
                    await ApiConventions.Problem(StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu.", null,
                        $"Mỗi địa chỉ IP được gửi tối đa {PerMinute(http)} yêu cầu mỗi phút; hãy thử lại sau số giây ghi trong Retry-After.").ExecuteAsync(http);
                }
                else if (previous is not null)
                {
                    await previous(context, ct);
                }
            };
        });
        services.AddOpenApi(DocumentName, o => OpenApiDescription.Configure(o));
        return services;
    }

    /// <summary>The endpoints, the OpenAPI document and the CORS preflight.</summary>
    public static void MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").CacheOutput(PublicCache.Policy).RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter(async (ctx, next) =>
            {
                ApiConventions.AddCors(ctx.HttpContext.Response);
                ctx.HttpContext.Response.Headers.CacheControl = ApiConventions.CacheControl;
                return await ApiConventions.WithValidatorsAsync(ctx, next);
            });

        var api = app.MapGroup(Prefix)
            .RequireRateLimiting(RateLimitPolicy)
            .CacheOutput(PublicCache.Policy)
            .AddEndpointFilter(async (ctx, next) =>
            {
                ApiConventions.AddCors(ctx.HttpContext.Response);
                // No parameter of any endpoint may hold a control character (PostgreSQL refuses a NUL in text,
                // SQLite would compare it): a 400 naming the parameter, before any query runs.
                if (ApiConventions.ControlCharacterIn(ctx.HttpContext.Request) is { } parameter)
                {
                    return ApiConventions.BadParameter(parameter, "Không được chứa ký tự điều khiển.");
                }

                return await next(ctx);
            })
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ApiProblem), [ApiConventions.ProblemContentType]))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ApiProblem), [ApiConventions.ProblemContentType]))
            .WithGroupName(DocumentName);

        MapContent(api);
        MapShowcase(api);
        MapDownloads(api);
        MapQuestions(api);
        // HEAD answers as GET does, without the body (the server drops it); the document lists the GETs only.
        ((IEndpointConventionBuilder)api).Finally(endpoint => endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])));

        // The programme (kept at its address, /api/v1/program) is documented with the rest.
        // CORS preflight for every API address (If-None-Match is not a "simple" header).
        app.MapMethods(Prefix + "/{**rest}", [HttpMethods.Options], (HttpContext http) =>
        {
            ApiConventions.AddCors(http.Response);
            http.Response.Headers.AccessControlAllowMethods = "GET, HEAD, OPTIONS";
            http.Response.Headers.AccessControlAllowHeaders = "If-None-Match, If-Modified-Since, Accept";
            http.Response.Headers.AccessControlMaxAge = "86400";
            return Results.NoContent();
        }).ExcludeFromDescription();
        // An unknown address under /api/v1 answers in the API's language, not with an HTML page.
        app.MapMethods(Prefix + "/{**rest}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
        {
            ApiConventions.AddCors(http.Response);
            return ApiConventions.NotFound("Không có điểm cuối này trong API; xem danh sách tại /api.");
        }).ExcludeFromDescription().RequireRateLimiting(RateLimitPolicy);
        // The API only reads: any other method gets 405 with the methods it takes, in the API's language.
        app.MapMethods(Prefix + "/{**rest}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext http) =>
        {
            ApiConventions.AddCors(http.Response);
            http.Response.Headers.Allow = "GET, HEAD, OPTIONS";
            return ApiConventions.Problem(StatusCodes.Status405MethodNotAllowed, "Phương thức không được hỗ trợ.", null,
                "API dữ liệu mở chỉ cho đọc: dùng GET (hoặc HEAD, OPTIONS).");
        }).ExcludeFromDescription().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
    }

    // ---- Shared pieces (the parameter readers are in OpenDataApi.Parameters.cs) ----

    /// <summary>An image by storage name as the public pages render it (<c>_Picture</c>): every width in WebP and JPEG.</summary>
    internal static ApiImage? Image(SiteUrls urls, IReadOnlyDictionary<string, MediaFile> images, string? name, string? alt, string? caption = null)
    {
        if (name is null || !images.TryGetValue(name, out var img))
        {
            return null;
        }

        var widths = img.Widths().Order().ToList();
        if (widths.Count == 0)
        {
            return null;
        }

        return new ApiImage(
            urls.Absolute($"/media/{img.StorageName}-{widths.Max()}.jpg"), alt ?? img.AltText ?? "", img.Width, img.Height, caption ?? img.Caption,
            widths.Select(w => new ApiImageVariant(w, urls.Absolute($"/media/{img.StorageName}-{w}.webp"), urls.Absolute($"/media/{img.StorageName}-{w}.jpg"))).ToList());
    }

    internal static IReadOnlyList<ApiImage> Gallery(SiteUrls urls, IReadOnlyDictionary<string, MediaFile> images, IEnumerable<GalleryImage> gallery) =>
        gallery.Select(g => Image(urls, images, g.Media, g.Alt, g.Caption)).Where(i => i is not null).Select(i => i!).ToList();

    internal static ApiPlaceRef? PlaceRef(PlaceHistory places, int? placeId, DateTime today)
    {
        if (places.Find(placeId) is not { } place)
        {
            return null;
        }

        var shown = places.Show(place, today);
        return new ApiPlaceRef(place.Code, place.Name, shown.AsRecorded, shown.NowPartOf);
    }

    /// <summary>The page's items and the next link: <paramref name="rows"/> holds one more than the limit when there is a next page.</summary>
    internal static ApiPage<TOut> Page<TRow, TOut>(HttpContext http, SiteUrls urls, List<TRow> rows, int limit, Func<TRow, string> cursorOf, Func<TRow, TOut> map)
    {
        var more = rows.Count > limit;
        var shown = more ? rows.Take(limit).ToList() : rows;
        return new ApiPage<TOut>(shown.Select(map).ToList(), more ? ApiConventions.NextLink(http, urls, cursorOf(shown[^1])) : null, limit);
    }

    internal static DateTime? Latest(IEnumerable<DateTime> times)
    {
        DateTime? max = null;
        foreach (var t in times)
        {
            if (max is null || t > max)
            {
                max = t;
            }
        }

        return max;
    }
}
