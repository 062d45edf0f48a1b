using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>A place the form offers: its code in content/places.yml and its name as the form shows it.</summary>
public sealed record RegistrationPlace(string Code, string Name);

/// <summary>
/// The places the form offers, read from the place list (content/places.yml): the district-level units of tỉnh
/// Bến Tre. Bến Tre joined the new tỉnh Vĩnh Long on 1 July 2025 and the district level was abolished, but the
/// programme of decision 1625 counts by these units, so the form asks for them "theo địa giới trước ngày 01/7/2025".
/// </summary>
public static class RegistrationPlaces
{
    /// <summary>The code of the former province in places.yml.</summary>
    public const string Province = "ben-tre";

    /// <summary>The units in the list's order, named with a capital first letter ("Huyện Ba Tri").</summary>
    public static async Task<IReadOnlyList<RegistrationPlace>> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Places.AsNoTracking()
            .Where(p => p.Level == PlaceLevel.District && p.Parent != null && p.Parent.Code == Province)
            .OrderBy(p => p.Id).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        return rows.Select(p => new RegistrationPlace(p.Code, Capitalised(p.Name))).ToList();
    }

    private static string Capitalised(string name) =>
        name.Length == 0 ? name : char.ToUpper(name[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + name[1..];
}
