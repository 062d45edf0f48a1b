using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// Places as they were and as they are: "huyện Giồng Trôm, tỉnh Bến Tre — nay thuộc tỉnh Vĩnh Long". The place
/// list is small (tens of rows), so it is loaded whole and walked in memory.
/// </summary>
public sealed class PlaceHistory
{
    private readonly Dictionary<int, Place> byId;

    /// <summary>A place as recorded and, when it no longer exists, the unit that covers it now.</summary>
    public sealed record Display(string AsRecorded, string? NowPartOf);

    public PlaceHistory(IEnumerable<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        byId = places.ToDictionary(p => p.Id);
        ByCode = byId.Values.ToDictionary(p => p.Code, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Place> ByCode { get; }

    public IReadOnlyCollection<Place> All => byId.Values;

    public static async Task<PlaceHistory> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new PlaceHistory(await db.Places.AsNoTracking().ToListAsync(ct));
    }

    public Place? Find(int? id) => id is { } i ? byId.GetValueOrDefault(i) : null;

    /// <summary>"huyện Giồng Trôm, tỉnh Bến Tre": the place with its parents, as named at the time.</summary>
    public string Historical(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var names = new List<string>();
        for (Place? p = place; p is not null && names.Count < 5; p = Find(p.ParentId))
        {
            names.Add(p.Name);
        }

        return string.Join(", ", names);
    }

    /// <summary>
    /// The unit that covers the place on <paramref name="day"/> (itself when still valid). A unit without a successor
    /// of its own is followed through its parent's (a district of 2021 to its old province to the new one).
    /// </summary>
    public Place Current(Place place, DateTime day)
    {
        ArgumentNullException.ThrowIfNull(place);
        var p = place;
        for (var i = 0; i < 10 && !p.IsValidOn(day); i++)
        {
            var next = Find(p.SuccessorId) ?? Find(Find(p.ParentId)?.SuccessorId);
            if (next is null)
            {
                break;
            }

            p = next;
        }

        return p;
    }

    /// <summary>The place as recorded and, when it no longer exists on <paramref name="day"/>, the unit that covers it now.</summary>
    public Display Show(Place place, DateTime day)
    {
        var now = Current(place, day);
        return new Display(Historical(place), now.Id == place.Id ? null : "nay thuộc " + Historical(now));
    }

    /// <summary>"huyện Giồng Trôm, tỉnh Bến Tre — nay thuộc tỉnh Vĩnh Long"; no suffix when the place still exists.</summary>
    public string Describe(Place place, DateTime day) =>
        Show(place, day) is { NowPartOf: { } now } shown ? $"{shown.AsRecorded} — {now}" : Historical(place);

    public string? Describe(int? placeId, DateTime day) => Find(placeId) is { } p ? Describe(p, day) : null;

    /// <summary>
    /// The place ids a filter on <paramref name="place"/> covers: the place, the units inside it, and the units it
    /// succeeded (with theirs), so "tỉnh Vĩnh Long" also finds products of huyện Giồng Trôm, tỉnh Bến Tre.
    /// </summary>
    public IReadOnlyCollection<int> Covered(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var result = new HashSet<int>();
        var queue = new Queue<Place>([place]);
        while (queue.TryDequeue(out var p))
        {
            if (!result.Add(p.Id))
            {
                continue;
            }

            foreach (var other in byId.Values.Where(o => o.ParentId == p.Id || o.SuccessorId == p.Id))
            {
                queue.Enqueue(other);
            }
        }

        return result;
    }

    /// <summary>Filter choices: provinces first (current before former), then district-level units by name.</summary>
    public IReadOnlyList<Place> FilterChoices() =>
        byId.Values.Where(p => p.Level != PlaceLevel.Commune)
            .OrderBy(p => p.Level).ThenBy(p => p.ValidTo is null ? 0 : 1)
            .ThenBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
}
