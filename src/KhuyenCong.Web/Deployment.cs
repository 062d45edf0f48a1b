using KhuyenCong.Web.Options;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web;

/// <summary>
/// What depends on where the app is deployed: the public address every absolute link is made from (and the only
/// host accepted), and the reverse proxies whose forwarded headers are believed.
/// </summary>
public static class Deployment
{
    public const string MissingBaseUrl =
        "Site:PublicBaseUrl must be set outside Development (for example the environment variable " +
        "Site__PublicBaseUrl=https://khuyencong.example.vn): canonical, share, feed, sitemap, calendar and API links " +
        "are made from it, never from the request's Host header, and only its host is accepted (AllowedHosts).";

    public static void AddDeploymentSettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<SiteOptions>()
            .Validate(o => development || !string.IsNullOrWhiteSpace(o.PublicBaseUrl), MissingBaseUrl)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || IsBaseUrl(o.PublicBaseUrl),
                "Site:PublicBaseUrl must be an absolute http or https address with no path, query or fragment, e.g. https://khuyencong.example.vn.");

        // Host filtering: outside Development, unless AllowedHosts names hosts itself, only the public host answers.
        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<IConfiguration>((o, config) =>
        {
            if (!development && o.AllowedHosts is ["*"] && Uri.TryCreate(config["Site:PublicBaseUrl"], UriKind.Absolute, out var baseUrl))
            {
                o.AllowedHosts = [baseUrl.Host];
            }
        });

        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section)
            .Validate(o => o.TryParse(out _, out _),
                "ReverseProxy:KnownProxies must list IP addresses and ReverseProxy:KnownNetworks CIDR networks (e.g. 10.0.0.0/24), separated by ';'.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: the defaults (loopback) go, and a chain is followed back to the first
            // address that is not a known proxy, which is the client.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = null;
            if (proxy.Value.TryParse(out var proxies, out var networks))
            {
                proxies.ForEach(o.KnownProxies.Add);
                networks.ForEach(o.KnownIPNetworks.Add);
            }
        });
    }

    /// <summary>
    /// Applies X-Forwarded-For/-Proto from known proxies only. With no proxy configured the middleware is not used
    /// at all (with empty lists it would believe every sender).
    /// </summary>
    public static void UseKnownProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.IsConfigured)
        {
            app.UseForwardedHeaders();
        }
    }

    public static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !string.IsNullOrEmpty(uri.Host)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo);
}
