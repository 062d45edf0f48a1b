using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>Parsing shared by the content edit forms (dates, moments, featured images); errors go to the form's ModelState in Vietnamese.</summary>
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

    private static readonly string[] MomentFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm"];
    private static readonly string[] MomentOrDayFormats = [.. MomentFormats, "yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>A moment typed in Vietnam time, as UTC; <paramref name="dayAlone"/> also takes a date without a time (midnight).</summary>
    public static DateTime? Moment(ModelStateDictionary state, string? value, string field, bool dayAlone = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTime.TryParseExact(value.Trim(), dayAlone ? MomentOrDayFormats : MomentFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Year is > 1900 and < 2200)
        {
            return VietnamTime.ToUtc(local);
        }

        state.AddModelError(field, "Thời điểm không hợp lệ; nhập theo dạng ngày/tháng/năm giờ:phút.");
        return null;
    }

    /// <summary>A stored UTC moment as a datetime-local input's value in Vietnam time.</summary>
    public static string? MomentInput(DateTime? utc) =>
        utc is null ? null : VietnamTime.ToLocal(utc.Value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The id of the place whose code was chosen (null when none was); an unknown code is refused.</summary>
    public static async Task<int?> PlaceIdAsync(AppDbContext db, ModelStateDictionary state, string? code, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var id = await db.Places.Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            state.AddModelError(field, "Địa bàn không có trong danh mục.");
        }

        return id;
    }

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
