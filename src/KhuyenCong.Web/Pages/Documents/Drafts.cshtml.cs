using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Documents;

/// <summary>Draft documents for comment: open ones first (closing soonest first), then upcoming, then closed (newest first).</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class DraftsModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public sealed record Row(string Title, string Slug, string Kind, DateTime OpensAt, DateTime ClosesAt, bool HasSummary);

    public IReadOnlyList<Row> Open { get; private set; } = [];
    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Documents.AsNoTracking().Published(now)
            .Where(d => d.CommentOpensAt != null && d.CommentClosesAt != null)
            .Select(d => new Row(d.Title, d.Slug, d.Kind, d.CommentOpensAt!.Value, d.CommentClosesAt!.Value, d.CommentSummaryMarkdown != ""))
            .ToListAsync(ct);
        Open = rows.Where(r => r.OpensAt <= now && now < r.ClosesAt).OrderBy(r => r.ClosesAt).ToList();
        Upcoming = rows.Where(r => r.OpensAt > now).OrderBy(r => r.OpensAt).ToList();
        Closed = rows.Where(r => r.ClosesAt <= now).OrderByDescending(r => r.ClosesAt).ToList();
        Section = "documents";
        PageTitle = "Dự thảo lấy ý kiến";
        MetaDescription = "Dự thảo văn bản về khuyến công đang lấy ý kiến của doanh nghiệp và người dân; tổng hợp, tiếp thu ý kiến sau khi hết hạn.";
        CanonicalPath = "/van-ban/du-thao";
        Breadcrumbs.Add(("Văn bản", "/van-ban"));
        Breadcrumbs.Add((PageTitle, null));
    }
}
