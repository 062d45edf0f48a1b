using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: the one workflow every editor shares (load, preview, save through the publisher, delete); the
// common fields parse themselves in ContentInput.cs and the media picker's handler lives in ContentEditModel.Media.cs.
namespace KhuyenCong.Web.Pages.Admin;

/// <summary>
/// Create/edit for one routed content type: common fields, Markdown preview, workflow actions, slug redirects.
/// Saves go through <see cref="ContentPublisher"/>. Subclasses add their own fields: <see cref="ParseExtraAsync"/>
/// checks them and returns them parsed as a <typeparamref name="TExtra"/>, which <see cref="ApplyExtra"/> writes
/// onto the item; nothing is carried from one hook to the next in fields.
/// </summary>
public abstract partial class ContentEditModel<T, TExtra>(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : SitePageModel where T : RoutedContent
{
    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;

    [BindProperty] public ContentInput Input { get; set; } = new();
    public T? Item { get; protected set; }
    public string? PreviewHtml { get; private set; }
    public bool IsNew => Item is null;

    /// <summary>This type's line in the content-type registry.</summary>
    public ContentType<T> ContentType { get; } = ContentTypes.Of<T>();

    /// <summary>Admin list URL, e.g. "/quan-tri/tin-bai".</summary>
    public string ListPath => ContentType.AdminPath;
    public string TypeLabel => ContentType.Noun;

    public (RoutedContent? Item, string ListPath, string? PublicPath, string HistoryPath) Header =>
        (Item, ListPath, Item is null ? null : ContentType.PublicPath(Item), ContentType.HistoryPath(Item?.Id ?? 0));
    protected abstract IQueryable<T> Items { get; }
    protected abstract T Create();
    protected abstract Task LoadExtraAsync(T? item, CancellationToken ct);

    /// <summary>Checks the type's own fields (errors go to ModelState) and returns them parsed for <see cref="ApplyExtra"/>.</summary>
    protected abstract Task<TExtra> ParseExtraAsync(CancellationToken ct);

    /// <summary>Writes what <see cref="ParseExtraAsync"/> returned onto the item (called only when the form is valid).</summary>
    protected abstract void ApplyExtra(T item, TExtra extra);

    /// <summary>The buttons this user may press on this item, in order.</summary>
    public IReadOnlyList<(string Action, string Label)> Actions =>
        new (WorkflowAction Action, string Label)[]
        {
            (WorkflowAction.Save, "Lưu"),
            (WorkflowAction.Submit, "Gửi duyệt"),
            (WorkflowAction.Publish, "Đăng (hoặc lên lịch)"),
            (WorkflowAction.SendBack, "Trả lại người viết"),
            (WorkflowAction.Archive, "Gỡ khỏi trang"),
        }
        .Where(a => Can(a.Action) && !(a.Action == WorkflowAction.Submit && Item?.Status == ContentStatus.InReview))
        .Select(a => (a.Action.ToString().ToLowerInvariant(), a.Label)).ToList();

    public bool Can(WorkflowAction action) =>
        Workflow.IsAllowed(User, Item?.Status ?? ContentStatus.Draft, action, IsNew);

    /// <summary>
    /// Loads the item (none for a new one), the type's own choices and the page title; false when
    /// <paramref name="id"/> names no item. <paramref name="tracked"/>: the handler saves it.
    /// </summary>
    protected async Task<bool> LoadAsync(int? id, bool tracked, CancellationToken ct)
    {
        if (id is not null)
        {
            Item = await (tracked ? Items : Items.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (Item is null)
            {
                return false;
            }
        }

        await LoadExtraAsync(Item, ct);
        PageTitle = IsNew ? $"Thêm {TypeLabel}" : $"Sửa {TypeLabel}: {Item!.Title}";
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Item = await Items.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (Item is null)
            {
                return NotFound();
            }

            Input = ContentInput.From(Item);
        }

        await LoadExtraAsync(Item, ct);
        PageTitle = IsNew ? $"Thêm {TypeLabel}" : $"Sửa {TypeLabel}: {Item!.Title}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? action, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct))
        {
            return NotFound();
        }

        if (action == "preview")
        {
            ModelState.Clear();
            try
            {
                PreviewHtml = markdown.ToHtml(Input.Body);
            }
            catch (MarkdownRejectedException ex)
            {
                ModelState.AddModelError("Input.Body", ex.Message);
                MarkRefused();
            }

            return Page();
        }

        if (!Enum.TryParse<WorkflowAction>(action, ignoreCase: true, out var step) || !Enum.IsDefined(step))
        {
            return BadRequest();
        }

        if (!Can(step))
        {
            return Forbid();
        }

        if (step == WorkflowAction.Delete)
        {
            return await DeleteAsync(ct);
        }

        var common = Input.Parse(ModelState, markdown, step);
        var extra = await ParseExtraAsync(ct);
        if (ModelState.IsValid && common is not null && await SlugTakenAsync(common.Slug, ct))
        {
            ModelState.AddModelError("Input.Slug", $"Đường dẫn “{common.Slug}” đã được dùng cho mục khác; hãy chọn đường dẫn khác.");
        }

        if (!ModelState.IsValid || common is null)
        {
            MarkRefused();
            return Page();
        }

        var isNew = IsNew;
        var item = Item ?? Create();
        var oldAddress = isNew ? null : ContentType.UrlKeyOf(item);
        common.ApplyTo(item, step, isNew, clock.GetUtcNow().UtcDateTime, User.Identity?.Name);
        ApplyExtra(item, extra);
        if (isNew)
        {
            db.Add(item);
        }

        await publisher.SaveEditAsync(item, common.Body, oldAddress, User.Identity?.Name ?? "?", Workflow.AuditAction(step), Input.Note, ct);
        TempData["Flash"] = step switch
        {
            WorkflowAction.Submit => "Đã gửi duyệt.",
            WorkflowAction.Publish when item.PublishAt > clock.GetUtcNow().UtcDateTime => $"Đã lên lịch đăng lúc {VietnamTime.DateAndTime(item.PublishAt)}.",
            WorkflowAction.Publish => "Đã đăng.",
            WorkflowAction.SendBack => "Đã trả lại cho người viết.",
            WorkflowAction.Archive => "Đã gỡ khỏi trang.",
            _ => "Đã lưu.",
        };
        return Redirect($"{ListPath}/{item.Id}");
    }

    /// <summary>Why this item cannot be deleted (a Vietnamese sentence), or null when it can.</summary>
    protected virtual Task<string?> DeleteProblemAsync(T item, CancellationToken ct) => Task.FromResult<string?>(null);

    private async Task<IActionResult> DeleteAsync(CancellationToken ct)
    {
        var item = Item!;
        if (await DeleteProblemAsync(item, ct) is { } problem)
        {
            ModelState.Clear();
            ModelState.AddModelError("", problem);
            MarkRefused(StatusCodes.Status409Conflict);
            return Page();
        }

        await publisher.DeleteAsync(item, User.Identity?.Name ?? "?", ct);
        TempData["Flash"] = $"Đã xóa “{item.Title}”.";
        return Redirect(ListPath);
    }

    /// <summary>Slugs are unique per type; an old slug still redirecting to another item counts as taken.</summary>
    protected virtual async Task<bool> SlugTakenAsync(string slug, CancellationToken ct)
    {
        var id = Item?.Id ?? 0;
        return await Items.AnyAsync(x => x.Slug == slug && x.Id != id, ct)
            || await db.SlugRedirects.AnyAsync(r => r.ContentType == typeof(T).Name && r.OldSlug == slug && r.ContentId != id, ct);
    }
}
