using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KhuyenCong.Web.Services.Caching;

/// <summary>
/// The output-cache key of a public page varies only by the query parameters that page reads, so unknown
/// parameters (<c>?x=random</c>) share the entry instead of rendering and storing a new page each time. The keys a
/// page reads are taken from its own binding declarations (<c>[FromQuery(Name = …)]</c> parameters and properties,
/// <c>[BindProperty(SupportsGet = true)]</c>): one declaration per page, nothing to keep in sync. Values are
/// normalised as model binding sees them: key names without regard to case, the first value only, surrounding
/// white space trimmed, empty and blank values the same as absent. Endpoints that are not pages read the query
/// parameters their handler declares with <c>[FromQuery]</c> (none for most).
/// </summary>
public sealed class PublicCache(QueryAdmission admission) : IOutputCachePolicy
{
    /// <summary>The named policy every cached page and endpoint uses (<c>[OutputCache(PolicyName = …)]</c>).</summary>
    public const string Policy = "public";

    /// <summary>Setting that turns the output cache off (the benchmark's "uncached" instance).</summary>
    public const string DisabledSetting = "Cache:Disabled";

    /// <summary>How much memory the in-process output cache may hold, in megabytes (default <see cref="DefaultMegabytes"/>).</summary>
    public const string MegabytesSetting = "Cache:Megabytes";

    /// <summary>
    /// Room for about 6,000 compressed pages (about 5 KB each): every page of a 1,000-article site and its lists, plus
    /// the recent searches. 64 MB filled up with the benchmark's varied searches (13,000 pages, asked once or twice)
    /// for no more requests per second; at 16 MB the cache turned pages away often enough that varied searches at
    /// 10,000 articles lost about a tenth of their throughput (p99 88–92 against 56–72 ms).
    /// </summary>
    public const long DefaultMegabytes = 32;

    /// <summary>
    /// The tag of every stored page whose key holds query values (a search, a later page of a list, a filter): the
    /// long tail a burst leaves in the cache, dropped when the node goes quiet (<see cref="IdleMemoryRelease"/>).
    /// </summary>
    public const string QueryTag = "kc:query";

    private static readonly ConcurrentDictionary<Endpoint, string[]> KeysByEndpoint = new();

    /// <summary>The query keys the endpoint reads (lower case, sorted).</summary>
    public static string[] QueryKeysOf(Endpoint? endpoint) =>
        endpoint is null ? [] : KeysByEndpoint.GetOrAdd(endpoint, static e => Discover(e));

    /// <summary>The sign-in cookie's name (Program.cs): a request carrying it never reads or fills the cache.</summary>
    public const string AuthCookie = "__Host-kc-auth";

    /// <summary>
    /// Public HTML pages for a CDN or browser in front: a short life of their own (a publish evicts the nodes' cache
    /// at once but cannot reach a CDN, so <c>s-maxage</c> is the longest a CDN shows an old page).
    /// </summary>
    public const string CdnCacheControl = "public, max-age=30, s-maxage=60, stale-if-error=600";

    /// <summary>What a signed-in editor's view of a public page carries: never kept by a shared cache.</summary>
    public const string SignedInCacheControl = "private, no-cache";

    /// <summary>
    /// True when the request may belong to a signed-in user (the sign-in cookie or an Authorization header). The
    /// output cache answers before authentication runs, so such a request must neither be answered from the cache
    /// nor stored in it; it goes on through authentication like any uncached request.
    /// </summary>
    public static bool MayBeSignedIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (!StringValues.IsNullOrEmpty(headers.Authorization))
        {
            return true;
        }

