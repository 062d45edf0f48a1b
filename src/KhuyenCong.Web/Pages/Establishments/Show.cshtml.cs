using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using ProductCard = KhuyenCong.Web.Pages.Products.IndexModel.Card;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Establishments;

/// <summary>
/// A producer's page: kind, place with its history, contact details only when consented, products and showrooms.
/// Only establishments with something published (a product or a showroom) have a page.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls) : SitePageModel
{
    public Establishment Establishment { get; private set; } = null!;
    public IReadOnlyList<ProductCard> Products { get; private set; } = [];
    public IReadOnlyList<ShowModel.Link> Showrooms { get; private set; } = [];
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();
    public PlaceHistory Places { get; private set; } = null!;
    public DateTime Today { get; private set; }

    public sealed record Link(string Title, string Slug);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var establishment = await db.Establishments.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (establishment is null)
        {
            // An address the establishment had before a rename answers 301 with the current one.
            var current = await db.SlugRedirects.AsNoTracking()
                .Where(r => r.ContentType == nameof(Establishment) && r.OldSlug == slug)
                .Join(db.Establishments, r => r.ContentId, e => e.Id, (r, e) => e.Slug)
                .FirstOrDefaultAsync(ct);
            return current is null ? NotFound() : RedirectPermanent(SiteUrls.Establishment(current));
        }

        // The producer's own page does not repeat its name on every card.
        Products = (await Pages.Products.IndexModel.Cards(db.Products.AsNoTracking().Published(now).Where(p => p.EstablishmentId == establishment.Id)
                .OrderByDescending(p => p.LatestRoundYear).ThenBy(p => p.Slug))
            .ToListAsync(ct)).Select(c => c with { Producer = null }).ToList();
        Showrooms = await db.Showrooms.AsNoTracking().Published(now).Where(s => s.EstablishmentId == establishment.Id)
            .OrderBy(s => s.Title).Select(s => new Link(s.Title, s.Slug)).ToListAsync(ct);
        if (Products.Count == 0 && Showrooms.Count == 0)
        {
            return NotFound();
        }

        Establishment = establishment;
        Places = await PlaceHistory.LoadAsync(db, ct);
        Today = VietnamTime.ToLocal(now).Date;
        var names = Products.Select(p => p.Image).OfType<string>().Distinct().ToList();
        Images = await db.MediaFiles.AsNoTracking().Where(m => names.Contains(m.StorageName) && m.Kind == MediaKind.Image)
            .ToDictionaryAsync(m => m.StorageName, ct);

        Section = "establishments";
        PageTitle = establishment.Name;
        MetaDescription = string.IsNullOrWhiteSpace(establishment.Description)
            ? $"{EstablishmentKinds.Label(establishment.Kind)} sản xuất sản phẩm công nghiệp nông thôn tiêu biểu."
            : establishment.Description;
        CanonicalPath = SiteUrls.Establishment(establishment.Slug);
        Breadcrumbs.Add(("Cơ sở sản xuất", "/co-so"));
        Breadcrumbs.Add((establishment.Name, null));
        var org = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = establishment.Name,
            ["url"] = urls.Absolute(CanonicalPath),
            ["description"] = MetaDescription,
        };
        if (establishment.ConsentedToPublish)
        {
            org["address"] = establishment.Address;
            org["telephone"] = establishment.Phone;
            org["email"] = establishment.Email;
        }

        StructuredData.Add(org);
        StructuredData.Add(BreadcrumbData(urls));
        return Page();
    }
}
