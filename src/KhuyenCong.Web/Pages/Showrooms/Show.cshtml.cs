using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Showrooms;

[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls) : SitePageModel
{
    public sealed record ProductLink(string Title, string Slug);

    public Showroom Showroom { get; private set; } = null!;
    public PlaceHistory.Display? Place { get; private set; }
    public IReadOnlyList<ProductLink> Products { get; private set; } = [];
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = db.Showrooms.AsNoTracking().Published(now);
        var room = await published
            .Include(s => s.Establishment)
            .FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (room is null)
        {
            return await MovedOrNotFoundAsync(db, published, slug, SiteUrls.Showroom, ct);
        }

        Showroom = room;
        var places = await PlaceHistory.LoadAsync(db, ct);
        Place = places.Find(room.PlaceId) is { } place ? places.Show(place, FairSchedule.Today(now)) : null;
        Products = await db.Products.AsNoTracking().Published(now)
            .Where(p => p.Showrooms.Any(s => s.Id == room.Id))
            .OrderBy(p => p.Title).Select(p => new ProductLink(p.Title, p.Slug)).ToListAsync(ct);
        Images = await Showcase.ImagesAsync(db, room.Gallery.Select(g => g.Media).Append(room.FeaturedImage), ct);
        OpenGraphImage = room.FeaturedImage is not null && Images.ContainsKey(room.FeaturedImage) ? $"/media/{room.FeaturedImage}-share.jpg" : null;
        DescribeItem("showrooms", room.SeoTitle ?? room.Title, room.SeoDescription ?? room.Summary, SiteUrls.Showroom(room.Slug), ("Phòng trưng bày", "/phong-trung-bay"), room.Title);
        StructuredData.Add(BreadcrumbData(urls));
        return Page();
    }
}
