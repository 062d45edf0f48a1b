using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>content/articles: news articles, their topic and tags.</summary>
public sealed partial class ContentImporter
{
    private async Task ApplyArticleAsync(string relativePath, string text, Article article, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<ArticleFile>(relativePath, text);
        await ApplyCommonAsync(relativePath, text, article, meta.Title, meta.Slug, meta.Summary, body, meta.Status, meta.Sample, db.Articles, ct);
        article.PublishAt = RequiredPublishAt(relativePath, text, meta.Date);
        article.UpdatedAt = FrontMatter.ParseLocalTime(relativePath, "updated", meta.Updated) ?? article.PublishAt.Value;
        article.CreatedAt = article.CreatedAt == default ? article.PublishAt.Value : article.CreatedAt;
        article.Author = meta.Author;
        article.Source = meta.Source;
        article.IsFeatured = meta.Featured;
        if (meta.Area is < 1 or > 6)
        {
            throw new ContentImportException(relativePath, LineOf(text, "area"), "'area' must be a programme content number from 1 to 6");
        }

        article.ProgramArea = meta.Area;
        article.TopicId = null;
        if (!string.IsNullOrWhiteSpace(meta.Topic))
        {
            article.TopicId = topicIds.TryGetValue(meta.Topic, out var topicId) ? topicId
                : throw new ContentImportException(relativePath, LineOf(text, "topic"), $"unknown topic '{meta.Topic}' (see topics.yml)");
        }

        article.Tags.Clear();
        foreach (var name in meta.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var slug = Slugifier.Slugify(name);
            if (!chunkTags.TryGetValue(slug, out var tag))
            {
                // Find returns the tracked tag when an included article already loaded it, else one query.
                tag = tagIds.TryGetValue(slug, out var tagId) ? await db.Tags.FindAsync([tagId], ct) : null;
                if (tag is null)
                {
                    tag = new Tag { Name = name, Slug = slug };
                    db.Tags.Add(tag);
                }

                chunkTags[slug] = tag;
            }

            if (!article.Tags.Contains(tag))
            {
                article.Tags.Add(tag);
            }
        }
    }
}
