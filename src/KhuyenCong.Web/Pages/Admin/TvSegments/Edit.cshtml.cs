using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: besides its fields the TV editor accepts a video upload into the media library (StoreUploadAsync).
namespace KhuyenCong.Web.Pages.Admin.TvSegments;

/// <summary>Create/edit a TV segment: episode data, thumbnail, an uploaded MP4 or an external link, the transcript.</summary>
[RequestSizeLimit(MediaProcessor.MaxVideoBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaProcessor.MaxVideoBytes + 1024 * 1024)]
public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock, MediaProcessor media, AuditLog audit)
    : ContentEditModel<TvSegment, EditModel.TvExtra>(db, publisher, markdown, clock)
{
    public sealed class TvInput
    {
        [Display(Name = "Kỳ số")] public string? Episode { get; set; }
        [Display(Name = "Ngày phát sóng")] public string? AirDate { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")][Display(Name = "Kênh, đài phát sóng")] public string? Channel { get; set; }
        [Display(Name = "Thời lượng (phút:giây, ví dụ 12:30)")] public string? Duration { get; set; }
        [Display(Name = "Chuyên mục")] public int? TopicId { get; set; }
        [StringLength(64, ErrorMessage = "Mã ảnh không hợp lệ.")][Display(Name = "Ảnh đại diện")] public string? FeaturedImage { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Mô tả ảnh đại diện")] public string? FeaturedImageAlt { get; set; }
        [StringLength(64, ErrorMessage = "Mã video không hợp lệ.")][Display(Name = "Video đã có trong thư viện (mã video MP4)")] public string? VideoFile { get; set; }
        [Display(Name = "Hoặc tải video MP4 lên (tối đa 200 MB)")] public IFormFile? VideoUpload { get; set; }
        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")][Display(Name = "Hoặc liên kết video trên trang khác (https://…)")] public string? ExternalUrl { get; set; }
        [StringLength(100_000, ErrorMessage = "Bản ghi lời quá dài.")][Display(Name = "Bản ghi lời (bắt buộc; mỗi dòng có thể bắt đầu bằng mốc thời gian [phút:giây])")] public string? Transcript { get; set; }
    }

    /// <summary>The episode's numbers and date as read, the checked https link and the library video (an upload joins it first).</summary>
    public sealed record TvExtra(int Episode, DateTime? AirDate, int DurationSeconds, string? ExternalUrl, string? VideoFile);

    [BindProperty] public TvInput Extra { get; set; } = new();

    /// <summary>The form's image fields, filled with the media picker.</summary>
    protected override IReadOnlyList<ImageTarget> ImageTargets =>
    [
        new("anh-dai-dien", "Ảnh đại diện (áp phích của kỳ phát sóng)", "Extra.FeaturedImage", Extra.FeaturedImage, m =>
        {
            Extra.FeaturedImage = m.StorageName;
            Extra.FeaturedImageAlt = m.AltText;
        }),
    ];
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    protected override IQueryable<TvSegment> Items => Db.TvSegments;
    protected override TvSegment Create() => new() { Title = "", Slug = "" };

    protected override async Task LoadExtraAsync(TvSegment? item, CancellationToken ct)
    {
        Topics = await Db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            Extra = new TvInput
            {
                Episode = item.EpisodeNumber.ToString(CultureInfo.InvariantCulture), AirDate = ShowcaseForms.DayInput(item.AirDate),
                Channel = item.Channel, Duration = Services.Content.Transcript.Clock(item.DurationSeconds), TopicId = item.TopicId,
                FeaturedImage = item.FeaturedImage, FeaturedImageAlt = item.FeaturedImageAlt, VideoFile = item.VideoFile,
                ExternalUrl = item.ExternalUrl, Transcript = item.Transcript,
            };
        }
    }

    protected override async Task<TvExtra> ParseExtraAsync(CancellationToken ct)
    {
        if (!int.TryParse(Extra.Episode, NumberStyles.None, CultureInfo.InvariantCulture, out var episode) || episode is < 1 or > 9999)
        {
            ModelState.AddModelError("Extra.Episode", "Nhập số kỳ (số nguyên dương).");
        }

        var airDate = ShowcaseForms.Day(ModelState, Extra.AirDate, "Extra.AirDate");
        if (string.IsNullOrWhiteSpace(Extra.Channel))
        {
            ModelState.AddModelError("Extra.Channel", "Nhập kênh, đài phát sóng.");
        }

        if (!Services.Content.Transcript.TryParseDuration(Extra.Duration, out var duration))
        {
            ModelState.AddModelError("Extra.Duration", "Nhập thời lượng theo dạng phút:giây (12:30) hoặc giờ:phút:giây.");
        }

        if (Extra.TopicId is { } topicId && !Topics.Any(t => t.Id == topicId))
        {
            ModelState.AddModelError("Extra.TopicId", "Chuyên mục không tồn tại.");
        }

        await ShowcaseForms.CheckImageAsync(Db, ModelState, Extra.FeaturedImage, Extra.FeaturedImageAlt, "Extra.FeaturedImage", "Extra.FeaturedImageAlt", ct);
        if (string.IsNullOrWhiteSpace(Extra.Transcript))
        {
            ModelState.AddModelError("Extra.Transcript", "Nhập bản ghi lời: người không nghe được video cần đọc nội dung.");
        }

        string? externalUrl = null;
        if (!string.IsNullOrWhiteSpace(Extra.ExternalUrl))
        {
            if (Uri.TryCreate(Extra.ExternalUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                externalUrl = url.AbsoluteUri;
            }
            else
            {
                ModelState.AddModelError("Extra.ExternalUrl", "Liên kết video phải là địa chỉ bắt đầu bằng https://.");
            }
        }

        if (Extra.VideoUpload is { Length: > 0 } upload && ModelState.IsValid)
        {
            await StoreUploadAsync(upload, ct);
        }
        else if (!string.IsNullOrWhiteSpace(Extra.VideoFile)
                 && !await Db.MediaFiles.AnyAsync(m => m.StorageName == Extra.VideoFile.Trim() && m.Kind == MediaKind.Video, ct))
        {
            ModelState.AddModelError("Extra.VideoFile", "Không tìm thấy video MP4 này trong thư viện.");
        }

        return new TvExtra(episode, airDate, duration, externalUrl, string.IsNullOrWhiteSpace(Extra.VideoFile) ? null : Extra.VideoFile.Trim());
    }

    /// <summary>An accepted upload joins the media library at once, so the form keeps it even if saving fails later.</summary>
    private async Task StoreUploadAsync(IFormFile upload, CancellationToken ct)
    {
        try
        {
            await using var stream = upload.OpenReadStream();
            var stored = await media.ProcessAsync(stream, upload.FileName, ct);
            if (stored.Kind != MediaKind.Video)
            {
                media.Delete(stored.StorageName);
                ModelState.AddModelError("Extra.VideoUpload", "Tệp không phải video MP4.");
                return;
            }

            var file = new MediaFile
            {
                StorageName = stored.StorageName, Kind = stored.Kind, ContentType = stored.ContentType, Size = stored.Size,
                OriginalName = Path.GetFileName(upload.FileName) is { Length: > 0 and <= 200 } n ? n : "video.mp4",
                Folder = "truyen-hinh", UploadedAt = Clock.GetUtcNow().UtcDateTime, UploadedBy = User.Identity?.Name ?? "?",
            };
            Db.MediaFiles.Add(file);
            audit.Add("media-upload", "MediaFile", file.StorageName, file.OriginalName);
            await Db.SaveChangesAsync(ct);
            Extra.VideoFile = stored.StorageName;
            ModelState.Remove("Extra.VideoFile");
        }
        catch (MediaRejectedException ex)
        {
            ModelState.AddModelError("Extra.VideoUpload", ex.Message);
        }
    }

    protected override void ApplyExtra(TvSegment item, TvExtra extra)
    {
        item.EpisodeNumber = extra.Episode;
        item.AirDate = extra.AirDate;
        item.Channel = Extra.Channel!.Trim();
        item.DurationSeconds = extra.DurationSeconds;
        item.TopicId = Extra.TopicId;
        item.FeaturedImage = Extra.FeaturedImage!.Trim();
        item.FeaturedImageAlt = Extra.FeaturedImageAlt!.Trim();
        item.VideoFile = extra.VideoFile;
        item.ExternalUrl = extra.ExternalUrl;
        item.Transcript = Extra.Transcript!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}
