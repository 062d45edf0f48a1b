using System.Text;

namespace KhuyenCong.Web.Services;

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
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength];
            var cut = slug.LastIndexOf('-');
            slug = cut > MaxLength / 2 ? slug[..cut] : slug.TrimEnd('-');
        }

        return slug.Length == 0 ? "muc" : slug;
    }

    /// <summary>
    /// A slug from <paramref name="text"/> not yet in <paramref name="taken"/>: "x", then "x-2", "x-3"…
    /// </summary>
    public static string Unique(string? text, Func<string, bool> taken)
    {
        var baseSlug = Slugify(text);
        var candidate = baseSlug;
        for (var n = 2; taken(candidate); n++)
        {
            candidate = $"{baseSlug}-{n}";
        }

        return candidate;
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 200 && slug == Slugify(slug);
}
