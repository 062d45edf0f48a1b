using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KhuyenCong.Web.Tests.Api;

/// <summary>The OpenAPI document, read by an independent reader (Microsoft.OpenApi's) with its validation rules.</summary>
public sealed class OpenApiDocumentTests(OpenDataApiTests.ApiSite site) : IClassFixture<OpenDataApiTests.ApiSite>
{
    [Fact]
    public async Task The_document_is_openapi_3_1_without_reader_errors_or_rule_violations()
    {
        var response = await site.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var (document, diagnostic) = OpenApiDocument.Parse(text, "json");
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        var violations = document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(violations.Count == 0, string.Join('\n', violations.Select(v => $"{v.Pointer}: {v.Message}")));
    }

    [Fact]
    public async Task Every_operation_is_described_in_vietnamese_with_its_errors_and_examples()
    {
        var document = JsonNode.Parse(await site.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        Assert.Equal("Dữ liệu mở Khuyến công", document["info"]!["title"]!.ToString());
        var paths = document["paths"]!.AsObject();
        foreach (var expected in new[] { "/api/v1/articles", "/api/v1/documents", "/api/v1/products", "/api/v1/establishments", "/api/v1/showrooms",
                     "/api/v1/tv-segments", "/api/v1/fairs", "/api/v1/places", "/api/v1/topics", "/api/v1/tags", "/api/v1/search", "/api/v1/program", "/api/v1/downloads" })
        {
            Assert.True(paths.ContainsKey(expected), expected);
        }

        Assert.All(paths, p => Assert.DoesNotContain("sitemap", p.Key, StringComparison.Ordinal));
        foreach (var (path, item) in paths)
        {
            var get = item!["get"]!;
            Assert.Matches("[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđàáâãèéêìíòóôõùúýăơư]", get["summary"]!.ToString());
            if (path != "/api/v1/program")
            {
                var problem = get["responses"]!["400"]!["content"]!["application/problem+json"]!;
                Assert.NotNull(problem["schema"]);
                Assert.NotNull(problem["example"]);
            }

            foreach (var parameter in get["parameters"]?.AsArray() ?? [])
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter!["description"]?.ToString()), $"{path} {parameter["name"]}");
            }
        }

        Assert.NotNull(paths["/api/v1/products"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.ToString() == "group")!["example"]);
        Assert.NotNull(document["components"]!["schemas"]!["ApiProblem"]);
    }
}
