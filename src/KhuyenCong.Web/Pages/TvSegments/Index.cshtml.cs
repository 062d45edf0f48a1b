using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.TvSegments;

/// <summary>The TV segments, newest episode first, with progress toward the programme's TV target (counted by ProgramProgress).</summary>
[OutputCache(PolicyName = KhuyenCong.Web.Services.Caching.PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock, ProgramProgress progress) : SitePageModel
{
    public sealed record Row(string Title, string Slug, int Episode, DateTime? AirDate, string Channel, int DurationSeconds,
        string Summary, string? Image, string? ImageAlt, bool HasVideo, bool IsSample);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();
    public int PublishedCount { get; private set; }
    /// <summary>The programme period shown today, for the TV target's progress.</summary>
    public ProgramReport Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await db.TvSegments.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime)
            .OrderByDescending(t => t.EpisodeNumber).ThenByDescending(t => t.AirDate)
            .Select(t => new Row(t.Title, t.Slug, t.EpisodeNumber, t.AirDate, t.Channel, t.DurationSeconds, t.Summary,
                t.FeaturedImage, t.FeaturedImageAlt, t.VideoFile != null, t.IsSample))
            .ToListAsync(ct);
        PublishedCount = Rows.Count;
        Programme = await progress.ReportAsync(ct);
        Images = await Showcase.ImagesAsync(db, Rows.Select(r => r.Image), ct);
        Section = "tv";
        PageTitle = "Chuyên mục truyền hình";
        MetaDescription = "Các kỳ chuyên mục truyền hình về khuyến công: chính sách, cơ sở công nghiệp nông thôn, sản phẩm tiêu biểu; có bản ghi lời đầy đủ.";
        CanonicalPath = "/truyen-hinh";
        Breadcrumbs.Add(("Truyền hình", null));
        return Page();
    }
}
