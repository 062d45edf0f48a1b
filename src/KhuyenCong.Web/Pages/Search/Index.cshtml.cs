using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KhuyenCong.Web.Pages.Search;

[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, ISearchIndex search, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 10;

    [FromQuery(Name = "q")] public string? Query { get; set; }
    /// <summary>The kind filter (a <see cref="SearchKinds"/> value); empty for every kind.</summary>
    [FromQuery(Name = "loai")] public string? Kind { get; set; }
    public SearchResults Results { get; private set; } = SearchResults.Empty;
    public Pager Pager { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        PageTitle = string.IsNullOrWhiteSpace(Query) ? "Tìm kiếm" : $"Tìm kiếm: {Query}";
        Breadcrumbs.Add(("Tìm kiếm", null));
        if (!TryParsePage(trang, out var page) || (!string.IsNullOrEmpty(Kind) && !SearchKinds.All.Contains(Kind)))
        {
            return BadInput();
        }

        Pager = new Pager(page, PageSize, 0, Link);
        if (Query?.Length > SearchQuery.MaxQueryLength)
        {
            Problem = $"Từ khóa quá dài: tối đa {SearchQuery.MaxQueryLength} ký tự.";
            MarkRefused();
            return Page();
        }

        if (SearchQuery.Terms(Query).Count == 0)
        {
            if (!string.IsNullOrWhiteSpace(Query))
            {
                Problem = "Từ khóa cần có ít nhất một chữ cái hoặc chữ số.";
            }

            return Page();
        }

        Results = await search.SearchAsync(db, Query!, clock.GetUtcNow().UtcDateTime, (page - 1) * PageSize, PageSize,
            string.IsNullOrEmpty(Kind) ? null : Kind, ct);
        Pager = new Pager(page, PageSize, Results.Total, Link);
        // A page past the last one is not found, as on every other list (the search's first page always answers).
        return Pager.IsBeyondEnd && page > 1 ? NotFound() : Page();
    }

    public string Link(int page) => LinkFor(Kind, page);

    /// <summary>The matches of every kind reached the cap: the per-kind figures are counted among the newest only.</summary>
    public bool AllCapped => Results.KindCounts.Values.Sum() >= SearchQuery.MaxCounted;

    /// <summary>A count as Vietnamese writes it (1.000).</summary>
    public static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>This search with another kind filter (null for every kind).</summary>
    public string LinkFor(string? kind, int page = 1) =>
        $"/tim-kiem?q={Uri.EscapeDataString(Query ?? "")}" + (string.IsNullOrEmpty(kind) ? "" : "&loai=" + kind) + (page > 1 ? $"&trang={page}" : "");

    public static string KindLabel(string kind) => kind switch
    {
        SearchKinds.Article => "Tin",
        SearchKinds.Document => "Văn bản",
        SearchKinds.Page => "Trang",
        SearchKinds.Product => "Sản phẩm",
        SearchKinds.TvSegment => "Truyền hình",
        SearchKinds.Showroom => "Phòng trưng bày",
        SearchKinds.Fair => "Hội chợ",
        SearchKinds.Establishment => "Cơ sở",
        SearchKinds.Qa => "Hỏi đáp",
        _ => kind,
    };
}
