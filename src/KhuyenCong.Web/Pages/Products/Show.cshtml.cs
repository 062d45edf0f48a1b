using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Products;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, ProductCatalog catalog, TimeProvider clock, SiteUrls urls) : FeedbackPageModel
{
    public sealed record Link(string Title, string Slug);

    public Product Product { get; private set; } = null!;
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();
    public IReadOnlyList<IndexModel.Card> OtherByProducer { get; private set; } = [];
    public IReadOnlyList<IndexModel.Card> Related { get; private set; } = [];
    public IReadOnlyList<Link> Showrooms { get; private set; } = [];
    public PlaceHistory Places { get; private set; } = null!;
    public DateTime Today { get; private set; }
    public string AbsoluteUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var product = await db.Products.AsNoTracking().Published(now)
            .Include(p => p.Certifications).Include(p => p.Establishment)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (product is null)
        {
            return await MovedOrNotFoundAsync(db, db.Products.Published(now), slug, SiteUrls.Product, ct);
        }

        Product = product;
        Places = await PlaceHistory.LoadAsync(db, ct);
        Today = VietnamTime.ToLocal(now).Date;

        var published = db.Products.AsNoTracking().Published(now).Where(p => p.Id != product.Id);
        if (product.EstablishmentId is { } producerId)
        {
            OtherByProducer = await IndexModel.Cards(published.Where(p => p.EstablishmentId == producerId).OrderBy(p => p.Slug).Take(6)).ToListAsync(ct);
        }

        var shown = OtherByProducer.Select(p => p.Id).ToList();
        var relatedIds = (await catalog.ItemsAsync(db, ct)).Newest
            .Where(p => p.Group == product.Group && p.Id != product.Id && !shown.Contains(p.Id) && p.IsVisibleAt(now))
            .OrderByDescending(p => p.LatestRoundYear).ThenByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Take(4).Select(p => p.Id).ToList();
        var related = await IndexModel.Cards(db.Products.AsNoTracking().Where(p => relatedIds.Contains(p.Id))).ToDictionaryAsync(c => c.Id, ct);
        Related = relatedIds.Where(related.ContainsKey).Select(id => related[id]).ToList();
        Showrooms = await db.Showrooms.AsNoTracking().Published(now).Where(s => s.Products.Any(p => p.Id == product.Id))
            .OrderBy(s => s.Title).Select(s => new Link(s.Title, s.Slug)).ToListAsync(ct);

        var names = new[] { product.FeaturedImage }.Concat(product.Gallery.Select(g => g.Media))
            .Concat(OtherByProducer.Concat(Related).Select(c => c.Image)).OfType<string>().Distinct().ToList();
        Images = await db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.StorageName) && m.Kind == MediaKind.Image)
            .ToDictionaryAsync(m => m.StorageName, ct);

        Section = "products";
        PageTitle = product.SeoTitle ?? product.Title;
        MetaDescription = product.SeoDescription ?? product.Summary;
        OpenGraphType = "product";
        CanonicalPath = SiteUrls.Product(product.Slug);
        AbsoluteUrl = urls.Absolute(CanonicalPath);
        if (product.FeaturedImage is { } featured && Images.ContainsKey(featured))
        {
            OpenGraphImage = $"/media/{featured}-share.jpg";
        }

        Breadcrumbs.Add(("Sản phẩm", "/san-pham"));
        Breadcrumbs.Add((product.Title, null));
        StructuredData.Add(StructuredProduct(product));
        StructuredData.Add(BreadcrumbData(urls));
        return Page();
    }

    private Dictionary<string, object?> StructuredProduct(Product product)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = product.Title,
            ["description"] = product.Summary,
            ["url"] = AbsoluteUrl,
            ["category"] = Product.GroupLabel(product.Group),
        };
        var images = new[] { product.FeaturedImage }.Concat(product.Gallery.Select(g => g.Media)).OfType<string>()
            .Where(Images.ContainsKey).Select(n => urls.Absolute($"/media/{n}-{Images[n].Widths().Max()}.jpg")).ToList();
        if (images.Count > 0)
        {
            data["image"] = images;
        }

        if (product.Establishment is { } producer)
        {
            data["manufacturer"] = new Dictionary<string, object?>
            {
                ["@type"] = "Organization", ["name"] = producer.Name, ["url"] = urls.Absolute(SiteUrls.Establishment(producer.Slug)),
            };
            data["brand"] = new Dictionary<string, object?> { ["@type"] = "Brand", ["name"] = producer.Name };
        }

        var awards = product.Certifications.OrderBy(c => c.RoundYear)
            .Select(c => $"Sản phẩm công nghiệp nông thôn tiêu biểu {Product.LevelLabel(c.Level).ToLowerInvariant()} năm {c.RoundYear}")
            .ToList();
        if (product.OcopStars is { } stars)
        {
            awards.Add($"OCOP {stars} sao{(product.OcopYear is { } y ? $" ({y})" : "")}");
        }

        if (awards.Count > 0)
        {
            data["award"] = awards;
        }

        return data;
    }
}