        // Most anonymous requests carry no cookie at all; only then are the cookies parsed.
        var cookie = headers.Cookie;
        return !StringValues.IsNullOrEmpty(cookie) && request.Cookies.Keys.Any(k => k.StartsWith(AuthCookie, StringComparison.Ordinal));
    }

    /// <summary>
    /// Sets the CDN lifetime on a public HTML page (and <c>Vary: Accept-Encoding</c>, whatever coding it went out
    /// with), unless the page chose its own <c>Cache-Control</c> (the editor area, forms and error pages say
    /// no-store), sets a cookie, or was made for a signed-in user (then private). Called as the response starts,
    /// for cached and rendered answers alike.
    /// </summary>
    public static void ApplyCachingHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(headers.CacheControl)
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        if (!StringValues.IsNullOrEmpty(headers.SetCookie) || context.User.Identity?.IsAuthenticated == true || MayBeSignedIn(request)
            || KhuyenCong.Web.Pages.Admin.AdminArea.IsPrivatePath(request.Path) || Registrations.RegistrationLimits.IsFormPath(request.Path))
        {
            headers.CacheControl = SignedInCacheControl;
            return;
        }

        headers.CacheControl = CdnCacheControl;
        var vary = headers.Vary;
        if (!vary.Any(v => v?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true))
        {
            headers.Vary = StringValues.Concat(vary, HeaderNames.AcceptEncoding);
        }
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var rules = context.CacheVaryByRules;
        // The framework's default ("*") would make every distinct query string a new entry.
        rules.QueryKeys = StringValues.Empty;
        var request = context.HttpContext.Request;
        if (MayBeSignedIn(request))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        // One entry per coding (ContentCoding reduced the header to br, gzip or none): stored compressed.
        var coding = request.Headers.AcceptEncoding;
        if (coding.Count > 0)
        {
            rules.VaryByValues["enc"] = coding.ToString();
        }

        var query = request.Query;
        if (query.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        List<KeyValuePair<string, string>>? read = null;
        foreach (var key in QueryKeysOf(context.HttpContext.GetEndpoint()))
        {
            var values = query[key];
            var value = values.Count == 0 ? null : values[0]?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                rules.VaryByValues["q:" + key] = value;
                (read ??= []).Add(new(key, value));
            }
        }

        // A URL with query values is looked up as any other, but stored only when it was asked for before, lately.
        if (read is not null)
        {
            context.Tags.Add(QueryTag);
            if (!admission.AskedBefore(context.HttpContext, read))
            {
                context.AllowCacheStorage = false;
            }
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        // Belt and braces: a page made for a signed-in user (however they signed in) is never stored.
        if (context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The query parameters a minimal-API handler declares with [FromQuery], in order: its own parameters and the
    /// properties of its [AsParameters] ones (such as the API's paging pair), each with where it is declared.
    /// </summary>
    public static IEnumerable<(string Name, System.Reflection.ICustomAttributeProvider Declared)> QueryParametersOf(System.Reflection.MethodInfo handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        foreach (var p in handler.GetParameters())
        {
            IEnumerable<(string?, System.Reflection.ICustomAttributeProvider)> declared =
                p.IsDefined(typeof(Microsoft.AspNetCore.Http.AsParametersAttribute), false)
                    ? p.ParameterType.GetProperties().Select(x => ((string?)x.Name, (System.Reflection.ICustomAttributeProvider)x))
                    : [(p.Name, p)];
            foreach (var (name, at) in declared)
            {
                if (at.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), false).OfType<Microsoft.AspNetCore.Mvc.FromQueryAttribute>().FirstOrDefault() is { } q)
                {
                    yield return (q.Name ?? name ?? "", at);
                }
            }
        }
    }

    private static string[] Discover(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page)
        {
            // A minimal-API handler (the open-data API) reads the query parameters it declares with [FromQuery].
            return endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>() is { } handler
                ? [.. QueryParametersOf(handler).Select(p => p.Name.ToLowerInvariant())
                    .Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
                : [];
        }

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var routeValues = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var getHandlers = page.HandlerMethods.Where(h => h.HttpMethod is null || HttpMethods.IsGet(h.HttpMethod)).ToList();
        if (getHandlers.Any(h => h.Name is not null))
        {
            keys.Add("handler");
        }

        foreach (var parameter in getHandlers.SelectMany(h => h.Parameters))
        {
            var source = parameter.BindingInfo?.BindingSource;
            // A parameter with no declared source that the route does not fill is read from the query string.
            var fromQuery = source == BindingSource.Query
                || source is null && parameter.ParameterType != typeof(CancellationToken) && !routeValues.Contains(parameter.Name);
            if (fromQuery)
            {
                keys.Add((parameter.BindingInfo?.BinderModelName ?? parameter.Name).ToLowerInvariant());
            }
        }

        foreach (var property in page.BoundProperties)
        {
            var source = property.BindingInfo?.BindingSource;
            var readOnGet = source == BindingSource.Query
                || (source is null || source == BindingSource.ModelBinding) && property.BindingInfo?.RequestPredicate?.Invoke(GetProbe) == true;
            if (readOnGet)
            {
                keys.Add((property.BindingInfo?.BinderModelName ?? property.Name).ToLowerInvariant());
            }
        }

        return [.. keys];
    }

    private static readonly Microsoft.AspNetCore.Mvc.ActionContext GetProbe = new()
    {
        HttpContext = new DefaultHttpContext { Request = { Method = HttpMethods.Get } },
    };
}
