using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>Establishments (content/establishments.yml) and products (content/products/*.md).</summary>
public sealed partial class ContentImporter
{
    private Dictionary<string, int> establishmentIds = new(StringComparer.Ordinal);
    private Dictionary<string, int> placeIds = new(StringComparer.Ordinal);

    // Images already brought in by this import: many products may share one file, and media rows added in the
    // current chunk are not yet visible to ImportImageAsync's database lookup.
    private readonly Dictionary<string, string> productImages = new(StringComparer.Ordinal);

    private async Task<string> ProductImageAsync(string relativePath, string imagePath, string? alt, CancellationToken ct)
    {
        if (!productImages.TryGetValue(imagePath, out var stored))
        {
            stored = await ImportImageAsync(relativePath, imagePath, alt, ct);
            productImages[imagePath] = stored;
        }

        return stored;
    }

    /// <summary>Establishments first: products, showrooms and fairs name them by slug.</summary>
    private async Task ImportProductsAsync(TextWriter output, CancellationToken ct)
    {
        placeIds = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.Ordinal, ct);
        await output.WriteLineAsync(await ImportEstablishmentsAsync(ct));
        establishmentIds = await db.Establishments.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Id, StringComparer.Ordinal, ct);
        await output.WriteLineAsync(await ImportRoutedAsync("products", db.Products.Include(p => p.Certifications), ApplyProductAsync, null, ct));
    }

    private async Task<string> ImportEstablishmentsAsync(CancellationToken ct)
    {
        const string file = "establishments.yml";
        if (await ReadDataFileAsync(file, ct) is not { } yaml)
        {
            return "establishments: no establishments.yml";
        }

        var text = yaml.Replace("\r\n", "\n", StringComparison.Ordinal);
        var entries = FrontMatter.Deserialize<List<EstablishmentFile>>(file, text);
        var itemLines = text.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.StartsWith("- ", StringComparison.Ordinal)).Select(x => x.i + 1).ToList();
        var existing = await db.Establishments.ToDictionaryAsync(e => e.Slug, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var line = i < itemLines.Count ? itemLines[i] : 1;
            var slug = e.Slug?.Trim() ?? "";
            if (!Slugifier.IsValid(slug) || string.IsNullOrWhiteSpace(e.Name))
            {
                throw new ContentImportException(file, line, $"establishment #{i + 1} needs a valid 'slug' and a 'name'");
            }

            if (!seen.Add(slug))
            {
                throw new ContentImportException(file, line, $"establishment slug '{slug}' is used twice");
            }

            var kind = EstablishmentKinds.FromCode(e.Kind)
                ?? throw new ContentImportException(file, line, $"establishment '{slug}': kind must be enterprise, cooperative, cooperative-group, household-business or other, not '{e.Kind}'");
            int? placeId = null;
            if (!string.IsNullOrWhiteSpace(e.Place))
            {
                placeId = placeIds.TryGetValue(e.Place.Trim(), out var pid) ? pid
                    : throw new ContentImportException(file, line, $"establishment '{slug}': unknown place '{e.Place}' (see places.yml)");
            }

            if (!string.IsNullOrWhiteSpace(e.Website) && !IsHttpUrl(e.Website))
            {
                throw new ContentImportException(file, line, $"establishment '{slug}': website must be an http(s) address");
            }

            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
                slug, e.Name, e.Kind, e.Address, e.Place, e.Representative, e.Phone, e.Email, e.Website, e.Description, e.ConsentedToPublish, e.Sample))));
            if (!existing.TryGetValue(slug, out var item))
            {
                item = new Establishment { Name = "", Slug = slug, CreatedAt = now };
                db.Establishments.Add(item);
                existing[slug] = item;
                added++;
            }
            else if (item.SourceHash == hash)
            {
                unchanged++;
                continue;
            }
            else
            {
                updated++;
            }

            item.Name = Nfc(e.Name.Trim());
            item.Kind = kind;
            item.Address = Nfc(e.Address?.Trim() ?? "");
            item.PlaceId = placeId;
            item.Representative = Blank(e.Representative);
            item.Phone = Blank(e.Phone);
            item.Email = Blank(e.Email);
            item.Website = Blank(e.Website);
            item.Description = Nfc(e.Description?.Trim() ?? "");
            item.ConsentedToPublish = e.ConsentedToPublish;
            item.IsSample = e.Sample;
            item.UpdatedAt = now;
            item.UpdatedBy = Actor;
            item.SourcePath = file;
            item.SourceHash = hash;
        }

        await db.SaveChangesAsync(ct);
        return new Counts("establishments", entries.Count, added, updated, unchanged).ToString().Replace(" files", " entries", StringComparison.Ordinal);
    }

    private async Task ApplyProductAsync(string relativePath, string text, Product product, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<ProductFile>(relativePath, text);
        await ApplyCommonAsync(relativePath, text, product, meta.Title, meta.Slug, meta.Summary, body, meta.Status, meta.Sample, db.Products, ct);
        product.PublishAt = RequiredPublishAt(relativePath, text, meta.Date);
        product.CreatedAt = product.CreatedAt == default ? product.PublishAt.Value : product.CreatedAt;
        product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        product.IsSet = meta.Set;
        product.Group = meta.Group?.Trim() switch
        {
            "handicraft" => CnntGroup.Handicraft,
            "processed-food" => CnntGroup.ProcessedFood,
            "machinery" => CnntGroup.Machinery,
            "other" => CnntGroup.Other,
            _ => throw new ContentImportException(relativePath, LineOf(text, "group"), $"'group' must be handicraft, processed-food, machinery or other, not '{meta.Group}'"),
        };
        var producer = Required(relativePath, text, "producer", meta.Producer);
        product.EstablishmentId = establishmentIds.TryGetValue(producer, out var eid) ? eid
            : throw new ContentImportException(relativePath, LineOf(text, "producer"), $"unknown producer '{producer}' (see establishments.yml)");
        product.PlaceId = null;
        if (!string.IsNullOrWhiteSpace(meta.Place))
        {
            product.PlaceId = placeIds.TryGetValue(meta.Place.Trim(), out var pid) ? pid
                : throw new ContentImportException(relativePath, LineOf(text, "place"), $"unknown place '{meta.Place}' (see places.yml)");
        }

        product.Certifications.Clear();
        foreach (var c in meta.Certifications)
        {
            var level = ParseLevel(c.Level)
                ?? throw new ContentImportException(relativePath, LineOf(text, "certifications"), $"certification level must be provincial, regional or national, not '{c.Level}'");
            if (c.Round is not { } round || round is < 2000 or > 2100)
            {
                throw new ContentImportException(relativePath, LineOf(text, "certifications"), "each certification needs a 'round' year (e.g. 2022)");
            }

            product.Certifications.Add(new ProductCertification
            {
                Level = level, RoundYear = round, DecisionNumber = Blank(c.Decision), Issuer = Blank(c.Issuer),
                DecisionDate = FrontMatter.ParseDate(relativePath, "certifications.date", c.Date),
            });
        }

        if (meta.OcopStars is { } stars && stars is < 1 or > 5)
        {
            throw new ContentImportException(relativePath, LineOf(text, "ocop_stars"), "'ocop_stars' must be 1 to 5");
        }

        product.OcopStars = meta.OcopStars;
        product.OcopYear = meta.OcopYear;
        var image = Required(relativePath, text, "image", meta.Image);
        product.FeaturedImageAlt = Required(relativePath, text, "image_alt", meta.ImageAlt);
        product.FeaturedImage = await ProductImageAsync(relativePath, image, product.FeaturedImageAlt, ct);
        var gallery = new List<GalleryImage>();
        foreach (var g in meta.Gallery)
        {
            var file = Required(relativePath, text, "gallery.file", g.File);
            var alt = Required(relativePath, text, "gallery.alt", g.Alt);
            gallery.Add(new GalleryImage { Media = await ProductImageAsync(relativePath, file, alt, ct), Alt = alt, Caption = Blank(g.Caption) });
        }

        product.Gallery = gallery;
        product.WhereToBuy = meta.WhereToBuy.Select(w =>
        {
            if (!string.IsNullOrWhiteSpace(w.Url) && !IsHttpUrl(w.Url))
            {
                throw new ContentImportException(relativePath, LineOf(text, "where_to_buy"), $"where_to_buy url must be an http(s) address, not '{w.Url}'");
            }

            return new ShopLink { Name = Required(relativePath, text, "where_to_buy.name", w.Name), Address = Blank(w.Address), Phone = Blank(w.Phone), Url = Blank(w.Url) };
        }).ToList();
        product.Support = meta.Support.Select(s => new SupportReceived
        {
            Project = Required(relativePath, text, "support.project", s.Project), Year = s.Year ?? 0, Kind = s.Kind?.Trim() ?? "",
        }).ToList();
    }

    internal static CertificationLevel? ParseLevel(string? code) => code?.Trim() switch
    {
        "provincial" => CertificationLevel.Provincial,
        "regional" => CertificationLevel.Regional,
        "national" => CertificationLevel.National,
        _ => null,
    };

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : Nfc(value.Trim());

    private static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}

#pragma warning disable CA1812 // Created by YamlDotNet.
internal sealed class EstablishmentFile
{
    public string? Slug { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Address { get; set; }
    public string? Place { get; set; }
    public string? Representative { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public bool ConsentedToPublish { get; set; }
    public bool Sample { get; set; }
}

internal sealed class ProductFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Date { get; set; }
    public bool Set { get; set; }
    public string? Group { get; set; }
    public string? Producer { get; set; }
    public string? Place { get; set; }
    public string? Summary { get; set; }
    public List<CertificationEntry> Certifications { get; set; } = [];
    public int? OcopStars { get; set; }
    public int? OcopYear { get; set; }
    public string? Image { get; set; }
    public string? ImageAlt { get; set; }
    public List<GalleryEntry> Gallery { get; set; } = [];
    public List<ShopEntry> WhereToBuy { get; set; } = [];
    public List<SupportEntry> Support { get; set; } = [];
    public bool Sample { get; set; }
    public string? Status { get; set; }
}

internal sealed class CertificationEntry
{
    public string? Level { get; set; }
    public int? Round { get; set; }
    public string? Decision { get; set; }
    public string? Date { get; set; }
    public string? Issuer { get; set; }
}

internal sealed class GalleryEntry
{
    public string? File { get; set; }
    public string? Alt { get; set; }
    public string? Caption { get; set; }
}

internal sealed class ShopEntry
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Url { get; set; }
}

internal sealed class SupportEntry
{
    public string? Project { get; set; }
    public int? Year { get; set; }
    public string? Kind { get; set; }
}
#pragma warning restore CA1812
