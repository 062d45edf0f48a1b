using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace KhuyenCong.Web.Services;

/// <summary>
/// The output-cache key of a public page varies only by the query parameters that page reads, so unknown
/// parameters (<c>?x=random</c>) share the entry instead of rendering and storing a new page each time. The keys a
/// page reads are taken from its own binding declarations (<c>[FromQuery(Name = …)]</c> parameters and properties,
/// <c>[BindProperty(SupportsGet = true)]</c>): one declaration per page, nothing to keep in sync. Values are
/// normalised as model binding sees them: key names without regard to case, the first value only, surrounding
/// white space trimmed, empty and blank values the same as absent. Endpoints that are not pages read the query
/// parameters their handler declares with <c>[FromQuery]</c> (none for most).
/// </summary>
public sealed class PublicCache : IOutputCachePolicy
{
    /// <summary>The named policy every cached page and endpoint uses (<c>[OutputCache(PolicyName = …)]</c>).</summary>
    public const string Policy = "public";

    /// <summary>Setting that turns the output cache off (the benchmark's "uncached" instance).</summary>
    public const string DisabledSetting = "Cache:Disabled";

    private static readonly ConcurrentDictionary<Endpoint, string[]> KeysByEndpoint = new();

    /// <summary>The query keys the endpoint reads (lower case, sorted).</summary>
    public static string[] QueryKeysOf(Endpoint? endpoint) =>
        endpoint is null ? [] : KeysByEndpoint.GetOrAdd(endpoint, static e => Discover(e));

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var rules = context.CacheVaryByRules;
        // The framework's default ("*") would make every distinct query string a new entry.
        rules.QueryKeys = StringValues.Empty;
        var query = context.HttpContext.Request.Query;
        if (query.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var key in QueryKeysOf(context.HttpContext.GetEndpoint()))
        {
            var values = query[key];
            var value = values.Count == 0 ? null : values[0]?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                rules.VaryByValues["q:" + key] = value;
            }
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private static string[] Discover(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page)
        {
            // A minimal-API handler (the open-data API) reads the query parameters it declares with [FromQuery].
            return endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>() is { } handler
                ? [.. handler.GetParameters()
                    .Select(p => p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), false).OfType<Microsoft.AspNetCore.Mvc.FromQueryAttribute>().FirstOrDefault() is { } q
                        ? (q.Name ?? p.Name ?? "").ToLowerInvariant() : null)
                    .Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
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
