namespace KhuyenCong.Web.Models;

/// <summary>A TV segment about the programme (target: about 20), with its full transcript.</summary>
public class TvSegment : RoutedContent
{
    public int EpisodeNumber { get; set; }
    public DateTime? AirDate { get; set; }
    public string Channel { get; set; } = "";
    public int DurationSeconds { get; set; }
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }
    /// <summary>Storage name of an uploaded MP4 in the media folder, when the video is hosted here.</summary>
    public string? VideoFile { get; set; }
    /// <summary>A link to the video elsewhere (shown as a link card; nothing third-party loads until asked).</summary>
    public string? ExternalUrl { get; set; }
    /// <summary>The full transcript (required). Lines may start with a cue time "[mm:ss]" for the captions track.</summary>
    public string Transcript { get; set; } = "";
}
