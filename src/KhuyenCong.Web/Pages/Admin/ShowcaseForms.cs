using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>Parsing shared by the TV, showroom and fair edit forms; errors go to the form's ModelState in Vietnamese.</summary>
public static class ShowcaseForms
{
    public static DateTime? Day(ModelStateDictionary state, string? value, string field)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTime.TryParseExact(value.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is > 1900 and < 2200)
        {
            return DateTime.SpecifyKind(day, DateTimeKind.Utc);
        }

        state.AddModelError(field, "Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm.");
        return null;
    }

    public static string? DayInput(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A featured image (code of an image in the media library) and its alt text, both required.</summary>
    public static async Task CheckImageAsync(AppDbContext db, ModelStateDictionary state, string? code, string? alt, string field, string altField, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(code))
        {
            state.AddModelError(field, "Nhập mã ảnh đại diện (tải ảnh lên Thư viện trước).");
            return;
        }

        if (!await db.MediaFiles.AnyAsync(m => m.StorageName == code.Trim() && m.Kind == MediaKind.Image, ct))
        {
            state.AddModelError(field, "Không tìm thấy ảnh này trong thư viện.");
        }

        if (string.IsNullOrWhiteSpace(alt))
        {
            state.AddModelError(altField, "Nhập mô tả ảnh cho người không xem được ảnh.");
        }
    }

    /// <summary>Gallery lines "mã ảnh | mô tả | chú thích (tùy chọn)"; every image must exist and have a description.</summary>
    public static async Task<List<GalleryImage>> GalleryAsync(AppDbContext db, ModelStateDictionary state, string? text, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var images = new List<GalleryImage>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var (line, i) in lines.Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts[1].Length > 300)
            {
                state.AddModelError(field, $"Dòng {i}: ghi theo dạng “mã ảnh | mô tả ảnh | chú thích”.");
                continue;
            }

            images.Add(new GalleryImage { Media = parts[0], Alt = parts[1], Caption = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null });
        }

        var codes = images.Select(g => g.Media).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.MediaFiles.Where(m => codes.Contains(m.StorageName) && m.Kind == MediaKind.Image).Select(m => m.StorageName).ToListAsync(ct);
        foreach (var missing in codes.Except(found, StringComparer.Ordinal))
        {
            state.AddModelError(field, $"Không tìm thấy ảnh “{missing}” trong thư viện.");
        }

        return images;
    }

    public static string GalleryInput(IEnumerable<GalleryImage> gallery) =>
        string.Join("\n", gallery.Select(g => g.Caption is null ? $"{g.Media} | {g.Alt}" : $"{g.Media} | {g.Alt} | {g.Caption}"));
}
