using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Media;

/// <summary>
/// The media library: upload (checked and re-encoded), describe, find where used (<see cref="MediaUsage"/>: every
/// reference of every type, drafts included), delete only when unused; a delete evicts the cached public pages.
/// </summary>
[RequestSizeLimit(MediaProcessor.MaxVideoBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaProcessor.MaxVideoBytes + 1024 * 1024)]
public class IndexModel(AppDbContext db, MediaProcessor processor, MediaUsage usage, AuditLog audit, ContentPublisher publisher, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 40;

    public sealed class UploadInput
    {
        [Display(Name = "Tệp (ảnh JPEG, PNG, WebP, tài liệu PDF hoặc video MP4)")]
        public IFormFile? File { get; set; }

        [StringLength(300, ErrorMessage = "Mô tả ảnh tối đa 300 ký tự.")]
        [Display(Name = "Mô tả ảnh (bắt buộc với ảnh: người không xem được ảnh sẽ nghe đọc mô tả này)")]
        public string? AltText { get; set; }

        [StringLength(500, ErrorMessage = "Chú thích tối đa 500 ký tự.")][Display(Name = "Chú thích")] public string? Caption { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")][Display(Name = "Nguồn ảnh / tác giả")] public string? Credit { get; set; }
        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")][Display(Name = "Thư mục")] public string? Folder { get; set; }
    }

    [BindProperty] public UploadInput Upload { get; set; } = new();
    [FromQuery(Name = "thu-muc")] public string? FolderFilter { get; set; }
    public IReadOnlyList<MediaFile> Files { get; private set; } = [];
    public IReadOnlyList<string> Folders { get; private set; } = [];
    public Dictionary<string, List<string>> Usage { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page) || FolderFilter?.Length > 100)
        {
            return BadInput();
        }

        await LoadAsync(page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (Upload.File is null || Upload.File.Length == 0)
        {
            ModelState.AddModelError("Upload.File", "Chọn một tệp để tải lên.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                await using var stream = Upload.File!.OpenReadStream();
                var isImage = !(Upload.File.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
                    || Upload.File.FileName.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase));
                if (isImage && string.IsNullOrWhiteSpace(Upload.AltText))
                {
                    ModelState.AddModelError("Upload.AltText", "Nhập mô tả ảnh.");
                }
                else
                {
                    var result = await processor.ProcessAsync(stream, Upload.File.FileName, ct);
                    if (result.Kind == MediaKind.Image && string.IsNullOrWhiteSpace(Upload.AltText))
                    {
                        processor.Delete(result.StorageName);
                        ModelState.AddModelError("Upload.AltText", "Nhập mô tả ảnh.");
                    }
                    else
                    {
                        var file = new MediaFile
                        {
                            StorageName = result.StorageName, Kind = result.Kind, ContentType = result.ContentType, Size = result.Size,
                            Width = result.Width, Height = result.Height, VariantWidths = result.VariantWidths,
                            OriginalName = Path.GetFileName(Upload.File.FileName) is { Length: > 0 and <= 200 } n ? n : "tep",
                            AltText = Upload.AltText?.Trim(), Caption = Upload.Caption?.Trim(), Credit = Upload.Credit?.Trim(),
                            Folder = string.IsNullOrWhiteSpace(Upload.Folder) ? null : Upload.Folder.Trim(),
                            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = User.Identity?.Name ?? "?",
                        };
                        db.MediaFiles.Add(file);
                        audit.Add("media-upload", "MediaFile", file.StorageName, file.OriginalName);
                        await db.SaveChangesAsync(ct);
                        TempData["Flash"] = $"Đã tải lên “{file.OriginalName}”. Mã tệp: {file.StorageName}.";
                        return RedirectToPage();
                    }
                }
            }
            catch (MediaRejectedException ex)
            {
                ModelState.AddModelError("Upload.File", ex.Message);
            }
        }

        await LoadAsync(1, ct);
        MarkRefused();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var file = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }

        var usedBy = await usage.FindAsync(file.StorageName, ct);
        if (usedBy.Count > 0)
        {
            ModelState.AddModelError("", $"Không xóa được “{file.OriginalName}” vì tệp đang được dùng ở: {string.Join("; ", usedBy.Select(u => u.Label))}. Hãy bỏ tệp khỏi các mục đó trước.");
            await LoadAsync(1, ct);
            MarkRefused(StatusCodes.Status409Conflict);
            return Page();
        }

        db.MediaFiles.Remove(file);
        // A cached page may still name the file (e.g. rendered before its last reference was removed elsewhere).
        await publisher.SaveOtherAsync("media-delete", "MediaFile", () => (file.StorageName, file.OriginalName), [], ct: ct);
        processor.Delete(file.StorageName);
        TempData["Flash"] = $"Đã xóa “{file.OriginalName}”.";
        return RedirectToPage();
    }

    private async Task LoadAsync(int page, CancellationToken ct)
    {
        PageTitle = "Thư viện tệp";
        var query = db.MediaFiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(FolderFilter))
        {
            query = query.Where(m => m.Folder == FolderFilter);
        }

        Folders = await db.MediaFiles.Where(m => m.Folder != null).Select(m => m.Folder!).Distinct().OrderBy(f => f).ToListAsync(ct);
        Pager = new Pager(page, PageSize, await query.CountAsync(ct), n => "/quan-tri/thu-vien" + (n > 1 ? $"?trang={n}" : ""));
        Files = await query.OrderByDescending(m => m.UploadedAt).Skip(Pager.Skip).Take(PageSize).ToListAsync(ct);
        var uses = await usage.FindAsync(Files.Select(f => f.StorageName).ToList(), ct);
        Usage = Files.ToDictionary(f => f.StorageName, f => uses.TryGetValue(f.StorageName, out var u) ? u.Select(x => x.Label).ToList() : []);
    }
}
