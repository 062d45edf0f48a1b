using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Content;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>
/// Dashboard over every content type: what waits for review, what is scheduled, what a reviewer sent back to the
/// signed-in user, what changed last, and how much there is of each kind.
/// </summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public sealed record Row(string Type, string TypeLabel, int Id, string Title, ContentStatus Status, DateTime? PublishAt,
        DateTime UpdatedAt, string? UpdatedBy, string? ReviewNote)
    {
        public string EditPath => $"/quan-tri/{Type}/{Id}";
    }

    public sealed record Count(string Label, string Path, int Total, int Published, int InReview, int Drafts);

    private const int ListSize = 20;

    public IReadOnlyList<Row> InReview { get; private set; } = [];
    public IReadOnlyList<Row> Scheduled { get; private set; } = [];
    public IReadOnlyList<Row> SentBack { get; private set; } = [];
    public IReadOnlyList<Row> Recent { get; private set; } = [];
    public IReadOnlyList<Count> Counts { get; private set; } = [];
    public int MediaCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageTitle = "Tổng quan";
        var now = clock.GetUtcNow().UtcDateTime;
        var parts = new List<Part>();
        foreach (var type in ContentTypes.All)
        {
            parts.Add(await type.QueryAsync(db, new Lists(now), ct));
        }

        InReview = parts.SelectMany(p => p.InReview).OrderBy(r => r.UpdatedAt).Take(ListSize).ToList();
        Scheduled = parts.SelectMany(p => p.Scheduled).OrderBy(r => r.PublishAt).Take(ListSize).ToList();
        Recent = parts.SelectMany(p => p.Recent).OrderByDescending(r => r.UpdatedAt).Take(15).ToList();
        Counts = parts.Select(p => p.Count).ToList();
        MediaCount = await db.MediaFiles.CountAsync(ct);
        SentBack = await SentBackToMeAsync(parts.SelectMany(p => p.Returned).ToList(), ct);
    }

    /// <summary>
    /// Drafts carrying a reviewer's note were sent back (a submit clears the note). The workflow has no owner field, so
    /// the author is whoever last submitted the item for review, read from the audit log.
    /// </summary>
    private async Task<IReadOnlyList<Row>> SentBackToMeAsync(List<(string EntityType, Row Row)> returned, CancellationToken ct)
    {
        var me = User.Identity?.Name;
        if (me is null || returned.Count == 0)
        {
            return [];
        }

        var types = returned.Select(r => r.EntityType).Distinct().ToList();
        var ids = returned.Select(r => r.Row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var submits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "submit" && types.Contains(a.EntityType) && a.EntityId != null && ids.Contains(a.EntityId))
            .Select(a => new { a.Id, a.EntityType, a.EntityId, a.Actor }).ToListAsync(ct);
        var lastSubmitter = submits.GroupBy(a => (a.EntityType, a.EntityId))
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.Actor);
        return returned
            .Where(r => lastSubmitter.GetValueOrDefault((r.EntityType, r.Row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))) == me)
            .Select(r => r.Row).OrderByDescending(r => r.UpdatedAt).Take(ListSize).ToList();
    }

    private sealed record Part(List<Row> InReview, List<Row> Scheduled, List<(string EntityType, Row Row)> Returned, List<Row> Recent, Count Count);

    /// <summary>One type's share of the dashboard, the same query for every type of the registry.</summary>
    private sealed class Lists(DateTime now) : IContentQuery<Part>
    {
        public async Task<Part> RunAsync<T>(ContentType<T> type, IQueryable<T> items, CancellationToken ct) where T : RoutedContent
        {
            var segment = type.AdminSegment;
            var label = type.Label;
            IQueryable<Row> Rows(IQueryable<T> q) =>
                q.Select(x => new Row(segment, label, x.Id, x.Title, x.Status, x.PublishAt, x.UpdatedAt, x.UpdatedBy, x.ReviewNote));

            var inReview = await Rows(items.Where(x => x.Status == ContentStatus.InReview).OrderBy(x => x.UpdatedAt).Take(ListSize)).ToListAsync(ct);
            var scheduled = await Rows(items.Where(x => x.Status == ContentStatus.Published && x.PublishAt > now).OrderBy(x => x.PublishAt).Take(ListSize)).ToListAsync(ct);
            var returned = await Rows(items.Where(x => x.Status == ContentStatus.Draft && x.ReviewNote != null && x.ReviewNote != "")
                .OrderByDescending(x => x.UpdatedAt).Take(100)).ToListAsync(ct);
            var recent = await Rows(items.OrderByDescending(x => x.UpdatedAt).Take(15)).ToListAsync(ct);
            var counts = await items.GroupBy(x => x.Status).Select(g => new { Status = g.Key, N = g.Count() }).ToListAsync(ct);
            int N(ContentStatus s) => counts.FirstOrDefault(c => c.Status == s)?.N ?? 0;
            var count = new Count(label, type.AdminPath, counts.Sum(c => c.N), N(ContentStatus.Published), N(ContentStatus.InReview), N(ContentStatus.Draft));
            return new Part(inReview, scheduled, returned.Select(r => (type.Name, r)).ToList(), recent, count);
        }
    }
}
