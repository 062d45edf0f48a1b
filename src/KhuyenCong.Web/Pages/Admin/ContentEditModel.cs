using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>The fields every content type's edit form has.</summary>
public class ContentInput
{
    [Required(ErrorMessage = "Nhập tiêu đề.")]
    [StringLength(300, ErrorMessage = "Tiêu đề tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "Đường dẫn tối đa 200 ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [StringLength(1000, ErrorMessage = "Tóm tắt tối đa 1.000 ký tự.")]
    [Display(Name = "Tóm tắt")]
    public string? Summary { get; set; }

    [StringLength(MarkdownRenderer.MaxInputChars, ErrorMessage = "Nội dung quá dài.")]
    [Display(Name = "Nội dung (Markdown)")]
    public string? Body { get; set; }

    [Display(Name = "Thời điểm đăng (giờ Việt Nam)")]
    public string? PublishAt { get; set; }

    [Display(Name = "Thời điểm gỡ (tùy chọn)")]
    public string? UnpublishAt { get; set; }

    [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề SEO (tùy chọn)")]
    public string? SeoTitle { get; set; }

    [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
    [Display(Name = "Mô tả SEO (tùy chọn)")]
    public string? SeoDescription { get; set; }

    [StringLength(500, ErrorMessage = "Ghi chú tối đa 500 ký tự.")]
    [Display(Name = "Ghi chú cho lần lưu này / lý do trả lại")]
    public string? Note { get; set; }
}

/// <summary>
/// Create/edit for one routed content type: common fields, Markdown preview, workflow actions, slug redirects.
/// Saves go through <see cref="ContentPublisher"/>. Subclasses add their own fields.
/// </summary>
public abstract class ContentEditModel<T>(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
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
    protected abstract Task ValidateExtraAsync(CancellationToken ct);
    protected abstract void ApplyExtra(T item);

    /// <summary>The image fields of this form, each filled with the media picker (none by default).</summary>
    protected virtual IReadOnlyList<ImageTarget> ImageTargets => [];

    /// <summary>The pickers of <see cref="ImageTargets"/>, built after the handler whenever the form is shown.</summary>
    public IReadOnlyList<MediaPickerView> Pickers { get; private set; } = [];
    public MediaPickerView? Picker(string key) => Pickers.FirstOrDefault(p => p.Key == key);
    private string? openPicker;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        OnPageHandlerExecuting(context);
        if (context.Result is not null)
        {
            return;
        }

        var executed = await next();
        OnPageHandlerExecuted(executed);
        if (executed.Exception is null && executed.Result is PageResult)
        {
            var form = Request.HasFormContentType ? await Request.ReadFormAsync(HttpContext.RequestAborted) : null;
            Pickers = await MediaPicker.BuildAsync(db, ImageTargets,
                key => form?[MediaPicker.QueryField(key)].ToString(), openPicker, HttpContext.RequestAborted);
        }
    }

    /// <summary>
    /// The pickers' buttons ("media-op" = search:KEY, upload:KEY or add:KEY): search the library, upload an image
    /// and pick it, or add the checked images to a gallery. Nothing of the item is saved; the form comes back with
    /// its unsaved values and the image chosen.
    /// </summary>
    public async Task<IActionResult> OnPostMediaAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Item = await Items.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (Item is null)
            {
                return NotFound();
            }
        }

        ModelState.Clear();
        await LoadExtraAsync(Item, ct);
        PageTitle = IsNew ? $"Thêm {TypeLabel}" : $"Sửa {TypeLabel}: {Item!.Title}";
        var op = Request.Form[MediaPicker.OpField].ToString();
        var colon = op.IndexOf(':', StringComparison.Ordinal);
        var target = colon < 0 ? null : ImageTargets.FirstOrDefault(t => t.Key == op[(colon + 1)..]);
        if (target is null)
        {
            ModelState.AddModelError("", "Thao tác chọn ảnh không hợp lệ.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        openPicker = target.Key;
        switch (op[..colon])
        {
            case "search":
                break;
            case "upload":
                var services = HttpContext.RequestServices;
                var file = await MediaPicker.UploadAsync(db, services.GetRequiredService<MediaProcessor>(), services.GetRequiredService<AuditLog>(),
                    Request.Form.Files[MediaPicker.UploadField(target.Key)], Request.Form[MediaPicker.UploadAltField(target.Key)],
                    User.Identity?.Name ?? "?", clock.GetUtcNow().UtcDateTime, ModelState, target.Key, ct);
                if (file is null)
                {
                    PageTitle = "Lỗi: " + PageTitle;
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Page();
                }

                target.Choose(file);
                TempData.Remove("Flash");
                ViewData["PickerNote"] = $"Đã tải lên “{file.OriginalName}” và chọn cho mục {target.Label.ToLowerInvariant()}. Nhớ lưu biểu mẫu.";
                break;
            case "add" when target.IsGallery:
                var names = Request.Form[MediaPicker.AddField(target.Key)].Select(v => v ?? "").ToList();
                var chosen = await db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.StorageName) && m.Kind == MediaKind.Image).ToListAsync(ct);
                foreach (var image in chosen.OrderBy(m => names.IndexOf(m.StorageName)))
                {
                    target.Choose(image);
                }

                ViewData["PickerNote"] = chosen.Count == 0 ? "Chưa đánh dấu ảnh nào để thêm." : $"Đã thêm {chosen.Count} ảnh vào {target.Label.ToLowerInvariant()}. Nhớ lưu biểu mẫu.";
                break;
            default:
                ModelState.AddModelError("", "Thao tác chọn ảnh không hợp lệ.");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }

        return Page();
    }

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

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Item = await Items.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (Item is null)
            {
                return NotFound();
            }

            Input = new ContentInput
            {
                Title = Item.Title, Slug = Item.Slug, Summary = Item.Summary, Body = Item.BodyMarkdown.ReplaceLineEndings("\n"),
                PublishAt = LocalInput(Item.PublishAt), UnpublishAt = LocalInput(Item.UnpublishAt),
                SeoTitle = Item.SeoTitle, SeoDescription = Item.SeoDescription,
            };
        }

