using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// Reduces the request's <c>Accept-Encoding</c> to the one coding the site will answer with: <c>br</c>, <c>gzip</c>
/// or none (the header removed). The compression middleware then has exactly one choice, and the output cache
/// keeps one entry per choice (<see cref="PublicCache"/> varies by it): a cached page is compressed once per
/// coding when it is stored, not on every hit, and no made-up <c>Accept-Encoding</c> value can add entries.
/// The choice honours the browser's preferences: the higher quality of <c>br</c> and <c>gzip</c> (a <c>*</c>
/// counts for a coding not named), <c>br</c> on a tie, none when both are refused.
/// </summary>
public sealed class ContentCoding(RequestDelegate next)
{
    public static readonly StringValues Brotli = new("br");
    public static readonly StringValues Gzip = new("gzip");

    // Browsers send a handful of distinct values; remembered (bounded, so odd values cannot grow it) to skip parsing.
    private static readonly ConcurrentDictionary<string, StringValues> Known = new(StringComparer.Ordinal);
    private const int MaxKnown = 64;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        var accept = headers.AcceptEncoding;
        if (accept.Count == 0)
        {
            return next(context);
        }

        var raw = accept.Count == 1 ? accept[0] ?? "" : accept.ToString();
        if (!Known.TryGetValue(raw, out var choice))
        {
            choice = Choose(accept);
            if (Known.Count < MaxKnown)
            {
                Known.TryAdd(raw, choice);
            }
        }

        if (choice.Count == 0)
        {
            headers.Remove(HeaderNames.AcceptEncoding);
        }
        else
        {
            headers.AcceptEncoding = choice;
        }

        return next(context);
    }

    /// <summary>"br", "gzip" or empty (no compression) for the given Accept-Encoding values.</summary>
    public static StringValues Choose(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return StringValues.Empty;
        }

        double? br = null, gzip = null, any = null;
        foreach (var coding in codings)
        {
            var q = coding.Quality ?? 1.0;
            if (coding.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                br = Math.Max(br ?? 0, q);
            }
            else if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip ?? 0, q);
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = Math.Max(any ?? 0, q);
            }
        }

        var brQuality = br ?? any ?? 0;
        var gzipQuality = gzip ?? any ?? 0;
        if (brQuality <= 0 && gzipQuality <= 0)
        {
            return StringValues.Empty;
        }

        return brQuality >= gzipQuality ? Brotli : Gzip;
    }
}
