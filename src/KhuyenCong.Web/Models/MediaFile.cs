namespace KhuyenCong.Web.Models;

public enum MediaKind
{
    Image = 0,
    Pdf = 1,
    /// <summary>An MP4 video (ISO BMFF), stored as uploaded.</summary>
    Video = 2,
}

/// <summary>
/// An uploaded file in the media library. Files live in the data folder under server-made names; images are
/// re-encoded at upload with their variants (several widths in WebP and JPEG, and a 1200×630 share image).
/// </summary>
public class MediaFile
{
    public int Id { get; set; }
    /// <summary>Server-made base name (no extension), e.g. "a1b2c3d4e5f6"; every stored file starts with it.</summary>
    public required string StorageName { get; set; }
    public MediaKind Kind { get; set; }
    /// <summary>The uploader's file name, for display only (never used as a path).</summary>
    public required string OriginalName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>Comma-separated widths made for this image, e.g. "480,960,1600".</summary>
    public string VariantWidths { get; set; } = "";
    /// <summary>Required for images.</summary>
    public string? AltText { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? Folder { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }

    public IEnumerable<int> Widths() =>
        VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture));
}
