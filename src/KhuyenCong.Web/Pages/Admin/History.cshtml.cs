using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>Revisions of one item: list, diff of any two, restore one into the item (its workflow state kept).</summary>
public class HistoryModel(AppDbContext db, ContentPublisher publisher, RevisionRestore restore, TimeProvider clock) : SitePageModel
{
    public string Type { get; private set; } = "";
    public RoutedContent Item { get; private set; } = null!;
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public Revision? Left { get; private set; }
    public Revision? Right { get; private set; }
    public IReadOnlyList<RevisionCompare.ValueChange> FieldChanges { get; private set; } = [];
    public IReadOnlyList<RevisionCompare.TextChange> TextChanges { get; private set; } = [];

    /// <summary>
    /// Whoever may save the item as it stands may restore into it: editors only drafts and items in review; a published
    /// or archived item only a publisher or admin, since the restored text goes straight to the live page.
    /// </summary>
    public bool CanRestore => Workflow.IsAllowed(User, Item.Status, WorkflowAction.Save, isNew: false);

    public bool IsLive => Item.IsPublishedAt(clock.GetUtcNow().UtcDateTime);

    public string RestoreLabel => IsLive ? "Khôi phục và đăng ngay" : "Khôi phục";

    public string RestoreHint => IsLive
        ? "Mục này đang hiển thị trên trang: khôi phục một phiên bản sẽ thay nội dung trên trang ngay, mục vẫn ở trạng thái đã đăng. Lịch sử ghi lại lần khôi phục."
        : $"Khôi phục đưa nội dung của phiên bản đó trở lại; trạng thái (“{Workflow.Label(Item.Status)}”), đường dẫn và lịch đăng giữ nguyên.";

    public async Task<IActionResult> OnGetAsync(string type, int id, [FromQuery] int? a, [FromQuery] int? b, CancellationToken ct)
    {
        if (!await LoadAsync(type, id, ct))
        {
            return NotFound();
        }

        if (a is not null && b is not null)
        {
            Left = Revisions.FirstOrDefault(r => r.Number == a);
            Right = Revisions.FirstOrDefault(r => r.Number == b);
            if (Left is null || Right is null)
            {
                return NotFound();
            }

            var before = Parse(Left);
            var after = Parse(Right);
            (FieldChanges, TextChanges) = RevisionCompare.Compare(before, after, await NamesAsync(before, after, ct));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string type, int id, int number, CancellationToken ct)
    {
        if (!await LoadAsync(type, id, ct))
        {
            return NotFound();
        }

        var revision = Revisions.FirstOrDefault(r => r.Number == number);
        if (revision is null)
        {
            return NotFound();
        }

        if (!CanRestore)
        {
            return Forbid();
        }

        // The item keeps its workflow state and schedule (RevisionRestore never touches them): a published item stays
        // online, now with the restored text, which is why only a publisher may restore it (CanRestore).
        var live = Item.IsPublishedAt(clock.GetUtcNow().UtcDateTime);
        var problems = await restore.ApplyAsync(Item, Parse(revision), ct);
        Item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Item.UpdatedBy = User.Identity?.Name;
        var note = live ? $"Khôi phục phiên bản {number}, đăng ngay trên trang" : $"Khôi phục phiên bản {number}";
        await publisher.SaveAsync(Item, User.Identity?.Name ?? "?", "restore", note, ct);
        var done = live
            ? $"Đã khôi phục phiên bản {number}; nội dung này đang hiển thị trên trang."
            : $"Đã khôi phục phiên bản {number}; trạng thái vẫn là “{Workflow.Label(Item.Status)}”.";
        TempData["Flash"] = problems.Count == 0 ? done : $"{done} Cần kiểm tra: {string.Join(" ", problems)}";
        return Redirect($"/quan-tri/{type}/{id}");
    }

    private async Task<bool> LoadAsync(string type, int id, CancellationToken ct)
    {
        Type = type;
        var item = ContentTypes.ByAdminSegment(type) is { } registered ? await registered.FindAsync(db, id, ct) : null;
        if (item is null)
        {
            return false;
        }

        Item = item;
        var contentType = item.GetType().Name;
        Revisions = await db.Revisions.AsNoTracking().Where(r => r.ContentType == contentType && r.ContentId == id)
            .OrderByDescending(r => r.Number).ToListAsync(ct);
        PageTitle = $"Lịch sử phiên bản: {item.Title}";
        return true;
    }

    private static Dictionary<string, JsonElement> Parse(Revision revision) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(revision.SnapshotJson) ?? [];

    /// <summary>The names of what the two snapshots link to, one query per kind of link.</summary>
    private async Task<RevisionCompare.Names> NamesAsync(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after, CancellationToken ct)
    {
        var refs = RevisionCompare.References(before, after);
        var names = new RevisionCompare.Names();
        foreach (var t in await db.Topics.AsNoTracking().Where(t => refs.Topics.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
        {
            names.Topics[t.Id] = t.Name;
        }

        foreach (var p in await db.Places.AsNoTracking().Where(p => refs.Places.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
        {
            names.Places[p.Id] = p.Name;
        }

        foreach (var e in await db.Establishments.AsNoTracking().Where(e => refs.Establishments.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
        {
            names.Establishments[e.Id] = e.Name;
        }

        foreach (var p in await db.Pages.AsNoTracking().Where(p => refs.Pages.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
        {
            names.Pages[p.Id] = p.Title;
        }

        foreach (var p in await db.Products.AsNoTracking().Where(p => refs.Products.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
        {
            names.Products[p.Id] = p.Title;
        }

        foreach (var m in await db.MediaFiles.AsNoTracking().Where(m => refs.Media.Contains(m.StorageName)).Select(m => new { m.StorageName, m.OriginalName }).ToListAsync(ct))
        {
            names.Media[m.StorageName] = m.OriginalName;
        }

        return names;
    }
}
