using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>The media picker of the edit forms: its pickers, built whenever the form is shown, and its buttons' handler.</summary>
public abstract partial class ContentEditModel<T, TExtra>
{
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
            Pickers = await MediaPicker.BuildAsync(Db, ImageTargets,
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
        ModelState.Clear();
        if (!await LoadAsync(id, tracked: false, ct))
        {
            return NotFound();
        }

        var op = Request.Form[MediaPicker.OpField].ToString();
        var colon = op.IndexOf(':', StringComparison.Ordinal);
        var target = colon < 0 ? null : ImageTargets.FirstOrDefault(t => t.Key == op[(colon + 1)..]);
        if (target is null)
        {
            ModelState.AddModelError("", "Thao tác chọn ảnh không hợp lệ.");
            MarkRefused();
            return Page();
        }

        openPicker = target.Key;
        switch (op[..colon])
        {
            case "search":
                break;
            case "upload":
                var services = HttpContext.RequestServices;
                var file = await MediaPicker.UploadAsync(Db, services.GetRequiredService<MediaProcessor>(), services.GetRequiredService<AuditLog>(),
                    Request.Form.Files[MediaPicker.UploadField(target.Key)], Request.Form[MediaPicker.UploadAltField(target.Key)],
                    User.Identity?.Name ?? "?", Clock.GetUtcNow().UtcDateTime, ModelState, target.Key, ct);
                if (file is null)
                {
                    MarkRefused();
                    return Page();
                }

                target.Choose(file);
                TempData.Remove("Flash");
                ViewData["PickerNote"] = $"Đã tải lên “{file.OriginalName}” và chọn cho mục {target.Label.ToLowerInvariant()}. Nhớ lưu biểu mẫu.";
                break;
            case "add" when target.IsGallery:
                var names = Request.Form[MediaPicker.AddField(target.Key)].Select(v => v ?? "").ToList();
                var chosen = await Db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.StorageName) && m.Kind == MediaKind.Image).ToListAsync(ct);
                foreach (var image in chosen.OrderBy(m => names.IndexOf(m.StorageName)))
                {
                    target.Choose(image);
                }

                ViewData["PickerNote"] = chosen.Count == 0 ? "Chưa đánh dấu ảnh nào để thêm." : $"Đã thêm {chosen.Count} ảnh vào {target.Label.ToLowerInvariant()}. Nhớ lưu biểu mẫu.";
                break;
            default:
                ModelState.AddModelError("", "Thao tác chọn ảnh không hợp lệ.");
                MarkRefused();
                return Page();
        }

        return Page();
    }
}
