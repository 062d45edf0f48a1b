namespace KhuyenCong.Web.Models;

/// <summary>
/// A producer or showroom operator, shared by products, showrooms and fair participations. Contact details are
/// shown publicly only when the establishment consented to publication.
/// </summary>
public class Establishment
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Unique; used in the public URL of the producer page.</summary>
    public required string Slug { get; set; }
    public EstablishmentKind Kind { get; set; }
    /// <summary>The address as written when recorded (street, commune, district, province of that time).</summary>
    public string Address { get; set; } = "";
    /// <summary>The place (usually a district-level unit of 2021) as it was when recorded.</summary>
    public int? PlaceId { get; set; }
    public Place? Place { get; set; }
    public string? Representative { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string Description { get; set; } = "";
    public bool ConsentedToPublish { get; set; }
    public bool IsSample { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public string? SourcePath { get; set; }
    public string? SourceHash { get; set; }

    public List<Product> Products { get; set; } = [];
    public List<Showroom> Showrooms { get; set; } = [];
    public List<FairParticipation> FairParticipations { get; set; } = [];
}
