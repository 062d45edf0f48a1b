using KhuyenCong.Web.Data;

namespace KhuyenCong.Web.Services;

/// <summary>What the index stores for one published item (original, unfolded text).</summary>
public sealed record SearchDocument(
    string Kind, int ItemId, string Title, string Url, string Summary, string BodyText,
    DateTime PublishAt, DateTime? UnpublishAt);

public sealed record SearchHit(
    string Kind, int ItemId, string Url, DateTime PublishAt,
    IReadOnlyList<TextSegment> Title, IReadOnlyList<TextSegment> Snippet);

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults Empty = new(0, []);
}

/// <summary>
/// Full-text search over published items. Provider-specific SQL lives only behind this interface; every
/// implementation folds text and query the same way (<see cref="TextFolding"/>), so "dao tao" finds "đào tạo".
/// Methods take the caller's context so index changes commit in the caller's transaction.
/// </summary>
public interface ISearchIndex
{
    Task UpsertAsync(AppDbContext db, SearchDocument document, CancellationToken ct = default);
    Task RemoveAsync(AppDbContext db, string kind, int itemId, CancellationToken ct = default);
    Task<SearchResults> SearchAsync(AppDbContext db, string query, DateTime utcNow, int skip, int take, CancellationToken ct = default);
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
}

/// <summary>The words of a query as the index matches them: folded, at most 8, the last one a prefix.</summary>
public static class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxTermLength = 40;
    public const int MaxQueryLength = 200;

    public static IReadOnlyList<string> Terms(string? query) =>
        TextFolding.Tokens(query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query)
            .Where(t => t.Length <= MaxTermLength)
            .Take(MaxTerms)
            .ToList();
}
