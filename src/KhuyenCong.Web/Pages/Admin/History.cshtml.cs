using System.Text.Json;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>Revisions of one item: list, diff of any two, restore one as a new draft.</summary>
public class HistoryModel(AppDbContext db, ContentPublisher publisher, RevisionRestore restore, TimeProvider clock) : SitePageModel
{
    public sealed record Line(string Text, ChangeType Change);

    public string Type { get; private set; } = "";
    public RoutedContent Item { get; private set; } = null!;
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public Revision? Left { get; private set; }
    public Revision? Right { get; private set; }
    public IReadOnlyList<(string Field, string? Before, string? After)> FieldChanges { get; private set; } = [];
    public IReadOnlyList<Line> BodyDiff { get; private set; } = [];

    /// <summary>Bookkeeping that changes on every save, and the body (shown as a line diff below the table).</summary>
    private static readonly HashSet<string> NotCompared = new(StringComparer.Ordinal) { "BodyMarkdown", "UpdatedAt", "UpdatedBy", "SourceHash" };

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
            FieldChanges = before.Keys.Union(after.Keys).Where(f => !NotCompared.Contains(f)).Order(StringComparer.Ordinal)
                .Select(f => (f, Value(before, f), Value(after, f)))
                .Where(x => x.Item2 != x.Item3).ToList();
            var diff = InlineDiffBuilder.Diff(Value(before, "BodyMarkdown") ?? "", Value(after, "BodyMarkdown") ?? "");
            BodyDiff = diff.Lines.Select(l => new Line(l.Text, l.Type)).ToList();
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

        if (!Workflow.IsAllowed(User, Item.Status, WorkflowAction.Save, isNew: false))
        {
            return Forbid();
        }

        var problems = await restore.ApplyAsync(Item, Parse(revision), ct);
        Item.Status = ContentStatus.Draft;
        Item.WentLiveAt = null;
        Item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Item.UpdatedBy = User.Identity?.Name;
        await publisher.SaveAsync(Item, User.Identity?.Name ?? "?", "restore", $"Khôi phục phiên bản {number} thành bản nháp", ct);
        TempData["Flash"] = problems.Count == 0
            ? $"Đã khôi phục phiên bản {number} thành bản nháp mới."
            : $"Đã khôi phục phiên bản {number} thành bản nháp mới. Cần kiểm tra: {string.Join(" ", problems)}";
        return Redirect($"/quan-tri/{type}/{id}");
    }

    private async Task<bool> LoadAsync(string type, int id, CancellationToken ct)
    {
        Type = type;
        RoutedContent? item = type switch
        {
            "tin-bai" => await db.Articles.FirstOrDefaultAsync(x => x.Id == id, ct),
            "van-ban" => await db.Documents.FirstOrDefaultAsync(x => x.Id == id, ct),
            "trang" => await db.Pages.FirstOrDefaultAsync(x => x.Id == id, ct),
            "san-pham" => await db.Products.FirstOrDefaultAsync(x => x.Id == id, ct),
            "truyen-hinh" => await db.TvSegments.FirstOrDefaultAsync(x => x.Id == id, ct),
            "phong-trung-bay" => await db.Showrooms.FirstOrDefaultAsync(x => x.Id == id, ct),
            "hoi-cho" => await db.Fairs.FirstOrDefaultAsync(x => x.Id == id, ct),
            _ => null,
        };
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

    private static string? Value(Dictionary<string, JsonElement> snapshot, string field) =>
        !snapshot.TryGetValue(field, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ToString())),
            _ => value.ToString(),
        };
}
