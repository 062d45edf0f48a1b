using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KhuyenCong.Web.Services;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Web.Endpoints.Api;

/// <summary>A page of a list: the items, the link to the next page (absent on the last one) and the page size used.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next, int Limit);

/// <summary>The error body of every refused request (RFC 9457 problem details), with a Vietnamese title.</summary>
public sealed record ApiProblem(string Type, string Title, int Status, string? Detail, string? Parameter);

/// <summary>
/// The conventions every open-data endpoint shares: JSON in camelCase with Vietnamese letters as themselves, an
/// opaque cursor, a page size capped at <see cref="MaxLimit"/>, a weak <c>ETag</c> and <c>Last-Modified</c> with
/// <c>If-None-Match</c> / <c>If-Modified-Since</c> answered by 304, CDN-friendly <c>Cache-Control</c>, CORS for
/// GET and problem details for refused input.
/// </summary>
public static class ApiConventions
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Short enough that a CDN's copy follows the pages' eviction within a minute.</summary>
    public const string CacheControl = "public, max-age=60, s-maxage=60, stale-if-error=600";

    public const string ProblemContentType = "application/problem+json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Every field is always written (null when empty), as the OpenAPI document lists it: stable shapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>CORS headers of every API response (set before the handler runs, so cached copies keep them).</summary>
    public static void AddCors(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = "ETag, Last-Modified, Link, Retry-After";
        response.Headers.Vary = "Origin";
    }

    public static IResult Problem(int status, string title, string? parameter = null, string? detail = null) =>
        new ProblemResult(new ApiProblem(
            status switch { 400 => "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1", 404 => "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5", 429 => "https://datatracker.ietf.org/doc/html/rfc6585#section-4", _ => "about:blank" },
            title, status, detail, parameter));

    /// <summary>400 naming the refused parameter.</summary>
    /// <summary>The name of the first query or route parameter whose value holds a control character, if any.</summary>
    public static string? ControlCharacterIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (key, values) in request.Query)
        {
            if (values.Any(v => v is not null && v.Any(char.IsControl)))
            {
                return key;
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && text.Any(char.IsControl))
            {
                return key;
            }
        }

        return null;
    }

    public static IResult BadParameter(string parameter, string detail) =>
        Problem(StatusCodes.Status400BadRequest, $"Giá trị của tham số “{parameter}” không hợp lệ.", parameter, detail);

    public static IResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Không tìm thấy.", null, what);

    /// <summary>A 200 JSON answer with validators; 304 when the client's copy is current.</summary>
    public static IResult Ok<T>(T body, DateTime? lastModifiedUtc, JsonSerializerOptions? options = null) => new JsonResult<T>(body, lastModifiedUtc, options ?? Json);

    /// <summary>For a handler that writes its own body (the OpenAPI document): buffers it and adds the same validators.</summary>
    public static async ValueTask<object?> WithValidatorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            var result = await next(context);
            if (result is IResult r)
            {
                await r.ExecuteAsync(http);
            }

            var bytes = buffer.ToArray();
            http.Response.Body = original;
            if (http.Response.StatusCode != StatusCodes.Status200OK)
            {
                await original.WriteAsync(bytes, http.RequestAborted);
                return Results.Empty;
            }

            var etag = ETagOf(bytes);
            http.Response.Headers.ETag = etag;
            if (JsonResult<object>.NotModified(http.Request, etag, null))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                http.Response.ContentLength = null;
                return Results.Empty;
            }

            http.Response.ContentLength = bytes.Length;
            await original.WriteAsync(bytes, http.RequestAborted);
            return Results.Empty;
        }
        finally
        {
            http.Response.Body = original;
        }
    }

    private static string ETagOf(byte[] bytes) => "W/\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";

    /// <summary>The limit parameter: 1 to <see cref="MaxLimit"/>, <see cref="DefaultLimit"/> when absent.</summary>
    public static bool TryLimit(string? value, out int limit, out IResult? problem)
    {
        problem = null;
        limit = DefaultLimit;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit)
        {
            problem = BadParameter("limit", $"Số mục mỗi trang là một số nguyên từ 1 đến {MaxLimit}.");
            return false;
        }

        return true;
    }

    /// <summary>An opaque cursor: the list's name and the key of the last item shown, in base64url.</summary>
    public static string Cursor(string list, params long[] key) =>
        Base64Url(Encoding.UTF8.GetBytes(list + ":" + string.Join(':', key.Select(k => k.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>Reads a cursor of <paramref name="list"/> with <paramref name="parts"/> numbers; null key when absent.</summary>
    public static bool TryCursor(string? value, string list, int parts, out long[]? key, out IResult? problem)
    {
        key = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        try
        {
            var s = value.Trim().Replace('-', '+').Replace('_', '/');
            s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(s));
            var fields = text.Split(':');
            if (fields.Length == parts + 1 && fields[0] == list)
            {
                var numbers = new long[parts];
                var ok = true;
                for (var i = 0; i < parts && ok; i++)
                {
                    ok = long.TryParse(fields[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i]);
                }

                if (ok)
                {
                    key = numbers;
                    return true;
                }
            }
        }
        catch (FormatException)
        {
        }

        problem = BadParameter("cursor", "Con trỏ trang không hợp lệ: dùng nguyên giá trị của liên kết “next” trong trang trước.");
        return false;
    }

    /// <summary>The absolute URL of this request with the cursor replaced (the next page's link).</summary>
    public static string NextLink(HttpContext http, SiteUrls urls, string cursor)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(urls);
        // Only the parameters the endpoint reads: the answer is cached under those alone (PublicCache), so an
        // unknown parameter of the first request must not end up in the link every later request is shown.
        var read = PublicCache.QueryKeysOf(http.GetEndpoint());
        var parts = http.Request.Query
            .Where(q => !string.Equals(q.Key, "cursor", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(q.Value.ToString())
                && read.Contains(q.Key.ToLowerInvariant(), StringComparer.Ordinal))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value[0]?.Trim() ?? ""))
            .Append("cursor=" + cursor);
        return urls.Absolute(http.Request.Path + "?" + string.Join('&', parts));
    }

    /// <summary>A UTC instant as ISO 8601 with the Vietnam offset (+07:00).</summary>
    public static DateTimeOffset Local(DateTime utc) => DateTimeOffset.ParseExact(VietnamTime.Iso(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), "yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Local(DateTime? utc) => utc is { } u ? Local(u) : null;

    /// <summary>A calendar day stored as midnight (no zone).</summary>
    public static DateOnly? Day(DateTime? day) => day is { } d ? DateOnly.FromDateTime(d) : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Http(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);

    private sealed class ProblemResult(ApiProblem problem) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => problem.Status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = problem.Status;
            response.ContentType = ProblemContentType;
            // Refusals are cheap and depend on the input only; they are not kept by caches.
            response.Headers.CacheControl = "no-store";
            await JsonSerializer.SerializeAsync(response.Body, problem, Json, httpContext.RequestAborted);
        }
    }

    private sealed class JsonResult<T>(T body, DateTime? lastModifiedUtc, JsonSerializerOptions options) : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult
    {
        public int? StatusCode => StatusCodes.Status200OK;

        public T Value => body;

        object? IValueHttpResult.Value => body;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, options);
            var etag = ETagOf(bytes);
            var request = httpContext.Request;
            var response = httpContext.Response;
            response.Headers.ETag = etag;
            response.Headers.CacheControl = CacheControl;
            DateTime? lastModified = lastModifiedUtc is { } lm ? new DateTime(lm.Ticks - (lm.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc) : null;
            if (lastModified is { } at)
            {
                response.Headers.LastModified = Http(at);
            }

            if (NotModified(request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(request.Method))
            {
                await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
            }
        }

        internal static bool NotModified(HttpRequest request, string etag, DateTime? lastModified)
        {
            var ifNoneMatch = request.Headers.IfNoneMatch;
            if (ifNoneMatch.Count > 0)
            {
                if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
                {
                    return false;
                }

                var ours = EntityTagHeaderValue.Parse(etag);
                return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
            }

            return lastModified is { } at
                && DateTimeOffset.TryParseExact(request.Headers.IfModifiedSince.ToString(), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
                && at <= since.UtcDateTime;
        }
    }
}
