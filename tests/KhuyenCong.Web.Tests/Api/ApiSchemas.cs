using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace KhuyenCong.Web.Tests.Api;

/// <summary>
/// The response schemas of the served OpenAPI document, as JSON Schema 2020-12 (which OpenAPI 3.1 schemas are):
/// the component schemas become <c>$defs</c> and each response's schema is checked by JsonSchema.Net.
/// </summary>
public sealed class ApiSchemas(JsonNode document)
{
    public JsonNode Document { get; } = document;

    public static async Task<ApiSchemas> LoadAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ApiSchemas(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!);
    }

    /// <summary>Asserts that <paramref name="json"/> matches the schema of GET <paramref name="path"/>'s response with this status.</summary>
    public void AssertValid(string path, int status, string json)
    {
        var responses = Document["paths"]?[path]?["get"]?["responses"] ?? throw new Xunit.Sdk.XunitException($"No GET {path} in the OpenAPI document");
        var content = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?.AsObject()
            ?? throw new Xunit.Sdk.XunitException($"GET {path} documents no {status} response with content");
        var schemaNode = content.First().Value!["schema"]!.DeepClone().AsObject();
        var text = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schemaNode),
        }.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://khuyencong.test/schemas/{Guid.NewGuid():N}"));
        using var instance = JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(10);
            throw new Xunit.Sdk.XunitException($"GET {path} {status} does not match its schema:\n{string.Join('\n', errors)}\n{json[..Math.Min(json.Length, 500)]}");
        }
    }
}
