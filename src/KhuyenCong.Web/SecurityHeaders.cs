namespace KhuyenCong.Web;

/// <summary>
/// The checklist's headers on every response, cached or not. The CSP has no 'unsafe-inline': every script and
/// style is a file under wwwroot/, because a nonce baked into an output-cached page protects nothing.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            // A download (an uploaded PDF may carry script) opened in the browser anyway runs sandboxed: no script, own origin.
            headers.ContentSecurityPolicy = headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase)
                ? ContentSecurityPolicy + "; sandbox"
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            KhuyenCong.Web.Services.Caching.PublicCache.ApplyCachingHeaders((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

/// <summary>Fingerprinted assets (?v=…) are cached for a year; anything else for an hour.</summary>
public static class StaticCaching
{
    /// <summary>The top-level files and folders of the web root, as paths ("/css", "/js", "/favicon.svg").</summary>
    public static string[] Roots(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return [.. environment.WebRootFileProvider.GetDirectoryContents("").Select(f => "/" + f.Name)];
    }

    /// <summary>
    /// True for a path under one of the web root's own entries: only those go through the static-file middleware,
    /// so a page request does not look for a file first.
    /// </summary>
    public static bool IsStaticPath(PathString path, string[] roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        foreach (var root in roots)
        {
            if (path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static void Apply(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600";
    }
}
