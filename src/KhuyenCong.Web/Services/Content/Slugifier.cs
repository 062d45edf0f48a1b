using System.Text;

namespace KhuyenCong.Web.Services.Content;

/// <summary>Turns Vietnamese titles into ASCII URL slugs ("Đào tạo nghề" → "dao-tao-nghe").</summary>
public static class Slugifier
{
    public const int MaxLength = 80;

    public static string Slugify(string? text)
    {
        var folded = TextFolding.Fold(text);
        var sb = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                pendingDash = false;
                sb.Append(c);
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = sb.ToString();
        return slug.Length == 0 ? "muc" : Shorten(slug, MaxLength);
    }

    /// <summary>Cuts a slug to at most <paramref name="max"/> chars at a word boundary when one is near.</summary>
    private static string Shorten(string slug, int max)
    {
        if (slug.Length <= max)
        {
            return slug;
        }

        if (slug[max] == '-')
        {
            return slug[..max];
        }

        var head = slug[..max];
        var cut = head.LastIndexOf('-');
        return cut > max / 2 ? head[..cut] : head.TrimEnd('-');
    }

    /// <summary>
    /// A slug from <paramref name="text"/> not yet in <paramref name="taken"/>: "x", then "x-2", "x-3"…
    /// </summary>
    public static string Unique(string? text, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var baseSlug = Slugify(text);
        var candidate = baseSlug;
        for (var n = 2; taken(candidate); n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            candidate = Shorten(baseSlug, MaxLength - suffix.Length).TrimEnd('-') + suffix;
        }

        return candidate;
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 200 && slug == Slugify(slug);
}
