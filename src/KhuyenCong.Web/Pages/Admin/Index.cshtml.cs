using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>Dashboard: what waits for review, what is scheduled, what changed, how much there is.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public sealed record Row(string Type, int Id, string Title, ContentStatus Status, DateTime? PublishAt, DateTime UpdatedAt, string? UpdatedBy);

    public IReadOnlyList<Row> InReview { get; private set; } = [];
    public IReadOnlyList<Row> Scheduled { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];
    public IReadOnlyList<(string Label, string Path, int Total, int Published, int Drafts)> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageTitle = "Tổng quan";
        var now = clock.GetUtcNow().UtcDateTime;
        InReview = [.. await Rows(db.Articles, "tin-bai", x => x.Status == ContentStatus.InReview, ct),
            .. await Rows(db.Documents, "van-ban", x => x.Status == ContentStatus.InReview, ct),
            .. await Rows(db.Pages, "trang", x => x.Status == ContentStatus.InReview, ct)];
        Scheduled = [.. await Rows(db.Articles, "tin-bai", x => x.Status == ContentStatus.Published && x.PublishAt > now, ct),
            .. await Rows(db.Documents, "van-ban", x => x.Status == ContentStatus.Published && x.PublishAt > now, ct),
            .. await Rows(db.Pages, "trang", x => x.Status == ContentStatus.Published && x.PublishAt > now, ct)];
        Recent = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(15).ToListAsync(ct);
        Counts =
        [
            ("Tin bài", "/quan-tri/tin-bai", await db.Articles.CountAsync(ct), await db.Articles.CountAsync(x => x.Status == ContentStatus.Published, ct), await db.Articles.CountAsync(x => x.Status == ContentStatus.Draft, ct)),
            ("Văn bản", "/quan-tri/van-ban", await db.Documents.CountAsync(ct), await db.Documents.CountAsync(x => x.Status == ContentStatus.Published, ct), await db.Documents.CountAsync(x => x.Status == ContentStatus.Draft, ct)),
            ("Trang", "/quan-tri/trang", await db.Pages.CountAsync(ct), await db.Pages.CountAsync(x => x.Status == ContentStatus.Published, ct), await db.Pages.CountAsync(x => x.Status == ContentStatus.Draft, ct)),
            ("Tệp trong thư viện", "/quan-tri/thu-vien", await db.MediaFiles.CountAsync(ct), 0, 0),
        ];
    }

    private static async Task<List<Row>> Rows<T>(IQueryable<T> set, string type, System.Linq.Expressions.Expression<Func<T, bool>> filter, CancellationToken ct)
        where T : RoutedContent =>
        await set.AsNoTracking().Where(filter).OrderBy(x => x.PublishAt).Take(20)
            .Select(x => new Row(type, x.Id, x.Title, x.Status, x.PublishAt, x.UpdatedAt, x.UpdatedBy)).ToListAsync(ct);
}
