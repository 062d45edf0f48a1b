using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>content/pages: the page tree, parents before children.</summary>
public sealed partial class ContentImporter
{
    private async Task ApplyPageAsync(string relativePath, string text, Page page, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<PageFile>(relativePath, text);
        var (oldPath, wasLive) = (page.Path, WasLive(page));
        page.Path = "";
        page.Parent = null;
        page.ParentId = null;
        if (!string.IsNullOrWhiteSpace(meta.Parent))
        {
            var parentPath = meta.Parent.Trim().Trim('/');
            var parent = db.Pages.Local.FirstOrDefault(p => p.Path == parentPath && p != page)
                ?? await db.Pages.FirstOrDefaultAsync(p => p.Path == parentPath, ct)
                ?? throw new ContentImportException(relativePath, LineOf(text, "parent"), $"unknown parent page '{meta.Parent}'");
            page.Parent = parent;
            page.Path = parent.Path + "/";
        }

        var prefix = page.Path;
        var slug = string.IsNullOrWhiteSpace(meta.Slug) ? null : meta.Slug.Trim();
        if (slug is not null && !Slugifier.IsValid(slug))
        {
            throw new ContentImportException(relativePath, LineOf(text, "slug"), $"'{slug}' is not a valid slug (lower-case ASCII letters, digits and '-')");
        }

        var title = Required(relativePath, text, "title", meta.Title);
        slug ??= Slugifier.Slugify(title);
        var taken = db.Pages.Local.Any(p => p != page && p.Path == prefix + slug)
            || await db.Pages.AnyAsync(p => p.Path == prefix + slug && p.Id != page.Id, ct);
        if (taken)
        {
            throw new ContentImportException(relativePath, LineOf(text, "slug"), $"another page already has the address /{prefix}{slug}");
        }

        await ApplyCommonAsync(relativePath, text, page, title, slug, meta.Summary, body, meta.Status, meta.Sample, null, ct);
        page.Path = prefix + page.Slug;
        if (oldPath is { Length: > 0 } && oldPath != page.Path)
        {
            await RememberOldAddressAsync(nameof(Page), page, oldPath, page.Path, wasLive, ct);
        }

        page.SortOrder = meta.Order;
        page.Language = meta.Lang is "en" ? "en" : "vi";
        page.PublishAt ??= clock.GetUtcNow().UtcDateTime;
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Parents before children: pages are ordered by how deep their 'parent:' path is.</summary>
    private static string[] OrderPages(string[] files) =>
        files.OrderBy(f => ParentDepth(File.ReadAllText(f))).ThenBy(f => f, StringComparer.Ordinal).ToArray();

    private static int ParentDepth(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("parent:", StringComparison.Ordinal));
        var value = line?["parent:".Length..].Trim().Trim('"', '\'', '/') ?? "";
        return value.Length == 0 ? 0 : value.Count(c => c == '/') + 1;
    }
}
