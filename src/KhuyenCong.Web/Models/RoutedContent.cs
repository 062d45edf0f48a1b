namespace KhuyenCong.Web.Models;

/// <summary>The columns every routed content type shares (each type keeps its own table).</summary>
public abstract class RoutedContent
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    /// <summary>Sanitised HTML rendered from <see cref="BodyMarkdown"/> on save; never rendered per request.</summary>
    public string BodyHtml { get; set; } = "";
    public ContentStatus Status { get; set; } = ContentStatus.Draft;
    /// <summary>UTC. A future time means scheduled.</summary>
    public DateTime? PublishAt { get; set; }
    public DateTime? UnpublishAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? FeaturedImage { get; set; }
    public string? FeaturedImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    /// <summary>Invented sample content, shown discreetly as such.</summary>
    public bool IsSample { get; set; }
    /// <summary>When the item first became visible (set on publish, or by the scheduler at PublishAt).</summary>
    public DateTime? WentLiveAt { get; set; }
    /// <summary>The publisher's note when sending an item back to its editor.</summary>
    public string? ReviewNote { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>Path of the content file this item was imported from, relative to the content folder.</summary>
    public string? SourcePath { get; set; }
    /// <summary>SHA-256 of the imported file, so an unchanged file changes nothing.</summary>
    public string? SourceHash { get; set; }

    public bool IsPublishedAt(DateTime utcNow) =>
        Status == ContentStatus.Published && IsWithinSchedule(PublishAt, UnpublishAt, utcNow);

    /// <summary>The schedule half of the visibility rule: live from <paramref name="publishAt"/> until <paramref name="unpublishAt"/>.</summary>
    public static bool IsWithinSchedule(DateTime? publishAt, DateTime? unpublishAt, DateTime utcNow) =>
        publishAt is { } at && at <= utcNow && (unpublishAt is null || unpublishAt > utcNow);
}

public static class RoutedContentQueries
{
    /// <summary>Items a visitor may see at <paramref name="utcNow"/>.</summary>
    public static IQueryable<T> Published<T>(this IQueryable<T> query, DateTime utcNow) where T : RoutedContent =>
        query.Where(x => x.Status == ContentStatus.Published
                         && x.PublishAt != null && x.PublishAt <= utcNow
                         && (x.UnpublishAt == null || x.UnpublishAt > utcNow));
}
