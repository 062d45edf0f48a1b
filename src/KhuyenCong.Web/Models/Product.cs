namespace KhuyenCong.Web.Models;

/// <summary>The four groups of typical rural-industry products in the selection rules.</summary>
public enum CnntGroup
{
    /// <summary>Thủ công mỹ nghệ.</summary>
    Handicraft = 1,
    /// <summary>Chế biến nông, lâm, thủy sản và thực phẩm.</summary>
    ProcessedFood = 2,
    /// <summary>Máy móc, thiết bị, dụng cụ và phụ tùng cơ khí.</summary>
    Machinery = 3,
    /// <summary>Sản phẩm khác.</summary>
    Other = 4,
}

public enum CertificationLevel
{
    /// <summary>Cấp tỉnh.</summary>
    Provincial = 1,
    /// <summary>Cấp khu vực.</summary>
    Regional = 2,
    /// <summary>Cấp quốc gia.</summary>
    National = 3,
}

/// <summary>A certified typical rural-industry product or product set (sản phẩm CNNT tiêu biểu).</summary>
public class Product : RoutedContent
{
    /// <summary>A product set (bộ sản phẩm) rather than a single product.</summary>
    public bool IsSet { get; set; }
    public CnntGroup Group { get; set; }
    public int? EstablishmentId { get; set; }
    public Establishment? Establishment { get; set; }
    /// <summary>The place as it was when the product was certified (e.g. huyện Giồng Trôm of tỉnh Bến Tre).</summary>
    public int? PlaceId { get; set; }
    public Place? Place { get; set; }
    public List<ProductCertification> Certifications { get; set; } = [];
    /// <summary>OCOP stars (3–5) when rated, and the year of the rating.</summary>
    public int? OcopStars { get; set; }
    public int? OcopYear { get; set; }
    public List<GalleryImage> Gallery { get; set; } = [];
    public List<ShopLink> WhereToBuy { get; set; } = [];
    public List<SupportReceived> Support { get; set; } = [];
    public List<Showroom> Showrooms { get; set; } = [];

    // Denormalised from Certifications on every save, so the list page filters and sorts on indexed columns.
    public CertificationLevel? HighestLevel { get; set; }
    public int? LatestRoundYear { get; set; }

    public static string GroupLabel(CnntGroup group) => group switch
    {
        CnntGroup.Handicraft => "Thủ công mỹ nghệ",
        CnntGroup.ProcessedFood => "Chế biến nông, lâm, thủy sản và thực phẩm",
        CnntGroup.Machinery => "Máy móc, thiết bị, dụng cụ và phụ tùng cơ khí",
        _ => "Sản phẩm khác",
    };

    public static string LevelLabel(CertificationLevel level) => level switch
    {
        CertificationLevel.Provincial => "Cấp tỉnh",
        CertificationLevel.Regional => "Cấp khu vực",
        _ => "Cấp quốc gia",
    };
}

/// <summary>One certification of a product as typical (one selection round at one level).</summary>
public class ProductCertification
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public CertificationLevel Level { get; set; }
    public int RoundYear { get; set; }
    /// <summary>As written, e.g. "1234/QĐ-UBND".</summary>
    public string? DecisionNumber { get; set; }
    public DateTime? DecisionDate { get; set; }
    public string? Issuer { get; set; }
}

/// <summary>An image of a gallery (stored as JSON with its owner): a media storage name and its alt text.</summary>
public class GalleryImage
{
    public required string Media { get; set; }
    public required string Alt { get; set; }
    public string? Caption { get; set; }
}

/// <summary>Where to buy a product: a shop or a link.</summary>
public class ShopLink
{
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Url { get; set; }
    public string? Phone { get; set; }
}

/// <summary>Khuyến công support an establishment received for a product.</summary>
public class SupportReceived
{
    public required string Project { get; set; }
    public int Year { get; set; }
    /// <summary>E.g. "Máy móc thiết bị", "Thiết kế bao bì", "Hội chợ".</summary>
    public required string Kind { get; set; }
}
