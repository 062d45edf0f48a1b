using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Media;

/// <summary>One place that shows a media file: what kind of item, its title, its workflow state and its editor.</summary>
public sealed record MediaUse(string Kind, string Title, ContentStatus? Status, string AdminPath)
{
    /// <summary>E.g. "sản phẩm “Kẹo dừa” (Đã đăng)".</summary>
    public string Label => Status is { } s ? $"{Kind} “{Title}” ({Workflow.Label(s)})" : $"{Kind} “{Title}”";
}

/// <summary>
/// Where media files are used, across every column that can hold one: featured images, product, showroom and fair
/// galleries, TV videos, document attachments, Markdown bodies (and a fair's how-to-apply and results), and
/// programme evidence links. Drafts count: deleting their file would break them. One query per column group for
/// any number of files, so a library page of 40 files costs the same as one file.
/// </summary>
public sealed class MediaUsage(AppDbContext db)
{
    /// <summary>How a file is named wherever it is written in text: always under /media/.</summary>
    private const string MediaPath = "/media/";

    private sealed record Row(int Id, string Title, ContentStatus Status, string? FeaturedImage, string Text);

    public async Task<IReadOnlyList<MediaUse>> FindAsync(string storageName, CancellationToken ct = default) =>
        (await FindAsync([storageName], ct)).GetValueOrDefault(storageName) ?? [];

    /// <summary>For each storage name given, every place that uses it (a name used nowhere has no entry).</summary>
    public async Task<Dictionary<string, List<MediaUse>>> FindAsync(IReadOnlyCollection<string> storageNames, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(storageNames);
        var names = storageNames.Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, List<MediaUse>>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return found;
        }

        void Add(string name, MediaUse use)
        {
            if (!found.TryGetValue(name, out var list))
            {
                found[name] = list = [];
            }

            if (!list.Contains(use))
            {
                list.Add(use);
            }
        }

        void FromText(string? text, MediaUse use)
        {
            if (string.IsNullOrEmpty(text) || !text.Contains(MediaPath, StringComparison.Ordinal))
            {
                return;
            }

            foreach (var name in names.Where(n => text.Contains(n, StringComparison.Ordinal)))
            {
                Add(name, use);
            }
        }

        async Task Content<T>(IQueryable<T> set, string kind, string segment) where T : RoutedContent
        {
            var rows = await set.AsNoTracking()
                .Where(x => (x.FeaturedImage != null && names.Contains(x.FeaturedImage)) || x.BodyMarkdown.Contains(MediaPath) || x.Summary.Contains(MediaPath))
                .Select(x => new Row(x.Id, x.Title, x.Status, x.FeaturedImage, x.Summary + "\n" + x.BodyMarkdown))
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var use = new MediaUse(kind, r.Title, r.Status, $"/quan-tri/{segment}/{r.Id}");
                if (r.FeaturedImage is { } image && names.Contains(image))
                {
                    Add(image, use);
                }

                FromText(r.Text, use);
            }
        }

        await Content(db.Articles, "tin bài", "tin-bai");
        await Content(db.Documents, "văn bản", "van-ban");
        await Content(db.Pages, "trang", "trang");
        await Content(db.Products, "sản phẩm", "san-pham");
        await Content(db.TvSegments, "chuyên mục truyền hình", "truyen-hinh");
        await Content(db.Showrooms, "phòng trưng bày", "phong-trung-bay");
        await Content(db.Fairs, "hội chợ", "hoi-cho");
        await Content(db.QaItems, "hỏi đáp", "hoi-dap");

        // Galleries are JSON arrays of { Media, Alt, Caption } in their owner's row.
        foreach (var p in await db.Products.AsNoTracking().Where(x => x.Gallery.Any(g => names.Contains(g.Media)))
                     .Select(x => new { x.Id, x.Title, x.Status, x.Gallery }).ToListAsync(ct))
        {
            foreach (var name in p.Gallery.Select(g => g.Media).Where(names.Contains))
            {
                Add(name, new MediaUse("sản phẩm", p.Title, p.Status, $"/quan-tri/san-pham/{p.Id}"));
            }
        }

        foreach (var s in await db.Showrooms.AsNoTracking().Where(x => x.Gallery.Any(g => names.Contains(g.Media)))
                     .Select(x => new { x.Id, x.Title, x.Status, x.Gallery }).ToListAsync(ct))
        {
            foreach (var name in s.Gallery.Select(g => g.Media).Where(names.Contains))
            {
                Add(name, new MediaUse("phòng trưng bày", s.Title, s.Status, $"/quan-tri/phong-trung-bay/{s.Id}"));
            }
        }

        foreach (var f in await db.Fairs.AsNoTracking()
                     .Where(x => x.Gallery.Any(g => names.Contains(g.Media)) || x.HowToApply.Contains(MediaPath) || x.ResultsMarkdown.Contains(MediaPath))
                     .Select(x => new { x.Id, x.Title, x.Status, x.Gallery, Text = x.HowToApply + "\n" + x.ResultsMarkdown })
                     .ToListAsync(ct))
        {
            var use = new MediaUse("hội chợ", f.Title, f.Status, $"/quan-tri/hoi-cho/{f.Id}");
            foreach (var name in f.Gallery.Select(g => g.Media).Where(names.Contains))
            {
                Add(name, use);
            }

            FromText(f.Text, use);
        }

        foreach (var t in await db.TvSegments.AsNoTracking().Where(x => x.VideoFile != null && names.Contains(x.VideoFile))
                     .Select(x => new { x.Id, x.Title, x.Status, x.VideoFile }).ToListAsync(ct))
        {
            Add(t.VideoFile!, new MediaUse("chuyên mục truyền hình", t.Title, t.Status, $"/quan-tri/truyen-hinh/{t.Id}"));
        }

        // A document's attachment from the library is stored as "media:{name}.pdf".
        var attachments = names.Select(n => "media:" + n + ".pdf").ToList();
        foreach (var d in await db.Documents.AsNoTracking().Where(x => x.FileName != null && attachments.Contains(x.FileName))
                     .Select(x => new { x.Id, x.Title, x.Status, x.FileName }).ToListAsync(ct))
        {
            Add(d.FileName![6..^4], new MediaUse("văn bản", d.Title, d.Status, $"/quan-tri/van-ban/{d.Id}"));
        }

        // Programme evidence may link a file (shown on the public programme page while not withdrawn).
        foreach (var a in await db.Achievements.AsNoTracking().Where(x => !x.IsDeleted && x.EvidenceUrl != null && x.EvidenceUrl.Contains(MediaPath))
                     .Select(x => new { x.Id, x.Note, x.EvidenceUrl }).ToListAsync(ct))
        {
            var title = a.Note.Length > 60 ? a.Note[..60] + "…" : a.Note;
            FromText(a.EvidenceUrl, new MediaUse("minh chứng kết quả chương trình", title, null, $"/quan-tri/chuong-trinh?sua={a.Id}"));
        }

        return found;
    }
}
