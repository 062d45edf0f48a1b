using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Content;

/// <summary>The URL codes of the product list's facets (Vietnamese without diacritics) and their labels.</summary>
public static class ProductFilters
{
    public static readonly IReadOnlyList<(CnntGroup Value, string Code)> Groups =
    [
        (CnntGroup.Handicraft, "thu-cong-my-nghe"), (CnntGroup.ProcessedFood, "che-bien-thuc-pham"),
        (CnntGroup.Machinery, "co-khi"), (CnntGroup.Other, "khac"),
    ];

    public static readonly IReadOnlyList<(CertificationLevel Value, string Code)> Levels =
    [
        (CertificationLevel.National, "quoc-gia"), (CertificationLevel.Regional, "khu-vuc"), (CertificationLevel.Provincial, "tinh"),
    ];

    /// <summary>The establishment kinds by their address slugs (<see cref="EstablishmentKinds"/>).</summary>
    public static readonly IReadOnlyList<(EstablishmentKind Value, string Code)> Kinds = EstablishmentKinds.All.Select(k => (k.Kind, k.Slug)).ToList();

    public static readonly IReadOnlyList<(string Code, string Label)> Sorts =
    [
        ("moi-nhat", "Mới nhất"), ("ten", "Tên (A–Z)"), ("chung-nhan", "Chứng nhận gần nhất"),
    ];

    public static string GroupCode(CnntGroup group) => Groups.First(g => g.Value == group).Code;
    public static string LevelCode(CertificationLevel level) => Levels.First(g => g.Value == level).Code;
    public static string KindCode(EstablishmentKind kind) => EstablishmentKinds.Slug(kind);
}
