using System.Globalization;

namespace KhuyenCong.Web.Endpoints.Api;

/// <summary>Reading the query parameters and cursors of every list: each bad value becomes a Vietnamese 400 problem.</summary>
public static partial class OpenDataApi
{
    /// <summary>Reads a whole-number parameter within a range.</summary>
    internal static bool TryInt(string? value, string parameter, int min, int max, out int? result, out IResult? problem)
    {
        result = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            problem = ApiConventions.BadParameter(parameter, $"Cần một số nguyên từ {min} đến {max}.");
            return false;
        }

        result = n;
        return true;
    }

    internal static bool TryBool(string? value, string parameter, out bool? result, out IResult? problem)
    {
        result = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "true":
                result = true;
                return true;
            case "false":
                result = false;
                return true;
            default:
                problem = ApiConventions.BadParameter(parameter, "Cần true hoặc false.");
                return false;
        }
    }

    internal static bool TryDay(string? value, string parameter, out DateOnly? result, out IResult? problem)
    {
        result = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year is < 1900 or > 2200)
        {
            problem = ApiConventions.BadParameter(parameter, "Cần một ngày dạng yyyy-MM-dd (ví dụ 2026-01-31).");
            return false;
        }

        result = d;
        return true;
    }

    /// <summary>A free-text parameter of bounded length.</summary>
    internal static bool TryText(string? value, string parameter, int maxLength, out string? result, out IResult? problem)
    {
        problem = null;
        result = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (result?.Length > maxLength)
        {
            problem = ApiConventions.BadParameter(parameter, $"Tối đa {maxLength} ký tự.");
            result = null;
            return false;
        }

        return true;
    }

    /// <summary>A key of an id-ordered list: the last id shown, within range.</summary>
    internal static bool TryIdCursor(string? value, string list, out int? afterId, out IResult? problem)
    {
        afterId = null;
        if (!ApiConventions.TryCursor(value, list, 1, out var key, out problem))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        if (key[0] is < 0 or > int.MaxValue)
        {
            problem = ApiConventions.BadParameter("cursor", "Con trỏ trang không hợp lệ.");
            return false;
        }

        afterId = (int)key[0];
        return true;
    }

    /// <summary>A key of a list ordered newest first: (time, id) of the last item shown.</summary>
    internal static bool TryDateCursor(string? value, string list, out (DateTime At, int Id)? after, out IResult? problem)
    {
        after = null;
        if (!ApiConventions.TryCursor(value, list, 2, out var key, out problem))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        if (key[0] < 0 || key[0] > DateTime.MaxValue.Ticks || key[1] is < 0 or > int.MaxValue)
        {
            problem = ApiConventions.BadParameter("cursor", "Con trỏ trang không hợp lệ.");
            return false;
        }

        after = (new DateTime(key[0], DateTimeKind.Unspecified), (int)key[1]);
        return true;
    }
}
