using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Caching;

namespace KhuyenCong.Web.Tests.Security;

/// <summary>The app with two meters: pages rendered (a global page filter) and entries stored in the output cache.</summary>
public sealed class MeteredCacheSite : SiteFactory
{
    public CountingStore? Store { get; private set; }
    public RenderCounter Renders { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            var original = s.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            s.Remove(original);
            s.AddSingleton<IOutputCacheStore>(sp =>
            {
                var inner = original.ImplementationFactory is { } factory ? (IOutputCacheStore)factory(sp)
                    : original.ImplementationInstance as IOutputCacheStore ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
                return Store = new CountingStore(inner);
            });
            s.Configure<MvcOptions>(o => o.Filters.Add(Renders));
        });
    }

    public sealed class CountingStore(IOutputCacheStore inner) : IOutputCacheStore
    {
        private int sets;

        public int Sets => Volatile.Read(ref sets);

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref sets);
            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }

    public sealed class RenderCounter : IAsyncPageFilter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(next);
            Interlocked.Increment(ref count);
            return next();
        }
    }
}

/// <summary>
/// Unknown query parameters must not make new cache entries: each page varies its cached copy only by the
/// parameters it reads, normalised (key case, order, blank values, surrounding white space).
/// </summary>
public sealed class CacheFloodTests(MeteredCacheSite site) : IClassFixture<MeteredCacheSite>
{
    [Theory]
    [InlineData("/chuong-trinh")]
    [InlineData("/")]
    [InlineData("/tin-tuc?trang=2")]
    [InlineData("/tim-kiem?q=dao%20tao")]
    [InlineData("/san-pham?nhom=che-bien-thuc-pham")]
    public async Task A_thousand_unknown_query_parameters_render_nothing_and_store_nothing(string url)
    {
        var client = site.Browser();
        var first = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        // A URL with query values is stored the second time it is asked for (QueryAdmission).
        Assert.Equal(first, await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        var (renders, sets) = (site.Renders.Count, site.Store!.Sets);
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var i = 0; i < 1000; i++)
        {
            var noise = Guid.NewGuid().ToString("N");
            var flooded = i % 2 == 0 ? $"{url}{separator}x{i}={noise}" : $"{url}{separator}{noise}={i}&utm_source={noise}";
            using var response = await client.GetAsync(new Uri(flooded, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Checked as it goes: a flood that renders fails at once instead of rendering a thousand pages.
            Assert.True(site.Renders.Count == renders, $"request {i + 1} ({flooded}) rendered the page again");
        }

        Assert.Equal(0, site.Renders.Count - renders);
        Assert.Equal(0, site.Store.Sets - sets);
        Assert.Equal(first, await client.GetStringAsync(new Uri($"{url}{separator}x=last", UriKind.Relative)));
    }

    [Fact]
    public async Task A_thousand_searches_asked_once_store_nothing_and_one_asked_again_is_stored()
    {
        var client = site.Browser();
        var sets = site.Store!.Sets;
        for (var i = 0; i < 1000; i++)
        {
            using var response = await client.GetAsync(new Uri($"/tim-kiem?q=zq{Guid.NewGuid():N}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, site.Store.Sets - sets);

        // The same search again (its key in another order and case) is stored, and then answered from the cache.
        var renders = site.Renders.Count;
        var first = await client.GetStringAsync(new Uri("/tim-kiem?q=khuyen%20cong%20tinh&loai=article", UriKind.Relative));
        Assert.Equal(sets, site.Store.Sets);
        Assert.Equal(first, await client.GetStringAsync(new Uri("/TIM-KIEM?loai=article&Q=khuyen%20cong%20tinh", UriKind.Relative)));
        Assert.Equal(sets + 1, site.Store.Sets);
        Assert.Equal(first, await client.GetStringAsync(new Uri("/tim-kiem?q=khuyen%20cong%20tinh&loai=article&x=1", UriKind.Relative)));
        Assert.Equal(2, site.Renders.Count - renders);
        Assert.Equal(sets + 1, site.Store.Sets);

        // A page without query values is stored the first time.
        var before = site.Store.Sets;
        (await client.GetAsync(new Uri("/tim-kiem", UriKind.Relative))).Dispose();
        Assert.Equal(before + 1, site.Store.Sets);
    }

    [Fact]
    public async Task Going_quiet_drops_the_stored_pages_with_query_values_and_keeps_the_others()
    {
        var client = site.Browser();
        var search = new Uri("/tim-kiem?q=khuyen%20cong%20lang%20nghe", UriKind.Relative);
        var plain = new Uri("/chuong-trinh", UriKind.Relative);
        var page = await client.GetStringAsync(search);
        Assert.Equal(page, await client.GetStringAsync(search));   // stored on its second ask
        await client.GetStringAsync(plain);
        var renders = site.Renders.Count;
        await client.GetStringAsync(search);
        await client.GetStringAsync(plain);
        Assert.Equal(renders, site.Renders.Count);

        Assert.True(await IdleMemoryRelease.DropQueryPagesAsync(site.Services.GetRequiredService<IOutputCacheStore>(), site.Services.GetRequiredService<RedisConnection>(), CancellationToken.None));
        await client.GetStringAsync(plain);
        Assert.Equal(renders, site.Renders.Count);
        Assert.Equal(page, await client.GetStringAsync(search));
        Assert.Equal(renders + 1, site.Renders.Count);
    }

    [Fact]
    public async Task Feeds_and_data_files_ignore_unknown_parameters_too()
    {
        var client = site.Browser();
        foreach (var url in new[] { "/rss.xml", "/sitemap.xml", "/api/v1/program" })
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).Dispose();
            var sets = site.Store!.Sets;
            for (var i = 0; i < 50; i++)
            {
                (await client.GetAsync(new Uri($"{url}?x={Guid.NewGuid():N}", UriKind.Relative))).Dispose();
            }

            Assert.Equal(0, site.Store.Sets - sets);
        }
    }

    [Fact]
    public async Task An_unknown_parameter_never_shows_in_a_cached_answer()
    {
        // The answer is shared with every request that differs only by unknown parameters, so nothing in it may
        // echo them (the API's "next" link used to copy the whole query string).
        var client = site.Browser();
        var flooded = await client.GetStringAsync(new Uri("/api/v1/articles?limit=1&utm_source=flood", UriKind.Relative));
        var next = System.Text.Json.Nodes.JsonNode.Parse(flooded)!["next"]!.GetValue<string>();
        Assert.Contains("limit=1", next, StringComparison.Ordinal);
        Assert.DoesNotContain("utm_source", next, StringComparison.Ordinal);
        Assert.Equal(flooded, await client.GetStringAsync(new Uri("/api/v1/articles?limit=1", UriKind.Relative)));
        var page = await client.GetStringAsync(new Uri("/tin-tuc?trang=2&utm_source=flood", UriKind.Relative));
        Assert.DoesNotContain("utm_source", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_parameters_are_normalised_for_case_order_blanks_and_white_space()
    {
        var client = site.Browser();
        var page2 = await client.GetStringAsync(new Uri("/tin-tuc?trang=2", UriKind.Relative));
        // Stored the second time it is asked for (QueryAdmission).
        Assert.Equal(page2, await client.GetStringAsync(new Uri("/tin-tuc?trang=2", UriKind.Relative)));
        var page1 = await client.GetStringAsync(new Uri("/tin-tuc", UriKind.Relative));
        Assert.NotEqual(page1, page2);
        var renders = site.Renders.Count;
        foreach (var same2 in new[] { "/tin-tuc?TRANG=2", "/tin-tuc?x=1&trang=2", "/tin-tuc?trang=%202%20", "/tin-tuc?trang=2&loai=" })
        {
            Assert.Equal(page2, await client.GetStringAsync(new Uri(same2, UriKind.Relative)));
        }

        foreach (var same1 in new[] { "/tin-tuc?trang=", "/tin-tuc?trang=%20", "/tin-tuc?trang" })
        {
            Assert.Equal(page1, await client.GetStringAsync(new Uri(same1, UriKind.Relative)));
        }

        Assert.Equal(0, site.Renders.Count - renders);
    }

    [Fact]
    public async Task Each_page_varies_by_every_parameter_it_reads()
    {
        var client = site.Browser();
        var all = await client.GetStringAsync(new Uri("/van-ban", UriKind.Relative));
        var keyword = await client.GetStringAsync(new Uri("/van-ban?tu-khoa=1625", UriKind.Relative));
        Assert.NotEqual(all, keyword);
        var search1 = await client.GetStringAsync(new Uri("/tim-kiem?q=khuyen%20cong", UriKind.Relative));
        var search2 = await client.GetStringAsync(new Uri("/tim-kiem?q=hoi%20cho", UriKind.Relative));
        Assert.NotEqual(search1, search2);
    }

    [Fact]
    public void Every_output_cached_page_uses_the_policy_that_ignores_unknown_parameters()
    {
        // A bare [OutputCache] varies by every query key, so each unknown parameter would store a new entry.
        var bare = typeof(Program).Assembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttributes(typeof(OutputCacheAttribute), inherit: true).OfType<OutputCacheAttribute>().FirstOrDefault()))
            .Where(x => x.Attribute is not null && x.Attribute.PolicyName != KhuyenCong.Web.Services.Caching.PublicCache.Policy && !x.Attribute.NoStore)
            .Select(x => x.Type.FullName)
            .ToList();
        Assert.True(bare.Count == 0, "pages cached without the public policy: " + string.Join(", ", bare));
    }
}
