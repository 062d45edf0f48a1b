using System.ComponentModel;
using System.Reflection;
using KhuyenCong.Web.Endpoints.Api;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OutputCaching;

namespace KhuyenCong.Web.Pages.OpenData;

/// <summary>
/// /api: the open-data API for people: purpose, licence, paging, caching, limits, examples, the downloads, and a
/// reference rendered here from the endpoints themselves (the same descriptions as /openapi/v1.json).
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(IApiDescriptionGroupCollectionProvider explorer, SiteUrls urls, IConfiguration configuration) : SitePageModel
{
    public sealed record Parameter(string Name, string In, string Description, string? Example);

    public sealed record Operation(string Id, string Method, string Path, string Summary, string Description, string Tag, IReadOnlyList<Parameter> Parameters);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];
    public IReadOnlyList<ApiDownload> Downloads { get; private set; } = [];
    public string BaseUrl => urls.Base;
    public int RequestsPerMinute => OpenDataApi.RequestsPerMinute(configuration);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Operations = explorer.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true && d.HttpMethod == "GET")
            .Select(Describe)
            .OrderBy(o => o.Path, StringComparer.Ordinal)
            .ToList();
        Downloads = await OpenDataApi.DownloadListAsync(HttpContext.RequestServices, ct);
        PageTitle = "Dữ liệu mở (API)";
        MetaDescription = "Dữ liệu mở của trang khuyến công: API chỉ đọc cho tin bài, văn bản, sản phẩm tiêu biểu, cơ sở, hội chợ, chương trình khuyến công, và các tệp CSV, JSON tải về.";
        CanonicalPath = "/api";
        Breadcrumbs.Add(("Dữ liệu mở", null));
        return Page();
    }

    private static Operation Describe(ApiDescription d)
    {
        var metadata = d.ActionDescriptor.EndpointMetadata;
        var path = "/" + d.RelativePath;
        var method = metadata.OfType<MethodInfo>().FirstOrDefault();
        var parameters = new List<Parameter>();
        foreach (var p in d.ParameterDescriptions.Where(p => p.Source.Id == "Path"))
        {
            parameters.Add(new Parameter(p.Name, "đường dẫn", p.Name == "code" ? "Mã của mục." : "Đường dẫn (slug) của mục, như trong trường slug.", null));
        }

        foreach (var (name, declared) in method is null ? [] : PublicCache.QueryParametersOf(method))
        {
            parameters.Add(new Parameter(name, "truy vấn", declared.GetCustomAttributes(typeof(DescriptionAttribute), false).OfType<DescriptionAttribute>().FirstOrDefault()?.Description ?? "",
                OpenApiDescription.ParameterExamples.GetValueOrDefault(name)));
        }

        return new Operation(
            metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName ?? path,
            d.HttpMethod ?? "GET", path,
            metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? "",
            metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description ?? "",
            metadata.OfType<ITagsMetadata>().LastOrDefault()?.Tags is { Count: > 0 } tags ? tags[0] : "",
            parameters);
    }

    public static string Size(long bytes) => bytes < 1024
        ? $"{bytes} byte"
        : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / (1024.0 * 1024):0.#} MB";
}
