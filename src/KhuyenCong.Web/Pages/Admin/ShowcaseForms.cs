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
}
