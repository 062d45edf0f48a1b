namespace KhuyenCong.Web.Models;

public enum PlaceLevel
{
    Province = 0,
    District = 1,
    Commune = 2,
}

/// <summary>An administrative unit with the dates it existed; units merge and disappear (2025 reform).</summary>
public class Place
{
    public int Id { get; set; }
    public required string Code { get; set; }
    /// <summary>As written when valid, with its prefix: "huyện Giồng Trôm".</summary>
    public required string Name { get; set; }
    public PlaceLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Place? Parent { get; set; }
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
    /// <summary>The unit that covers this one now, when it no longer exists.</summary>
    public int? SuccessorId { get; set; }
    public Place? Successor { get; set; }

    public bool IsValidOn(DateTime day) =>
        (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || ValidTo >= day);
}
