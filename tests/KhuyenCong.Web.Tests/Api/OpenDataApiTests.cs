using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Api;

/// <summary>
/// The open-data API through HTTP: every list and item endpoint, paging to the end, each filter, conditional
/// requests, CORS, problem details for bad input, and the live rules (nothing unpublished ever appears). Every
/// 200 JSON answer is checked against the OpenAPI document's schema for its operation.
/// </summary>
public sealed class OpenDataApiTests(OpenDataApiTests.ApiSite site) : IClassFixture<OpenDataApiTests.ApiSite>
{
    /// <summary>The app with a rate limit these many requests from one address stay under.</summary>
    public sealed class ApiSite : SiteFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, c) => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(c,
                new Dictionary<string, string?> { ["Api:RequestsPerMinute"] = "1000000" }));
        }
    }

    /// <summary>Every list endpoint with the path of its item endpoint (null when it has none) and the item key field.</summary>
    public static TheoryData<string, string?, string> Lists => new()
    {
        { "/api/v1/articles", "/api/v1/articles/{slug}", "slug" },
        { "/api/v1/documents", "/api/v1/documents/{slug}", "slug" },
        { "/api/v1/products", "/api/v1/products/{slug}", "slug" },
        { "/api/v1/establishments", "/api/v1/establishments/{slug}", "slug" },
        { "/api/v1/showrooms", "/api/v1/showrooms/{slug}", "slug" },
        { "/api/v1/tv-segments", "/api/v1/tv-segments/{slug}", "slug" },
        { "/api/v1/fairs", "/api/v1/fairs/{slug}", "slug" },
        { "/api/v1/places", "/api/v1/places/{code}", "code" },
        { "/api/v1/topics", "/api/v1/topics/{slug}", "slug" },
        { "/api/v1/tags", "/api/v1/tags/{slug}", "slug" },
    };

    private async Task<ApiSchemas> SchemasAsync() => await ApiSchemas.LoadAsync(site.CreateClient());

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Follows next links to the end and returns every item.</summary>
    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, string url, ApiSchemas? schemas = null, string? template = null)
    {
        var items = new List<JsonNode>();
        string? next = url;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 500, "paging never ends");
            var response = await client.GetAsync(next);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{next}: {(int)response.StatusCode} {body}");
            if (schemas is not null)
            {
                schemas.AssertValid(template ?? new Uri(new Uri("https://x"), url).AbsolutePath, 200, body);
            }

            var page = JsonNode.Parse(body)!;
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            next = page["next"]?.GetValue<string>();
            if (next is not null)
            {
                Assert.StartsWith("https://khuyencong.test/api/v1/", next, StringComparison.Ordinal);
                next = new Uri(next).PathAndQuery;
            }
        }

        return items;
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_pages_to_the_end_without_duplicates_or_gaps_and_every_item_has_its_page(string list, string? item, string key)
    {
        var client = site.CreateClient();
        var schemas = await SchemasAsync();
        var whole = await AllPagesAsync(client, list + "?limit=100", schemas, list);
        Assert.NotEmpty(whole);
        var byTwo = await AllPagesAsync(client, list + "?limit=2", schemas, list);
        var keys = byTwo.Select(i => i[key]!.ToString()).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(whole.Select(i => i[key]!.ToString()), keys);

        // Each item: its own endpoint answers with the same item, valid against the schema; its url is its public page.
        foreach (var entry in whole.Take(3))
        {
            var response = await client.GetAsync(item!.Replace("{" + key + "}", Uri.EscapeDataString(entry[key]!.ToString()), StringComparison.Ordinal));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            schemas.AssertValid(item, 200, body);
            Assert.Equal(entry[key]!.ToString(), JsonNode.Parse(body)![key]!.ToString());
            if (entry["url"] is { } url)
            {
                var path = new Uri(url.GetValue<string>()).AbsolutePath;
                Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync(path)).StatusCode);
            }
        }

        var missing = await client.GetAsync(item!.Replace("{" + key + "}", "khong-co-muc-nay", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        schemas.AssertValid(item, 404, await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Images_come_with_their_variants_as_absolute_urls_that_answer()
    {
        var client = site.CreateClient();
        var products = await JsonAsync(await client.GetAsync("/api/v1/products?limit=100"));
        var image = products["items"]!.AsArray().Select(p => p!["image"]).First(i => i is not null)!;
        var variants = image["variants"]!.AsArray();
        Assert.NotEmpty(variants);
        foreach (var v in variants)
        {
            foreach (var format in new[] { "webp", "jpeg" })
            {
                var path = new Uri(v![format]!.GetValue<string>()).AbsolutePath;
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
            }
        }

        Assert.False(string.IsNullOrWhiteSpace(image["alt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Product_facets_have_the_same_counts_as_the_product_page()
    {
        var client = site.CreateClient();
        foreach (var (api, page) in new[]
                 {
                     ("", ""),
                     ("group=che-bien-thuc-pham", "nhom=che-bien-thuc-pham"),
                     ("level=tinh&kind=ho-kinh-doanh", "cap=tinh&loai-co-so=ho-kinh-doanh"),
                     ("place=ben-tre&q=dua", "noi=ben-tre&tu-khoa=dua"),
                 })
        {
            var json = await JsonAsync(await client.GetAsync("/api/v1/products?limit=100&" + api));
            var html = await client.GetHtmlAsync("/san-pham?" + page);
            Assert.Equal(html.QuerySelector("[data-total]")!.GetAttribute("data-total"), json["total"]!.ToString());
            Assert.Equal(json["total"]!.GetValue<int>(), json["items"]!.AsArray().Count);
            foreach (var (facet, select) in new[] { ("group", "nhom"), ("level", "cap"), ("year", "nam"), ("place", "noi"), ("kind", "loai-co-so") })
            {
                var fromPage = html.QuerySelectorAll($"select#{select} option[data-count]")
                    .Select(o => (o.GetAttribute("value") ?? "", o.GetAttribute("data-count") ?? "")).ToList();
                var fromApi = json["facets"]![facet]!.AsArray().Select(o => (o!["code"]!.ToString(), o["count"]!.ToString())).ToList();
                Assert.Equal(fromPage, fromApi);
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/products?group=thu-cong-my-nghe", "group", "thu-cong-my-nghe")]
    [InlineData("/api/v1/products?kind=hop-tac-xa", "establishment", null)]
    [InlineData("/api/v1/establishments?kind=hop-tac-xa", "kind", "hop-tac-xa")]
    [InlineData("/api/v1/documents?inForce=false", "inForce", "false")]
    [InlineData("/api/v1/documents?inForce=true", "inForce", "true")]
    [InlineData("/api/v1/places?level=district", "level", "district")]
    [InlineData("/api/v1/places?valid=false", "valid", "false")]
    [InlineData("/api/v1/places?valid=true", "valid", "true")]
    [InlineData("/api/v1/fairs?status=da-ket-thuc", "status", "da-ket-thuc")]
    [InlineData("/api/v1/search?q=dua&kind=product", "kind", "product")]
    public async Task Each_filter_keeps_only_matching_items(string url, string field, string? expected)
    {
        var client = site.CreateClient();
        var all = await AllPagesAsync(client, url);
        Assert.NotEmpty(all);
        if (expected is not null)
        {
            Assert.All(all, i => Assert.Equal(expected, i[field]!.ToString(), ignoreCase: true));
        }

        // The filter narrows the list: the unfiltered list has more (so the cache key varies by the filter too).
        var unfiltered = await AllPagesAsync(client, url[..url.IndexOf('?', StringComparison.Ordinal)] + (url.Contains("search", StringComparison.Ordinal) ? "?q=dua" : ""));
        Assert.True(unfiltered.Count > all.Count, $"{url}: {all.Count} of {unfiltered.Count}");
    }

    [Fact]
    public async Task Article_filters_by_topic_tag_dates_and_text()
    {
        var client = site.CreateClient();
        var all = await AllPagesAsync(client, "/api/v1/articles?limit=100");
        var sample = all.First(a => a["topic"] is not null && a["tags"]!.AsArray().Count > 0);
        var topic = sample["topic"]!["slug"]!.ToString();
        var byTopic = await AllPagesAsync(client, "/api/v1/articles?topic=" + topic);
        Assert.Equal(all.Count(a => a["topic"]?["slug"]?.ToString() == topic), byTopic.Count);
        Assert.All(byTopic, a => Assert.Equal(topic, a["topic"]!["slug"]!.ToString()));

        var tag = sample["tags"]![0]!["slug"]!.ToString();
        var byTag = await AllPagesAsync(client, "/api/v1/articles?tag=" + tag);
        Assert.Equal(all.Count(a => a["tags"]!.AsArray().Any(t => t!["slug"]!.ToString() == tag)), byTag.Count);

        var day = DateTimeOffset.Parse(sample["publishedAt"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var d = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var onDay = await AllPagesAsync(client, $"/api/v1/articles?from={d}&to={d}");
        Assert.Contains(onDay, a => a["slug"]!.ToString() == sample["slug"]!.ToString());
        Assert.All(onDay, a => Assert.Equal(d, a["publishedAt"]!.ToString()[..10]));
        Assert.True(onDay.Count < all.Count);

        // A word of the title, typed without diacritics, finds the article.
        var word = TextFolding.Tokens(sample["title"]!.ToString()).OrderByDescending(w => w.Length).First();
        var byText = await AllPagesAsync(client, "/api/v1/articles?q=" + Uri.EscapeDataString(word));
        Assert.Contains(byText, a => a["slug"]!.ToString() == sample["slug"]!.ToString());
        Assert.True(byText.Count < all.Count);
    }

    [Fact]
    public async Task Documents_filter_by_kind_issuer_year_and_number()
    {
        var client = site.CreateClient();
        var all = await AllPagesAsync(client, "/api/v1/documents?limit=100");
        var sample = all.First(d => d["number"] is not null && d["issuedOn"] is not null);
        foreach (var (param, field) in new[] { ("kind", "kind"), ("issuer", "issuer"), ("number", "number") })
        {
            var value = sample[field]!.ToString();
            var found = await AllPagesAsync(client, $"/api/v1/documents?{param}={Uri.EscapeDataString(value)}");
            Assert.Equal(all.Count(d => d[field]?.ToString() == value), found.Count);
            Assert.Contains(found, d => d["slug"]!.ToString() == sample["slug"]!.ToString());
        }

        var year = sample["issuedOn"]!.ToString()[..4];
        var inYear = await AllPagesAsync(client, "/api/v1/documents?year=" + year);
        Assert.Equal(all.Count(d => d["issuedOn"]?.ToString().StartsWith(year, StringComparison.Ordinal) == true), inYear.Count);
    }

    [Fact]
    public async Task Tv_segments_carry_the_transcript_and_a_captions_track_and_fairs_a_calendar()
    {
        var client = site.CreateClient();
        var tv = (await JsonAsync(await client.GetAsync("/api/v1/tv-segments?limit=1")))["items"]![0]!;
        Assert.False(string.IsNullOrWhiteSpace(tv["transcript"]!.ToString()));
        var vtt = await client.GetAsync(new Uri(tv["captionsUrl"]!.ToString()).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, vtt.StatusCode);
        Assert.StartsWith("WEBVTT", await vtt.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fair = (await JsonAsync(await client.GetAsync("/api/v1/fairs?limit=1")))["items"]![0]!;
        var ics = await client.GetAsync(new Uri(fair["calendarUrl"]!.ToString()).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Contains("BEGIN:VCALENDAR", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_carry_the_vietnam_offset_and_days_are_plain()
    {
        var client = site.CreateClient();
        var article = (await JsonAsync(await client.GetAsync("/api/v1/articles?limit=1")))["items"]![0]!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", article["publishedAt"]!.ToString());
        var fair = (await JsonAsync(await client.GetAsync("/api/v1/fairs?limit=1")))["items"]![0]!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", fair["startsOn"]!.ToString());
    }

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/products?group=co-khi")]
    [InlineData("/api/v1/articles/{first}")]
    [InlineData("/api/v1/program")]
    [InlineData("/openapi/v1.json")]
    public async Task Validators_give_304_and_headers_suit_a_cdn(string url)
    {
        var client = site.CreateClient();
        if (url.Contains("{first}", StringComparison.Ordinal))
        {
            var first = (await JsonAsync(await client.GetAsync("/api/v1/articles?limit=1")))["items"]![0]!["slug"]!.ToString();
            url = url.Replace("{first}", first, StringComparison.Ordinal);
        }

        // Twice: the first answer is rendered, the second comes from the output cache; both carry the validators.
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);
            Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etag!);
            var notModified = await client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            using var other = new HttpRequestMessage(HttpMethod.Get, url);
            other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
        }
    }

    [Fact]
    public async Task Last_modified_answers_if_modified_since_with_304()
    {
        var client = site.CreateClient();
        var response = await client.GetAsync("/api/v1/documents");
        var lastModified = response.Content.Headers.LastModified;
        Assert.NotNull(lastModified);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/documents?limit=20");
        request.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Cors_is_open_for_get_and_the_preflight_allows_conditional_requests()
    {
        var client = site.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/topics");
        get.Headers.Add("Origin", "https://cong.example.gov.vn");
        var response = await client.SendAsync(get);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/products?group=co-khi");
        preflight.Headers.Add("Origin", "https://cong.example.gov.vn");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var answer = await client.SendAsync(preflight);
        Assert.True(answer.IsSuccessStatusCode);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("POST", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("If-None-Match", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/products?group=co-khi")]
    [InlineData("/api/v1/program")]
    [InlineData("/api/v1/places")]
    public async Task Head_answers_like_get_and_writing_methods_get_405_in_the_api_language(string url)
    {
        var client = site.CreateClient();
        using var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(head.Headers.ETag);
        if (!url.StartsWith("/api/v1/program", StringComparison.Ordinal))
        {
            // (The programme's document carries the time its figures were computed, so its tag moves.)
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        }

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("GET", string.Join(",", response.Content.Headers.Allow), StringComparison.Ordinal);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(405, (int)problem["status"]!);
            Assert.Contains("Phương thức", (string)problem["title"]!, StringComparison.Ordinal);
        }
    }

    /// <summary>Every query parameter of every operation, with values it must refuse.</summary>
    public static TheoryData<string, string> BadParameters()
    {
        var operations = new Dictionary<string, string[]>
        {
            ["/api/v1/articles"] = ["limit", "cursor", "topic", "tag", "from", "to", "q"],
            ["/api/v1/documents"] = ["limit", "cursor", "year", "inForce", "kind", "issuer", "number"],
            ["/api/v1/products"] = ["limit", "cursor", "group", "level", "year", "place", "kind", "q"],
            ["/api/v1/establishments"] = ["limit", "cursor", "kind", "place"],
            ["/api/v1/showrooms"] = ["limit", "cursor", "place"],
            ["/api/v1/tv-segments"] = ["limit", "cursor"],
            ["/api/v1/fairs"] = ["limit", "cursor", "status", "year"],
            ["/api/v1/places"] = ["limit", "cursor", "level", "valid"],
            ["/api/v1/topics"] = ["limit", "cursor"],
            ["/api/v1/tags"] = ["limit", "cursor"],
            ["/api/v1/questions"] = ["limit", "cursor", "topic"],
            ["/api/v1/search"] = ["limit", "cursor", "kind", "q"],
        };
        var data = new TheoryData<string, string>();
        foreach (var (path, parameters) in operations)
        {
            foreach (var p in parameters)
            {
                data.Add(path, p);
            }
        }

        return data;
    }

    private static readonly string[] FreeText = ["q", "kind", "issuer", "number", "topic", "tag"];

    private static readonly string[] BadValues =
        ["abc", "-1", "0", "999999999999999999999", "1e3", "\0", "' OR 1=1 --", "<script>", new string('x', 5000), "２０２４", "true false", "2024-13-45", "ZZZ:1:2", "YXJ0aWNsZXM6LTE6LTE"];

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Bad_values_of_every_parameter_are_a_problem_naming_it_and_never_a_5xx(string path, string parameter)
    {
        var client = site.CreateClient();
        var schemas = await SchemasAsync();
        var refused = 0;
        foreach (var value in BadValues)
        {
            var query = $"{parameter}={Uri.EscapeDataString(value)}" + (path.EndsWith("search", StringComparison.Ordinal) && parameter != "q" ? "&q=dua" : "");
            var response = await client.GetAsync($"{path}?{query}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{path}?{parameter}={value[..Math.Min(value.Length, 30)]}: {(int)response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                refused++;
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = JsonNode.Parse(body)!;
                Assert.Equal(parameter, problem["parameter"]!.ToString());
                Assert.Contains(parameter, problem["title"]!.ToString(), StringComparison.Ordinal);
                Assert.Equal(400, problem["status"]!.GetValue<int>());
                schemas.AssertValid(path, 400, body);
            }
            else
            {
                // A free-text filter may accept an odd value: then it is a valid, usually empty, list.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(parameter, FreeText);
                schemas.AssertValid(path, 200, body);
            }
        }

        Assert.True(refused > 0, $"{path}: no value of {parameter} was refused");
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_problem_not_an_html_page()
    {
        var response = await site.CreateClient().GetAsync("/api/v1/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Không tìm thấy.", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.ToString());
    }

    [Fact]
    public async Task Drafts_scheduled_withdrawn_and_archived_articles_never_appear_and_publishing_reaches_the_cached_list()
    {
        var client = site.CreateClient();
        var article = await site.NewArticleAsync("Bài kiểm tra dữ liệu mở nháp", status: ContentStatus.Draft);
        async Task<bool> ListedAsync() => (await AllPagesAsync(client, "/api/v1/articles?limit=100")).Any(a => a["slug"]!.ToString() == article.Slug);
        async Task<HttpStatusCode> ItemAsync() => (await client.GetAsync("/api/v1/articles/" + article.Slug)).StatusCode;
        async Task<bool> FoundAsync() => (await AllPagesAsync(client, "/api/v1/search?q=" + Uri.EscapeDataString("kiem tra du lieu mo nhap"))).Any(h => h["url"]!.ToString().EndsWith(article.Slug, StringComparison.Ordinal));

        Assert.False(await ListedAsync());
        Assert.Equal(HttpStatusCode.NotFound, await ItemAsync());
        Assert.False(await FoundAsync());

        // Published through the publisher: the cached list is evicted and the article appears.
        article.Status = ContentStatus.Published;
        await site.SaveAsync(article);
        Assert.True(await ListedAsync());
        Assert.Equal(HttpStatusCode.OK, await ItemAsync());
        Assert.True(await FoundAsync());

        // Scheduled for later: gone until its time.
        article.PublishAt = DateTime.UtcNow.AddDays(1);
        await site.SaveAsync(article);
        Assert.False(await ListedAsync());
        Assert.Equal(HttpStatusCode.NotFound, await ItemAsync());
        Assert.False(await FoundAsync());

        // Withdrawn (unpublish date passed).
        article.PublishAt = DateTime.UtcNow.AddDays(-2);
        article.UnpublishAt = DateTime.UtcNow.AddMinutes(-1);
        await site.SaveAsync(article);
        Assert.False(await ListedAsync());
        Assert.Equal(HttpStatusCode.NotFound, await ItemAsync());

        // Archived.
        article.UnpublishAt = null;
        article.Status = ContentStatus.Archived;
        await site.SaveAsync(article);
        Assert.False(await ListedAsync());
        Assert.Equal(HttpStatusCode.NotFound, await ItemAsync());
    }

    [Fact]
    public async Task An_unpublished_product_leaves_the_list_the_counts_the_item_and_the_downloads()
    {
        var client = site.CreateClient();
        var before = await JsonAsync(await client.GetAsync("/api/v1/products?limit=100"));
        var slug = before["items"]![0]!["slug"]!.ToString();
        var csvBefore = await client.GetStringAsync("/api/v1/downloads/san-pham.csv");
        Assert.Contains(slug, csvBefore, StringComparison.Ordinal);

        Task SetStatusAsync(ContentStatus status) => site.WithDbAsync(async (db, sp) =>
        {
            var product = await db.Products.FirstAsync(p => p.Slug == slug);
            product.Status = status;
            await sp.GetRequiredService<ContentPublisher>().SaveAsync(product, "test", "save");
            return 0;
        });
        await SetStatusAsync(ContentStatus.Draft);
        try
        {
            var after = await JsonAsync(await client.GetAsync("/api/v1/products?limit=100"));
            Assert.DoesNotContain(after["items"]!.AsArray(), p => p!["slug"]!.ToString() == slug);
            Assert.Equal(before["total"]!.GetValue<int>() - 1, after["total"]!.GetValue<int>());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/products/" + slug)).StatusCode);
            Assert.DoesNotContain(slug, await client.GetStringAsync("/api/v1/downloads/san-pham.csv"), StringComparison.Ordinal);
            Assert.DoesNotContain(slug, await client.GetStringAsync("/api/v1/downloads/san-pham.json"), StringComparison.Ordinal);
        }
        finally
        {
            await SetStatusAsync(ContentStatus.Published);
        }
    }

    [Fact]
    public async Task Contact_details_appear_only_with_consent_and_internal_fields_never()
    {
        var client = site.CreateClient();
        var all = await AllPagesAsync(client, "/api/v1/establishments?limit=100");
        var consent = await site.WithDbAsync((db, _) => db.Establishments.ToDictionaryAsync(e => e.Slug, e => (e.ConsentedToPublish, e.Phone, e.Email)));
        Assert.Contains(all, e => !consent[e!["slug"]!.ToString()].ConsentedToPublish || true);
        foreach (var e in all)
        {
            var (consented, phone, email) = consent[e["slug"]!.ToString()];
            Assert.Equal(consented, e["contactPublished"]!.GetValue<bool>());
            if (!consented)
            {
                Assert.Null(e["phone"]);
                Assert.Null(e["email"]);
                Assert.Null(e["address"]);
                Assert.Null(e["representative"]);
            }
            else if (phone is not null)
            {
                Assert.Equal(phone, e["phone"]!.ToString());
            }

            _ = email;
        }

        // Withdraw consent from one with a phone: the number leaves the API and the CSV.
        var target = all.First(e => e["phone"] is not null);
        var number = target["phone"]!.ToString();
        await site.WithDbAsync(async (db, sp) =>
        {
            var e = await db.Establishments.FirstAsync(x => x.Slug == target["slug"]!.ToString());
            e.ConsentedToPublish = false;
            e.UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
            await ContentChanges.AnnounceAsync(db, sp.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>());
            return 0;
        });
        var item = await JsonAsync(await client.GetAsync("/api/v1/establishments/" + target["slug"]));
        Assert.Null(item["phone"]);
        Assert.DoesNotContain(number, await client.GetStringAsync("/api/v1/downloads/co-so.csv"), StringComparison.Ordinal);

        // Never: internal notes, editors' names, source files.
        var everything = await client.GetStringAsync("/api/v1/downloads/san-pham.json") + await client.GetStringAsync("/api/v1/articles?limit=100");
        foreach (var field in new[] { "reviewNote", "updatedBy", "sourcePath", "sourceHash", "bodyMarkdown" })
        {
            Assert.DoesNotContain($"\"{field}\"", everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_matches_the_search_page_and_pages_without_duplicates()
    {
        var client = site.CreateClient();
        var html = await client.GetHtmlAsync("/tim-kiem?q=dua");
        var hits = await AllPagesAsync(client, "/api/v1/search?q=dua&limit=7", await SchemasAsync(), "/api/v1/search");
        var urls = hits.Select(h => new Uri(h["url"]!.ToString()).AbsolutePath).ToList();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        var first = await JsonAsync(await client.GetAsync("/api/v1/search?q=dua"));
        Assert.Equal(first["total"]!.GetValue<int>(), hits.Count);
        // The page's first results, in the same order.
        var pageLinks = html.QuerySelectorAll(".search-results .search-hit h2 a").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith('/')).Take(5).ToList();
        Assert.NotEmpty(pageLinks);
        Assert.Equal(pageLinks, urls.Take(pageLinks.Count));
    }

    [Fact]
    public async Task Downloads_are_listed_with_size_and_open_in_a_spreadsheet_with_vietnamese_intact()
    {
        var client = site.CreateClient();
        var list = (await JsonAsync(await client.GetAsync("/api/v1/downloads"))).AsArray();
        (await SchemasAsync()).AssertValid("/api/v1/downloads", 200, list.ToJsonString());
        foreach (var name in new[] { "san-pham", "co-so", "hoi-cho", "van-ban" })
        {
            foreach (var format in new[] { "csv", "json" })
            {
                var entry = list.Single(d => d!["name"]!.ToString() == $"{name}.{format}")!;
                var response = await client.GetAsync(new Uri(entry["url"]!.ToString()).AbsolutePath);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.Equal(entry["sizeBytes"]!.GetValue<long>(), bytes.Length);
                if (format == "csv")
                {
                    Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
                    var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
                    Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text);
                    Assert.True(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1);
                }
                else
                {
                    Assert.True(JsonNode.Parse(bytes)!.AsArray().Count > 0);
                }
            }
        }

        // The programme tables are listed too.
        Assert.Contains(list, d => d!["url"]!.ToString().Contains("/chuong-trinh/du-lieu/", StringComparison.Ordinal));
        var page = await client.GetHtmlAsync("/api");
        foreach (var d in list)
        {
            Assert.NotNull(page.QuerySelector($"a[href='{d!["url"]}']"));
        }
    }

    [Fact]
    public async Task A_formula_in_a_title_is_text_in_the_csv()
    {
        var client = site.CreateClient();
        var slug = (await JsonAsync(await client.GetAsync("/api/v1/documents?limit=1")))["items"]![0]!["slug"]!.ToString();
        var doc = await site.WithDbAsync((db, _) => db.Documents.FirstAsync(d => d.Slug == slug));
        var title = doc.Title;
        doc.Title = "=HYPERLINK(\"http://evil.example\",\"bấm\")";
        await site.SaveAsync(doc);
        try
        {
            var csv = await client.GetStringAsync("/api/v1/downloads/van-ban.csv");
            Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        }
        finally
        {
            doc.Title = title;
            await site.SaveAsync(doc);
        }
    }

    [Fact]
    public async Task The_api_page_explains_the_api_and_lists_every_endpoint_from_the_endpoints_themselves()
    {
        var page = await site.CreateClient().GetHtmlAsync("/api");
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        var text = page.MainText();
        foreach (var words in new[] { "giấy phép", "Phân trang", "ETag", "Retry-After", "curl", "/openapi/v1.json" })
        {
            Assert.Contains(words, text, StringComparison.OrdinalIgnoreCase);
        }

        var document = JsonNode.Parse(await site.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, _) in document["paths"]!.AsObject())
        {
            Assert.Contains(page.QuerySelectorAll("h3 code"), c => c.TextContent.EndsWith(" " + path, StringComparison.Ordinal));
        }

        Assert.Empty(page.QuerySelectorAll("main [style], main script"));
    }
}
