using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// What the search index holds for each type beyond title, summary and body: every field a visitor would search
/// by (a fair's venue, organiser and host province; a product's producer and place; a showroom's address, place
/// and operator; a document's kind, number and issuer; a TV segment's "Kỳ N", channel and transcript), and the
/// producers themselves (kind <see cref="SearchKinds.Establishment"/>), which have a page once something of
/// theirs is published.
/// </summary>
public sealed class SearchFields
{
    private readonly Dictionary<int, string> establishments;
    private readonly Dictionary<int, Place> places;

    private SearchFields(Dictionary<int, string> establishments, Dictionary<int, Place> places)
    {
        this.establishments = establishments;
        this.places = places;
    }

    /// <summary>Loads the producer and place names the items refer to (two queries for any number of items).</summary>
    public static async Task<SearchFields> LoadAsync(AppDbContext db, IReadOnlyList<RoutedContent> items, CancellationToken ct)
    {
        var establishmentIds = items.Select(EstablishmentOf).OfType<int>().Distinct().ToList();
        var names = establishmentIds.Count == 0 ? new Dictionary<int, string>()
            : await db.Establishments.AsNoTracking().Where(e => establishmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var needsPlaces = items.Any(i => i is Product or Showroom);
        var placeList = needsPlaces ? await db.Places.AsNoTracking().ToListAsync(ct) : [];
        return new SearchFields(names, placeList.ToDictionary(p => p.Id));
    }

    public static int? EstablishmentOf(RoutedContent item) => item switch
    {
        Product p => p.EstablishmentId,
        Showroom s => s.EstablishmentId,
        _ => null,
    };

    /// <summary>
    /// The title to index and show in results: a document's is "Kind Number: subject" (its number is what people
    /// type, and many other documents cite it), every other item's its own.
    /// </summary>
    public static string Title(RoutedContent item) => item is Document { Number: { Length: > 0 } number } d
        ? $"{d.Kind} {number}: {DisplayTitles.DocumentSubject(d.Kind, d.Title)}"
        : item.Title;

    /// <summary>The body text to index for an item: its plain text plus the fields people search by.</summary>
    public string Body(RoutedContent item, string body)
    {
        switch (item)
        {
            case Document d:
                // "1625/QĐ-UBND" folds to the words 1625 qd ubnd, so both the full number and "1625" find it.
                return Join(d.Kind, d.Number, d.Issuer, body);
            case TvSegment t:
                // "kỳ 5" / "ky 5" and what people remember hearing (the transcript).
                return Join($"Kỳ {t.EpisodeNumber}", t.Channel, body, string.Join(' ', Transcript.Lines(t.Transcript).Select(l => l.Text)));
            case Product p:
                return Join(Producer(p.EstablishmentId), PlaceNames(p.PlaceId), ProductFacts.SearchText(p, body));
            case Showroom s:
                return Join(Producer(s.EstablishmentId), s.Address, PlaceNames(s.PlaceId), body);
            case Fair f:
                return Join(f.Venue, f.Address, f.Organiser, f.HostProvince, body, f.ResultsMarkdown);
            case QaItem q:
                // The question as asked is what people search by, beside the answer.
                return Join(q.QuestionText, body);
            default:
                return body;
        }
    }

    private string? Producer(int? id) => id is { } x ? establishments.GetValueOrDefault(x) : null;

    /// <summary>The place as recorded, its province of the time and the unit that covers it now.</summary>
    private string? PlaceNames(int? id)
    {
        if (id is not { } x || !places.TryGetValue(x, out var place))
        {
            return null;
        }

        var names = new List<string> { place.Name };
        for (var p = place; p.ParentId is { } parent && places.TryGetValue(parent, out var up) && names.Count < 4; p = up)
        {
            names.Add(up.Name);
        }

        if (place.SuccessorId is { } successor && places.TryGetValue(successor, out var now))
        {
            names.Add(now.Name);
        }

        return string.Join(' ', names);
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>
    /// Indexes (or removes) producers: one has a search entry, like a page, while a product or showroom of theirs is
    /// published. Called for the producers of every product and showroom saved, and when a producer is edited.
    /// </summary>
    public static async Task IndexEstablishmentsAsync(AppDbContext db, ISearchIndex search, IReadOnlyCollection<int> ids, DateTime utcNow, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var rows = await db.Establishments.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Slug, e.Kind, e.Address, e.PlaceId, e.Description, e.ConsentedToPublish, e.CreatedAt })
            .ToListAsync(ct);
        var products = await db.Products.AsNoTracking().Published(utcNow).Where(p => p.EstablishmentId != null && ids.Contains(p.EstablishmentId.Value))
            .Select(p => new { Id = p.EstablishmentId!.Value, p.Title, p.PublishAt }).ToListAsync(ct);
        var showrooms = await db.Showrooms.AsNoTracking().Published(utcNow).Where(s => s.EstablishmentId != null && ids.Contains(s.EstablishmentId.Value))
            .Select(s => new { Id = s.EstablishmentId!.Value, s.Title, s.PublishAt }).ToListAsync(ct);
        var places = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var fields = new SearchFields([], places);
        foreach (var e in rows)
        {
            var titles = products.Where(p => p.Id == e.Id).Select(p => (p.Title, p.PublishAt))
                .Concat(showrooms.Where(s => s.Id == e.Id).Select(s => (s.Title, s.PublishAt))).ToList();
            if (titles.Count == 0)
            {
                await search.RemoveAsync(db, SearchKinds.Establishment, e.Id, ct);
                continue;
            }

            var body = Join(EstablishmentKinds.Label(e.Kind), e.ConsentedToPublish ? e.Address : null, fields.PlaceNames(e.PlaceId),
                string.Join(' ', titles.Select(t => t.Title)));
            var since = titles.Min(t => t.PublishAt) ?? e.CreatedAt;
            await search.UpsertAsync(db, new SearchDocument(SearchKinds.Establishment, e.Id, e.Name, SiteUrls.Establishment(e.Slug),
                e.Description, body, since, null), ct);
        }
    }
}
