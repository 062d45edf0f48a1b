namespace KhuyenCong.Web.Models;

public class Article : RoutedContent
{
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }
    public List<Tag> Tags { get; set; } = [];
    /// <summary>Programme content (1–6) of decision 1625/QĐ-UBND, Part III.IV.</summary>
    public int? ProgramArea { get; set; }
    public string? Author { get; set; }
    public string? Source { get; set; }
    public bool IsFeatured { get; set; }
}

public static class ArticleQueries
{
    public static IQueryable<Article> InTopic(this IQueryable<Article> query, int topicId) =>
        query.Where(a => a.TopicId == topicId);

    public static IQueryable<Article> WithTag(this IQueryable<Article> query, int tagId) =>
        query.Where(a => a.Tags.Any(t => t.Id == tagId));

    public static IQueryable<Article> Newest(this IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id);
}

/// <summary>What a news list shows of an article; projected in SQL, one query per list.</summary>
public sealed record ArticleCard(
    string Title, string Slug, string Summary, DateTime PublishAt, DateTime UpdatedAt,
    string? TopicName, string? TopicSlug, bool IsSample);

public static class ArticleCardQueries
{
    /// <summary>The cards of the given articles (a page of <see cref="Services.Content.ArticleLists"/>), newest first, read by primary key.</summary>
    public static Task<List<ArticleCard>> CardsOfAsync(this IQueryable<Article> query, IReadOnlyList<int> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.ToList();
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            query.Where(a => wanted.Contains(a.Id)).Newest().ToCards(), ct);
    }

    public static IQueryable<ArticleCard> ToCards(this IQueryable<Article> query) =>
        query.Select(a => new ArticleCard(
            a.Title, a.Slug, a.Summary, a.PublishAt!.Value, a.UpdatedAt,
            a.Topic != null ? a.Topic.Name : null, a.Topic != null ? a.Topic.Slug : null, a.IsSample));
}
