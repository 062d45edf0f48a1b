using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>content/places.yml: provinces, districts and communes with their history (successor, parent).</summary>
public sealed partial class ContentImporter
{
    private async Task<string> ImportPlacesAsync(CancellationToken ct)
    {
        const string file = "places.yml";
        if (await ReadListAsync<PlaceFile>(file, ct) is not { } entries)
        {
            return "places: no places.yml";
        }

        var places = await db.Places.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        int added = 0, updated = 0;
        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            var code = e.Code?.Trim() ?? "";
            if (!Slugifier.IsValid(code) || string.IsNullOrWhiteSpace(e.Name))
            {
                throw new ContentImportException(file, i + 1, $"place #{i + 1} needs a valid 'code' and a 'name'");
            }

            var level = e.Level?.Trim().ToLowerInvariant() switch
            {
                "province" => PlaceLevel.Province,
                "district" => PlaceLevel.District,
                "commune" => PlaceLevel.Commune,
                _ => throw new ContentImportException(file, i + 1, $"place '{code}': level must be province, district or commune"),
            };
            if (!places.TryGetValue(code, out var place))
            {
                place = new Place { Code = code, Name = e.Name.Trim() };
                places[code] = place;
                db.Places.Add(place);
                added++;
            }
            else
            {
                updated++;
            }

            place.Name = e.Name.Trim();
            place.Level = level;
            place.ValidFrom = FrontMatter.ParseDate(file, "valid_from", e.ValidFrom);
            place.ValidTo = FrontMatter.ParseDate(file, "valid_to", e.ValidTo);
        }

        foreach (var (e, i) in entries.Select((e, i) => (e, i)))
        {
            var place = places[e.Code!.Trim()];
            place.Parent = Reference(e.Parent, "parent");
            place.Successor = Reference(e.Successor, "successor");

            Place? Reference(string? code, string field) =>
                string.IsNullOrWhiteSpace(code) ? null
                : places.GetValueOrDefault(code.Trim()) ?? throw new ContentImportException(file, i + 1, $"place '{e.Code}': unknown {field} '{code}'");
        }

        var changed = db.ChangeTracker.Entries<Place>().Count(x => x.State == EntityState.Modified);
        await db.SaveChangesAsync(ct);
        return $"places: {entries.Count} entries, {added} added, {changed} updated, {updated - changed} unchanged";
    }
}
