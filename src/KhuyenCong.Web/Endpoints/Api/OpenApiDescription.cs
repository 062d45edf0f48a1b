using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KhuyenCong.Web.Endpoints.Api;

/// <summary>
/// The OpenAPI 3.1 document of the open-data API (<c>/openapi/v1.json</c>): generated from the endpoints, with
/// Vietnamese texts, an example for each filter parameter, and the problem-details error schema.
/// </summary>
public static class OpenApiDescription
{
    /// <summary>An example value of each query parameter, by name (shown in the document and on /api).</summary>
    public static readonly IReadOnlyDictionary<string, string> ParameterExamples = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["limit"] = "20",
        ["topic"] = "tin-hoat-dong",
        ["from"] = "2025-01-01",
        ["to"] = "2025-12-31",
        ["q"] = "dừa",
        ["kind"] = "hop-tac-xa",
        ["issuer"] = "UBND tỉnh Bến Tre",
        ["year"] = "2024",
        ["inForce"] = "true",
        ["number"] = "1625/QĐ-UBND",
        ["group"] = "thu-cong-my-nghe",
        ["level"] = "tinh",
        ["status"] = "da-ket-thuc",
        ["valid"] = "false",
    };

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true
            && string.Equals(d.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Dữ liệu mở Khuyến công",
                Version = "1",
                Description = "API chỉ đọc, không cần đăng nhập, cho mọi nội dung trang công bố: tin bài, văn bản, sản phẩm tiêu biểu, cơ sở sản xuất, " +
                    "phòng trưng bày, chương trình truyền hình, hội chợ, địa bàn, chuyên mục và thẻ, chương trình khuyến công và tìm kiếm. " +
                    "Phân trang bằng con trỏ (liên kết next), tối đa 100 mục mỗi trang; ETag và Last-Modified cho yêu cầu có điều kiện (304); " +
                    "lỗi theo RFC 9457 (application/problem+json) với tiêu đề tiếng Việt. Giới thiệu và giấy phép dữ liệu: /api.",
                License = new OpenApiLicense { Name = "Giấy phép Dữ liệu mở Creative Commons Ghi công 4.0 (CC BY 4.0)", Url = new Uri("https://creativecommons.org/licenses/by/4.0/deed.vi") },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name is { } name && ParameterExamples.TryGetValue(name, out var example))
                {
                    parameter.Example = JsonValue.Create(example);
                }
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is OpenApiResponse writable)
                {
                    writable.Description = status switch
                    {
                        "200" => "Thành công.",
                        "400" => "Giá trị tham số không hợp lệ; trường parameter nêu tên tham số.",
                        "404" => "Không tìm thấy mục.",
                        "429" => "Quá nhiều yêu cầu; thử lại sau số giây trong Retry-After.",
                        _ => writable.Description,
                    };
                }

                if (status is "400" or "404" or "429" && response is OpenApiResponse withExample
                    && withExample.Content?.TryGetValue(ApiConventions.ProblemContentType, out var media) == true && media is OpenApiMediaType m)
                {
                    m.Example = new JsonObject
                    {
                        ["type"] = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
                        ["title"] = "Giá trị của tham số “limit” không hợp lệ.",
                        ["status"] = 400,
                        ["detail"] = "Số mục mỗi trang là một số nguyên từ 1 đến 100.",
                        ["parameter"] = "limit",
                    };
                    if (status == "404")
                    {
                        m.Example = new JsonObject { ["type"] = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5", ["title"] = "Không tìm thấy.", ["status"] = 404, ["detail"] = "Không có tin bài đang công bố với đường dẫn này." };
                    }
                    else if (status == "429")
                    {
                        m.Example = new JsonObject { ["type"] = "https://datatracker.ietf.org/doc/html/rfc6585#section-4", ["title"] = "Quá nhiều yêu cầu.", ["status"] = 429 };
                    }
                }
            }

            return Task.CompletedTask;
        });
    }
}
