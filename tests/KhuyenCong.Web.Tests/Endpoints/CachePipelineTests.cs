using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Endpoints;

/// <summary>
/// The app with meters on what a cached answer must not pay for: compressions made (per coding), authentications
/// run, and entries stored in the output cache.
/// </summary>
public sealed class MeteredPipelineSite : SiteFactory
{
    private int authentications;

    public CountingCompression Brotli { get; } = new(new BrotliCompressionProvider(Microsoft.Extensions.Options.Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Fastest })));
    public CountingCompression Gzip { get; } = new(new GzipCompressionProvider(Microsoft.Extensions.Options.Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Fastest })));
    public int Authentications => Volatile.Read(ref authentications);
    public int Stored => Volatile.Read(ref stored);
    private int stored;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.PostConfigure<ResponseCompressionOptions>(o =>
            {
                o.Providers.Clear();
                o.Providers.Add(Brotli);
                o.Providers.Add(Gzip);
            });
            var auth = s.Last(d => d.ServiceType == typeof(IAuthenticationService));
            s.Remove(auth);
            s.AddScoped<IAuthenticationService>(sp => new CountingAuthentication(
                (IAuthenticationService)ActivatorUtilities.CreateInstance(sp, auth.ImplementationType!), () => Interlocked.Increment(ref authentications)));
            var store = s.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            s.Remove(store);
            s.AddSingleton<IOutputCacheStore>(sp => new CountingStore(
                store.ImplementationFactory is { } factory ? (IOutputCacheStore)factory(sp)
                    : store.ImplementationInstance as IOutputCacheStore ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!),
                () => Interlocked.Increment(ref stored)));
        });
    }

    public sealed class CountingCompression(ICompressionProvider inner) : ICompressionProvider
    {
        private int count;

        public int Count => Volatile.Read(ref count);
        public string EncodingName => inner.EncodingName;
        public bool SupportsFlush => inner.SupportsFlush;

        public Stream CreateStream(Stream outputStream)
        {
            Interlocked.Increment(ref count);
            return inner.CreateStream(outputStream);
        }
    }

    private sealed class CountingAuthentication(IAuthenticationService inner, Action counted) : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
        {
            counted();
            return inner.AuthenticateAsync(context, scheme);
        }

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ChallengeAsync(context, scheme, properties);
        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ForbidAsync(context, scheme, properties);
        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => inner.SignInAsync(context, scheme, principal, properties);
        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.SignOutAsync(context, scheme, properties);
    }

    private sealed class CountingStore(IOutputCacheStore inner, Action counted) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            counted();
            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }
}

/// <summary>
/// A cached anonymous page costs little more than writing its bytes: it is compressed once per coding when it is
/// stored, no authentication runs for it, and a request that may be signed in never meets the cache.
/// </summary>
public sealed class CachePipelineTests(MeteredPipelineSite site) : IClassFixture<MeteredPipelineSite>
{
    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Decode(byte[] body, string? coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public async Task A_cached_page_is_compressed_once_per_coding_and_its_hits_run_no_authentication()
    {
        var client = site.Browser();
        const string url = "/tin-tuc";
        var (plain, plainBody) = await GetAsync(client, url, null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        foreach (var (coding, meter) in new[] { ("br", site.Brotli), ("gzip", site.Gzip) })
        {
            var (first, firstBody) = await GetAsync(client, url, coding);
            Assert.Equal(coding, Assert.Single(first.Content.Headers.ContentEncoding));
            Assert.Equal(plainBody, Decode(firstBody, coding));
            var (compressions, authentications) = (meter.Count, site.Authentications);
            for (var i = 0; i < 20; i++)
            {
                var (hit, hitBody) = await GetAsync(client, url, coding);
                Assert.True(hit.Headers.Age is not null, "answered from the output cache");
                Assert.Equal(coding, Assert.Single(hit.Content.Headers.ContentEncoding));
                Assert.Equal(firstBody, hitBody);
            }

            Assert.Equal(0, meter.Count - compressions);
            Assert.Equal(0, site.Authentications - authentications);
        }
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip;q=1.0, br;q=0.5", "gzip")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("*", "br")]
    [InlineData("deflate", null)]
    [InlineData("identity", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    public async Task The_browsers_preference_picks_the_coding(string acceptEncoding, string? expected)
    {
        var (response, body) = await GetAsync(site.Browser(), "/van-ban", acceptEncoding);
        if (expected is null)
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        }

        Assert.Contains("</html>", System.Text.Encoding.UTF8.GetString(Decode(body, expected)), StringComparison.Ordinal);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Made_up_accept_encoding_values_add_no_cache_entries()
    {
        var client = site.Browser();
        foreach (var coding in new[] { null, "br", "gzip" })
        {
            await GetAsync(client, "/", coding);
        }

        var stored = site.Stored;
        for (var i = 0; i < 200; i++)
        {
            var noise = Guid.NewGuid().ToString("N");
            await GetAsync(client, "/", (i % 3) switch { 0 => $"x-{noise}", 1 => $"br, x-{noise};q=0.{i % 9 + 1}", _ => $"gzip;q=0.{i % 9 + 1}, {noise}" });
        }

        Assert.Equal(0, site.Stored - stored);
    }

    [Fact]
    public async Task Public_pages_carry_a_cdn_lifetime_and_a_signed_in_view_is_private_and_never_cached()
    {
        var anonymous = site.Browser();
        await GetAsync(anonymous, "/chuyen-muc/tin-khuyen-cong", null);
        var (cached, _) = await GetAsync(anonymous, "/chuyen-muc/tin-khuyen-cong", null);
        Assert.NotNull(cached.Headers.Age);
        var control = cached.Headers.CacheControl!;
        Assert.True(control.Public);
        Assert.NotNull(control.SharedMaxAge);
        Assert.True(control.MaxAge <= TimeSpan.FromMinutes(5));
        Assert.Contains("Accept-Encoding", cached.Headers.Vary);

        var editor = await site.SignInAsync(Roles.Editor);
        var stored = site.Stored;
        var (signedIn, _) = await GetAsync(editor, "/chuyen-muc/tin-khuyen-cong", "br");
        Assert.Null(signedIn.Headers.Age);
        Assert.True(signedIn.Headers.CacheControl!.Private);
        Assert.False(signedIn.Headers.CacheControl.Public);
        await GetAsync(editor, "/tin-tuc?trang=2", null);
        Assert.Equal(0, site.Stored - stored);

        // The editor area and the forms keep their own no-store.
        using var admin = await editor.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.True(admin.Headers.CacheControl!.NoStore);
        using var form = await anonymous.GetAsync(new Uri("/dang-ky-ho-tro", UriKind.Relative));
        Assert.True(form.Headers.CacheControl!.NoStore);
        using var login = await anonymous.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        Assert.True(login.Headers.CacheControl!.NoStore);
    }
}
