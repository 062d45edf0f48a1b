using System.ComponentModel;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Endpoints.Api;

// /api/v1/search: the site search over every public kind (mapped in MapContent).

public static partial class OpenDataApi
{
    private static async Task<IResult> SearchAsync(
        HttpContext http, AppDbContext db, ISearchIndex search, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "q"), Description("Từ khóa (bắt buộc), không cần dấu; tối đa 200 ký tự.")] string? q,
        [FromQuery(Name = "kind"), Description("Chỉ một loại: article, document, product, establishment, showroom, fair, tv, qa, page.")] string? kind,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryLimit(out var size, out var problem)
            || !ApiConventions.TryCursor(paging.Cursor, "search", 1, out var key, out problem)
            || !TryText(q, "q", SearchQuery.MaxQueryLength, out var text, out problem)
            || !TryText(kind, "kind", 40, out var kindText, out problem))
        {
            return problem!;
        }

        if (kindText is not null && !SearchKinds.All.Contains(kindText))
        {
            return ApiConventions.BadParameter("kind", "Loại là một trong: " + string.Join(", ", SearchKinds.All) + ".");
        }

        if (text is null || SearchQuery.Terms(text).Count == 0)
        {
            return ApiConventions.BadParameter("q", "Cần một từ khóa có ít nhất một chữ cái hoặc chữ số.");
        }

        // Hits are ranked by relevance, which has no stable key: the cursor holds the position of the next hit.
        var skip = key is null ? 0 : key[0];
        if (skip is < 0 or > 100_000)
        {
            return ApiConventions.BadParameter("cursor", "Con trỏ trang không hợp lệ.");
        }

        var results = await search.SearchAsync(db, text, clock.GetUtcNow().UtcDateTime, (int)skip, size, kindText, ct);
        var more = skip + results.Hits.Count < results.Total && results.Hits.Count == size;
        return ApiConventions.Ok(new ApiSearchPage(
            results.Hits.Select(h => new ApiSearchHit(h.Kind, h.ItemId, string.Concat(h.Title.Select(s => s.Text)), string.Concat(h.Snippet.Select(s => s.Text)),
                urls.Absolute(h.Url), ApiConventions.Local(h.PublishAt))).ToList(),
            more ? ApiConventions.NextLink(http, urls, ApiConventions.Cursor("search", skip + size)) : null,
            size, results.Total, results.KindCounts), null);
    }
}
