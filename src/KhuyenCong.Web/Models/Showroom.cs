namespace KhuyenCong.Web.Models;

/// <summary>A showroom of typical rural-industry products the programme supported (target: 20).</summary>
public class Showroom : RoutedContent
{
    public int? EstablishmentId { get; set; }
    public Establishment? Establishment { get; set; }
    public string Address { get; set; } = "";
    public int? PlaceId { get; set; }
    public Place? Place { get; set; }
    public string? OpeningHours { get; set; }
    public int? YearSupported { get; set; }
    public List<GalleryImage> Gallery { get; set; } = [];
    public List<Product> Products { get; set; } = [];
}
