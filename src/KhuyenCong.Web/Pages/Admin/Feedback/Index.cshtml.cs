using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Feedback;

/// <summary>"Thông tin có hữu ích không?" per page: counts, share found useful, ranked least useful first.</summary>
public class IndexModel(AppDbContext db) : SitePageModel
{
    public const int MaxRows = 500;

    public sealed record Row(string Code, string Label, int Id, string Path, int Yes, int No, int Comments, DateTime Last)
    {
        public int Total => Yes + No;
        /// <summary>Share of "no" answers, 0–100.</summary>
        public int NotUsefulPercent => Total == 0 ? 0 : (int)Math.Round(100.0 * No / Total);
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int MinimumVotes { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "toi-thieu")] string? minimum, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(minimum))
        {
            if (minimum.Length > 4 || !int.TryParse(minimum, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) || m < 1)
            {
                return BadInput();
            }

            MinimumVotes = m;
        }

        PageTitle = "Phản hồi về trang";
        var groups = await db.PageFeedback.AsNoTracking()
            .GroupBy(f => new { f.ContentType, f.ContentId })
            .Select(g => new
            {
                g.Key.ContentType, g.Key.ContentId, Yes = g.Count(f => f.Useful), No = g.Count(f => !f.Useful),
                Comments = g.Count(f => f.Comment != null), Last = g.Max(f => f.At),
            })
            .Where(g => g.Yes + g.No >= MinimumVotes)
            .ToListAsync(ct);
        var paths = (await db.PageFeedback.AsNoTracking().Select(f => new { f.ContentType, f.ContentId, f.Path }).Distinct().ToListAsync(ct))
            .GroupBy(p => (p.ContentType, p.ContentId)).ToDictionary(g => g.Key, g => g.Select(p => p.Path).Max(StringComparer.Ordinal));
        // Least useful first: the share of "no", then the number of "no", then the most recent.
        Rows = groups
            .Select(g => new Row(PageFeedbacks.CodeOf(g.ContentType) ?? g.ContentType,
                PageFeedbacks.Types.Values.FirstOrDefault(t => t.Entity == g.ContentType).Label ?? g.ContentType, g.ContentId, paths.GetValueOrDefault((g.ContentType, g.ContentId)) ?? "", g.Yes, g.No, g.Comments, g.Last))
            .OrderByDescending(r => r.NotUsefulPercent).ThenByDescending(r => r.No).ThenByDescending(r => r.Last)
            .Take(MaxRows).ToList();
        return Page();
    }
}
