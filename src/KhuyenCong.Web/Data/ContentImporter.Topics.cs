using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>content/topics.yml: the news topics.</summary>
public sealed partial class ContentImporter
{
    private async Task<string> ImportTopicsAsync(CancellationToken ct)
    {
        const string file = "topics.yml";
        if (await ReadListAsync<TopicFile>(file, ct) is not { } entries)
        {
            return "topics: no topics.yml";
        }

        var existing = await db.Topics.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        int added = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var slug = e.Slug?.Trim() ?? "";
            if (!Slugifier.IsValid(slug) || string.IsNullOrWhiteSpace(e.Name))
            {
                throw new ContentImportException(file, i + 1, $"topic #{i + 1} needs a valid 'slug' and a 'name'");
            }

            if (!existing.TryGetValue(slug, out var topic))
            {
                db.Topics.Add(new Topic { Slug = slug, Name = e.Name.Trim(), Description = e.Description?.Trim() ?? "", SortOrder = i });
                added++;
            }
            else if (topic.Name != e.Name.Trim() || topic.Description != (e.Description?.Trim() ?? "") || topic.SortOrder != i)
            {
                (topic.Name, topic.Description, topic.SortOrder) = (e.Name.Trim(), e.Description?.Trim() ?? "", i);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new Counts("topics", entries.Count, added, updated, unchanged).ToString().Replace(" files", " entries", StringComparison.Ordinal);
    }
}
