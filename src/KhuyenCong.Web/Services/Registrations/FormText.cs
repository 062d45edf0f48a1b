using System.Globalization;
using System.Text;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>
/// Cleans one posted text answer: refuses control characters and broken Unicode, normalises to NFC, trims,
/// collapses inner runs of spaces, enforces the length limit. Returns the error message or null.
/// </summary>
public static class FormText
{
    public static string? Clean(string? raw, string label, int maxLength, bool multiline, out string value)
    {
        value = "";
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (raw.Length > maxLength * 4)
        {
            return $"{label} không được dài quá {maxLength} ký tự.";
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF')
            {
                return $"{label} chứa ký tự không đọc được. Vui lòng gõ lại.";
            }

            var category = char.GetUnicodeCategory(c);
            var allowedWhitespace = c == ' ' || (multiline && (c == '\n' || c == '\r' || c == '\t'));
            if (!allowedWhitespace && (category is UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
                && c != '\u200D')
            {
                return $"{label} chứa ký tự điều khiển không hợp lệ. Vui lòng chỉ dùng chữ, số và dấu câu.";
            }
        }

        var text = raw.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(string.Join(' ', line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        }

        value = builder.ToString().Trim();
        if (!multiline)
        {
            value = value.Replace('\n', ' ');
        }

        if (value.Length > maxLength)
        {
            return $"{label} không được dài quá {maxLength} ký tự (hiện có {value.Length}).";
        }

        return null;
    }

    /// <summary>Removes the separators people type in numbers: spaces, dots, commas, dashes.</summary>
    /// <summary>
    /// Cleans one text field of a public form (<see cref="Clean"/>); a problem, or "Nhập …" for an empty required field,
    /// goes into <paramref name="errors"/> under <paramref name="field"/>. Returns the clean text ("" when refused).
    /// </summary>
    public static string Field(string field, string? raw, string label, int max, bool multiline, bool required, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(errors);
        if (Clean(raw, label, max, multiline, out var value) is { } problem)
        {
            errors[field] = problem;
            return "";
        }

        if (required && value.Length == 0)
        {
            errors[field] = $"Nhập {char.ToLowerInvariant(label[0])}{label[1..]}.";
        }

        return value;
    }

    public static string Digits(string? raw) =>
        raw is null ? "" : new string(raw.Where(c => c is not (' ' or '.' or ',' or '-' or '\u00A0' or '_')).ToArray());

    /// <summary>A Vietnamese phone number as 10 digits starting with 0 ("+84 912 345 678" → "0912345678").</summary>
    public static bool TryPhone(string? raw, out string phone)
    {
        phone = "";
        var digits = Digits(raw).Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        if (digits.Length is 10 or 11 && digits[0] == '0' && digits.All(char.IsAsciiDigit))
        {
            phone = digits;
            return true;
        }

        return false;
    }

    /// <summary>A tax code: 10 digits, or 13 for a branch ("0123456789-001").</summary>
    public static bool TryTaxCode(string? raw, out string taxCode)
    {
        taxCode = Digits(raw);
        return taxCode.Length is 10 or 13 && taxCode.All(char.IsAsciiDigit);
    }

    /// <summary>An amount of money in đồng, typed with or without separators.</summary>
    public static bool TryMoney(string? raw, out long amount)
    {
        amount = 0;
        if (raw is null || raw.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        var digits = Digits(raw);
        if (digits.EndsWith('đ'))
        {
            digits = digits[..^1];
        }

        return digits.Length is > 0 and <= 13 && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }

    public static bool TryWholeNumber(string? raw, int min, int max, out int number)
    {
        number = 0;
        if (raw is null || raw.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        var digits = Digits(raw);
        return digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max;
    }

    public static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 3 && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.') && !value.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or ',' or ';');
    }
}
