using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.TvSegments;

/// <summary>
/// One TV segment: the video hosted here (with a captions track built from the transcript) or a link card to the
/// video elsewhere (nothing third-party loads), the full transcript, and VideoObject structured data.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls) : FeedbackPageModel
{
    public TvSegment Segment { get; private set; } = null!;
    public MediaFile? Image { get; private set; }
    public IReadOnlyList<Transcript.Line> TranscriptLines { get; private set; } = [];

    public string? PosterUrl => Image is null ? null : $"/media/{Image.StorageName}-{Image.Widths().Max()}.jpg";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = db.TvSegments.AsNoTracking().Published(now);
        var segment = await published.Include(t => t.Topic).FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (segment is null)
        {
            return await MovedOrNotFoundAsync(db, published, slug, SiteUrls.TvSegment, ct);
        }

        Segment = segment;
        Image = (await Showcase.ImagesAsync(db, [segment.FeaturedImage], ct)).GetValueOrDefault(segment.FeaturedImage ?? "");
        OpenGraphImage = Image is null ? null : $"/media/{Image.StorageName}-share.jpg";
        OpenGraphType = "video.episode";
        TranscriptLines = Transcript.Lines(segment.Transcript);
        DescribeItem("tv", segment.SeoTitle ?? DisplayTitles.TvSegment(segment.EpisodeNumber, segment.Title), segment.SeoDescription ?? segment.Summary,
            SiteUrls.TvSegment(segment.Slug), ("Truyền hình", "/truyen-hinh"), $"Kỳ {segment.EpisodeNumber}");
        StructuredData.Add(VideoObject());
        StructuredData.Add(BreadcrumbData(urls));
        return Page();
    }

    private Dictionary<string, object?> VideoObject()
    {
        var s = Segment;
        var data = new Dictionary<string, object?>(JsonLd.Thing("VideoObject", s.Title, s.Summary))
        {
            ["thumbnailUrl"] = Image is null ? null : new[] { urls.Absolute(PosterUrl!) },
            ["uploadDate"] = s.AirDate is { } air
                ? air.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+07:00"
                : VietnamTime.Iso(s.PublishAt!.Value),
            ["duration"] = Transcript.IsoDuration(s.DurationSeconds),
            ["inLanguage"] = "vi",
            ["episodeNumber"] = s.EpisodeNumber,
            ["transcript"] = string.Join("\n", TranscriptLines.Select(l => l.Text)),
            ["url"] = urls.Absolute(CanonicalPath!),
        };
        if (s.VideoFile is not null)
        {
            data["contentUrl"] = urls.Absolute($"/media/{s.VideoFile}.mp4");
        }
        else if (s.ExternalUrl is not null)
        {
            data["embedUrl"] = s.ExternalUrl;
        }

        return data.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public static string CueLabel(TimeSpan at) =>
        at.TotalHours >= 1 ? at.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : at.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
