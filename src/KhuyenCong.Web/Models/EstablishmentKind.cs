namespace KhuyenCong.Web.Models;

/// <summary>The codes of the establishment kinds in forms and content files ("cooperative", …).</summary>
public static class EstablishmentKindCodes
{
    public static readonly IReadOnlyList<(EstablishmentKind Kind, string Code)> All =
    [
        (EstablishmentKind.Enterprise, "enterprise"), (EstablishmentKind.Cooperative, "cooperative"),
        (EstablishmentKind.CooperativeGroup, "cooperative-group"), (EstablishmentKind.HouseholdBusiness, "household-business"),
        (EstablishmentKind.Other, "other"),
    ];

    public static string Code(EstablishmentKind kind) => All.First(k => k.Kind == kind).Code;

    public static EstablishmentKind? Parse(string? code) =>
        All.Where(k => k.Code == code?.Trim()).Select(k => (EstablishmentKind?)k.Kind).FirstOrDefault();
}
