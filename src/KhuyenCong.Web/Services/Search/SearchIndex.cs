using KhuyenCong.Web.Data;

namespace KhuyenCong.Web.Services.Search;

/// <summary>What the index stores for one published item (original, unfolded text).</summary>
public sealed record SearchDocument(
    string Kind, int ItemId, string Title, string Url, string Summary, string BodyText,
    DateTime PublishAt, DateTime? UnpublishAt);

public sealed record SearchHit(
    string Kind, int ItemId, string Url, DateTime PublishAt,
    IReadOnlyList<TextSegment> Title, IReadOnlyList<TextSegment> Snippet);

/// <param name="Total">Matches of the chosen kind (all kinds when none was chosen), at most <see cref="SearchQuery.MaxCounted"/>.</param>
/// <param name="KindCounts">Matches per kind, whatever kind was chosen (for the kind filter); among the newest
/// <see cref="SearchQuery.MaxCounted"/> matches when <paramref name="Capped"/>.</param>
/// <param name="Capped">More matches exist than were counted and ranked: the page says "hơn 1.000 kết quả".</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, int> KindCounts, bool Capped = false)
{
    public static readonly SearchResults Empty = new(0, [], new Dictionary<string, int>());
}

/// <summary>
/// Full-text search over published items. Provider-specific SQL lives only behind this interface; every
/// implementation folds text and query the same way (<see cref="TextFolding"/>), so "dao tao" finds "đào tạo".
/// Methods take the caller's context so index changes commit in the caller's transaction.
/// Ranking: items whose folded title, summary or body holds the query's words as a phrase, in order, come before
/// items that hold them scattered (a phrase in the title before one in the summary before one in the body); within
/// each tier the provider's relevance (title above summary above body) decides.
/// </summary>
public interface ISearchIndex
{
    Task UpsertAsync(AppDbContext db, SearchDocument document, CancellationToken ct = default);
    Task RemoveAsync(AppDbContext db, string kind, int itemId, CancellationToken ct = default);
    /// <param name="kind">Only hits of this kind (<see cref="SearchKinds"/>), or null for every kind.</param>
    Task<SearchResults> SearchAsync(AppDbContext db, string query, DateTime utcNow, int skip, int take, string? kind = null, CancellationToken ct = default);
}

public static class SearchKinds
{
    public const string Article = "article";
    public const string Document = "document";
    public const string Page = "page";
    public const string Product = "product";
    public const string TvSegment = "tv";
    public const string Showroom = "showroom";
    public const string Fair = "fair";
    public const string Establishment = "establishment";
    public const string Qa = "qa";

    /// <summary>Every kind in the order the search page lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Article, Document, Product, Establishment, Showroom, Fair, TvSegment, Qa, Page];
}

/// <summary>The words of a query as the index matches them: folded, at most 8, the last one a prefix.</summary>
public static class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxTermLength = 40;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// The most matches a search counts and ranks: the newest this many (newest indexed first) are the candidates,
    /// ranked by phrase tiers and relevance; a broader query says "hơn 1.000 kết quả" and ranks only these. So no
    /// query scores every match, whatever the size of the site.
    /// </summary>
    public const int MaxCounted = 1000;

    /// <summary>The candidate window: <see cref="MaxCounted"/>, or more when a caller takes more in one go (the API's text filter, 2,000).</summary>
    public static int Window(int take) => Math.Max(MaxCounted, Math.Min(take, 5_000));

    public static IReadOnlyList<string> Terms(string? query) =>
        TextFolding.Tokens(query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query)
            .Where(t => t.Length <= MaxTermLength)
            .Take(MaxTerms)
            .ToList();
}
