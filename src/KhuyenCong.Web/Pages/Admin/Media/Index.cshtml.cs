using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Media;

/// <summary>The media library: upload (checked and re-encoded), describe, find where used, delete when unused.</summary>
[RequestSizeLimit(MediaProcessor.MaxVideoBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaProcessor.MaxVideoBytes + 1024 * 1024)]
public class IndexModel(AppDbContext db, MediaProcessor processor, AuditLog audit, TimeProvider clock) : SitePageModel
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

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(1, ct);
        PageTitle = "Lỗi: " + PageTitle;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var file = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }

        var usedBy = await UsedByAsync(file.StorageName, ct);
        if (usedBy.Count > 0)
        {
            TempData["Flash"] = $"Không xóa được “{file.OriginalName}”: tệp đang được dùng ở {string.Join(", ", usedBy)}.";
            return RedirectToPage();
        }

        db.MediaFiles.Remove(file);
        audit.Add("media-delete", "MediaFile", file.StorageName, file.OriginalName);
        await db.SaveChangesAsync(ct);
        processor.Delete(file.StorageName);
        TempData["Flash"] = $"Đã xóa “{file.OriginalName}”.";
        return RedirectToPage();
    }

    /// <summary>Titles of the items that show this file (featured image, Markdown body, document attachment).</summary>
    private async Task<List<string>> UsedByAsync(string name, CancellationToken ct)
    {
        var used = await db.Articles.Where(a => a.FeaturedImage == name || a.BodyMarkdown.Contains(name)).Select(a => "tin bài “" + a.Title + "”").ToListAsync(ct);
        used.AddRange(await db.Documents.Where(d => d.FileName == "media:" + name + ".pdf" || d.BodyMarkdown.Contains(name)).Select(d => "văn bản “" + d.Title + "”").ToListAsync(ct));
        used.AddRange(await db.Pages.Where(p => p.BodyMarkdown.Contains(name)).Select(p => "trang “" + p.Title + "”").ToListAsync(ct));
        used.AddRange(await db.TvSegments.Where(t => t.VideoFile == name || t.FeaturedImage == name).Select(t => "chuyên mục truyền hình “" + t.Title + "”").ToListAsync(ct));
        used.AddRange(await db.Showrooms.Where(s => s.FeaturedImage == name).Select(s => "phòng trưng bày “" + s.Title + "”").ToListAsync(ct));
        used.AddRange(await db.Fairs.Where(f => f.FeaturedImage == name).Select(f => "hội chợ “" + f.Title + "”").ToListAsync(ct));
        return used;
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
        foreach (var f in Files)
        {
            Usage[f.StorageName] = await UsedByAsync(f.StorageName, ct);
        }
    }
}