        await LoadExtraAsync(Item, ct);
        PageTitle = IsNew ? $"Thêm {TypeLabel}" : $"Sửa {TypeLabel}: {Item!.Title}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? action, CancellationToken ct)
    {
        if (id is not null)
        {
            Item = await Items.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (Item is null)
            {
                return NotFound();
            }
        }

        await LoadExtraAsync(Item, ct);
        PageTitle = IsNew ? $"Thêm {TypeLabel}" : $"Sửa {TypeLabel}: {Item!.Title}";
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

        var publishAt = ParseLocal(Input.PublishAt, "Input.PublishAt");
        var unpublishAt = ParseLocal(Input.UnpublishAt, "Input.UnpublishAt");
        if (unpublishAt is not null && publishAt is not null && unpublishAt <= publishAt)
        {
            ModelState.AddModelError("Input.UnpublishAt", "Thời điểm gỡ phải sau thời điểm đăng.");
        }

        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? null : Input.Slug.Trim();
        if (slug is not null && !Slugifier.IsValid(slug))
        {
            ModelState.AddModelError("Input.Slug", "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: dao-tao-nghe.");
        }

        if (step == WorkflowAction.SendBack && string.IsNullOrWhiteSpace(Input.Note))
        {
            ModelState.AddModelError("Input.Note", "Ghi rõ lý do trả lại để người viết biết cần sửa gì.");
        }

        // Browsers send textarea lines as CR LF; stored text uses LF (a CR would come back as &#xD; in the form).
        // Rendered once here: the check is the rendering the publisher stores.
        RenderedMarkdown? body = null;
        try
        {
            body = markdown.Render(ContentPublisher.Nfc((Input.Body ?? "").ReplaceLineEndings("\n")));
        }
        catch (MarkdownRejectedException ex)
        {
            ModelState.AddModelError("Input.Body", ex.Message);
        }

        await ValidateExtraAsync(ct);
        slug ??= Slugifier.Slugify(Input.Title);
        if (ModelState.IsValid && await SlugTakenAsync(slug, ct))
        {
            ModelState.AddModelError("Input.Slug", $"Đường dẫn “{slug}” đã được dùng cho mục khác; hãy chọn đường dẫn khác.");
        }

        if (!ModelState.IsValid || body is null)
        {
            PageTitle = "Lỗi: " + PageTitle;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var isNew = IsNew;
        var item = Item ?? Create();
        var oldAddress = isNew ? null : ContentType.UrlKeyOf(item);
        item.Title = Input.Title.Trim();
        item.Slug = slug;
        item.Summary = Input.Summary?.Trim().ReplaceLineEndings("\n") ?? "";
        item.BodyMarkdown = body.Source;
        item.SeoTitle = Input.SeoTitle;
        item.SeoDescription = Input.SeoDescription;
        item.UnpublishAt = unpublishAt;
        item.Status = Workflow.Next(item.Status, step, isNew);
        item.PublishAt = publishAt ?? (item.Status == ContentStatus.Published ? item.PublishAt ?? clock.GetUtcNow().UtcDateTime : item.PublishAt);
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        item.UpdatedBy = User.Identity?.Name;
        item.ReviewNote = step == WorkflowAction.SendBack ? Input.Note : step == WorkflowAction.Submit ? null : item.ReviewNote;
        if (item.Status != ContentStatus.Published)
        {
            item.WentLiveAt = null;
        }

        ApplyExtra(item);
        if (isNew)
        {
            db.Add(item);
        }

        await publisher.SaveEditAsync(item, body, oldAddress, User.Identity?.Name ?? "?", Workflow.AuditAction(step), Input.Note, ct);
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
            PageTitle = "Lỗi: " + PageTitle;
            Response.StatusCode = StatusCodes.Status409Conflict;
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

    private DateTime? ParseLocal(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm"];
        if (DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year is > 1900 and < 2200)
        {
            return VietnamTime.ToUtc(local);
        }

        ModelState.AddModelError(field, "Thời điểm không hợp lệ; nhập theo dạng ngày/tháng/năm giờ:phút.");
        return null;
    }

    private static string? LocalInput(DateTime? utc) =>
        utc is null ? null : VietnamTime.ToLocal(utc.Value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
