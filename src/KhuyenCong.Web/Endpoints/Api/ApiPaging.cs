using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Endpoints.Api;

/// <summary>
/// The two paging parameters every list of the API takes, bound with <c>[AsParameters]</c> so each list declares
/// and checks them the same way: <c>limit</c> (1–100, 20 when absent) and <c>cursor</c> (from the previous page's next link).
/// </summary>
public sealed class ApiPaging
{
    [FromQuery(Name = "limit"), Description("Số mục mỗi trang, 1–100 (mặc định 20).")]
    public string? Limit { get; init; }

    [FromQuery(Name = "cursor"), Description("Con trỏ trang: lấy từ liên kết next của trang trước.")]
    public string? Cursor { get; init; }

    /// <summary>The page size (<see cref="ApiConventions.TryLimit"/>).</summary>
    public bool TryLimit(out int size, out IResult? problem) => ApiConventions.TryLimit(Limit, out size, out problem);

    /// <summary>The page size and, for a list ordered by id, the last id of the previous page.</summary>
    public bool TryRead(string list, out int size, out int? lastId, out IResult? problem)
    {
        lastId = null;
        return TryLimit(out size, out problem) && OpenDataApi.TryIdCursor(Cursor, list, out lastId, out problem);
    }
}
