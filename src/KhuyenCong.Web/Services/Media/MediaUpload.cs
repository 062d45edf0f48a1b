using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Media;

/// <summary>What <see cref="MediaProcessor.ProcessAsync"/> stored; fills a <see cref="MediaFile"/>.</summary>
/// <param name="Size">Bytes of the stored original (the re-encoded image, or the PDF as uploaded).</param>
public sealed record MediaUpload(
    string StorageName, MediaKind Kind, string ContentType, long Size, int? Width, int? Height, string VariantWidths);
