namespace KhuyenCong.Web.Models;

/// <summary>
/// The legal form of a rural-industry establishment (cơ sở công nghiệp nông thôn): of a producer or showroom
/// operator and of an establishment that registers for support. Stored as its number.
/// </summary>
public enum EstablishmentKind
{
    Enterprise = 0,
    Cooperative = 1,
    CooperativeGroup = 2,
    HouseholdBusiness = 3,
    Other = 9,
}

/// <summary>One kind's codes and Vietnamese names.</summary>
/// <param name="Code">In content files and the editors' forms: "household-business".</param>
/// <param name="Slug">In public addresses, the open-data API and the registration form: "ho-kinh-doanh".</param>
/// <param name="Label">Its short name: "Doanh nghiệp".</param>
/// <param name="FormLabel">As the registration form offers it to an applicant: "Doanh nghiệp nhỏ và vừa".</param>
public sealed record EstablishmentKindInfo(EstablishmentKind Kind, string Code, string Slug, string Label, string FormLabel);

/// <summary>The one table of establishment kinds that forms, filters, files and exports read.</summary>
public static class EstablishmentKinds
{
    public static readonly IReadOnlyList<EstablishmentKindInfo> All =
    [
        new(EstablishmentKind.Enterprise, "enterprise", "doanh-nghiep", "Doanh nghiệp", "Doanh nghiệp nhỏ và vừa"),
        new(EstablishmentKind.Cooperative, "cooperative", "hop-tac-xa", "Hợp tác xã", "Hợp tác xã"),
        new(EstablishmentKind.CooperativeGroup, "cooperative-group", "to-hop-tac", "Tổ hợp tác", "Tổ hợp tác"),
        new(EstablishmentKind.HouseholdBusiness, "household-business", "ho-kinh-doanh", "Hộ kinh doanh", "Hộ kinh doanh"),
        new(EstablishmentKind.Other, "other", "khac", "Khác", "Loại hình khác"),
    ];

    /// <summary>The kind's row; an unknown number reads as "other".</summary>
    public static EstablishmentKindInfo Of(EstablishmentKind kind) => All.FirstOrDefault(k => k.Kind == kind) ?? All[^1];

    public static string Label(EstablishmentKind kind) => Of(kind).Label;

    public static string Code(EstablishmentKind kind) => Of(kind).Code;

    public static string Slug(EstablishmentKind kind) => Of(kind).Slug;

    /// <summary>The kind of a content-file or editor-form code ("cooperative"), or null.</summary>
    public static EstablishmentKind? FromCode(string? code) => All.FirstOrDefault(k => k.Code == code?.Trim())?.Kind;

    /// <summary>The kind of an address or form slug ("hop-tac-xa"), or null.</summary>
    public static EstablishmentKind? FromSlug(string? slug) => All.FirstOrDefault(k => k.Slug == slug)?.Kind;
}
