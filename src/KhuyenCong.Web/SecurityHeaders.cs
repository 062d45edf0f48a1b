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
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

/// <summary>Fingerprinted assets (?v=…) are cached for a year; anything else for an hour.</summary>
public static class StaticCaching
{
    public static void Apply(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600";
    }
}
