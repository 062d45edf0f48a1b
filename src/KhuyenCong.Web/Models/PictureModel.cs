
namespace KhuyenCong.Web.Models;

/// <summary>What <c>_Picture</c> needs: the stored image, its alt text, and the CSS sizes hint for srcset.</summary>
public sealed record PictureModel(MediaFile Image, string? Alt, string Sizes = "(max-width: 48rem) 100vw, 46rem", bool Lazy = true);
