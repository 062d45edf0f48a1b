using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Content;

/// <summary>What a save does for products beyond the common columns (their line in the content-type registry).</summary>
public static class ProductFacts
{
    /// <summary>Denormalises the highest level and the latest round from the certifications (list filters use them).</summary>
    public static void Sync(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        product.HighestLevel = product.Certifications.Count == 0 ? null : product.Certifications.Max(c => c.Level);
        product.LatestRoundYear = product.Certifications.Count == 0 ? null : product.Certifications.Max(c => c.RoundYear);
    }

    /// <summary>Revision snapshot extras: the certifications and the JSON-stored lists.</summary>
    public static void AddToSnapshot(Product product, IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(values);
        values["Certifications"] = product.Certifications
            .OrderBy(c => c.RoundYear).ThenBy(c => c.Level)
            .Select(c => new { c.Level, c.RoundYear, c.DecisionNumber, c.DecisionDate, c.Issuer }).ToList();
        values["Gallery"] = Content.ContentSnapshot.Gallery(product.Gallery);
        values["WhereToBuy"] = product.WhereToBuy.Select(w => new { w.Name, w.Address, w.Phone, w.Url }).ToList();
        values["Support"] = product.Support.Select(s => new { s.Project, s.Year, s.Kind }).ToList();
    }

    /// <summary>Extra words for site search: group, levels and rounds, so "quoc gia 2022" finds products.</summary>
    public static string SearchText(Product product, string body)
    {
        ArgumentNullException.ThrowIfNull(product);
        var certifications = product.Certifications.Select(c => $"{Product.LevelLabel(c.Level)} {c.RoundYear}");
        return string.Join(' ', [Product.GroupLabel(product.Group), .. certifications, body]);
    }
}
