using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>Rate-limit partitions for the registration form and lookup; the form's paths are never output-cached.</summary>
public static class RegistrationLimits
{
    /// <summary>The form, its confirmation and the lookup hold personal data or forms: never cached.</summary>
    public static bool IsFormPath(PathString path) => path.StartsWithSegments("/dang-ky-ho-tro");

    /// <summary>POSTs per client IP in a fixed window (GETs are not limited).</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, bool lookup)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }

        var settings = context.RequestServices.GetRequiredService<IOptions<RegistrationOptions>>().Value;
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter((lookup ? "lookup:" : "submit:") + ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = lookup ? settings.LookupsPerWindow : settings.SubmitsPerWindow,
            Window = TimeSpan.FromMinutes(settings.WindowMinutes),
            QueueLimit = 0,
        });
    }
}
