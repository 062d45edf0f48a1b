using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages;

[OutputCache(PolicyName = KhuyenCong.Web.Services.Caching.PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public IReadOnlyList<ArticleCard> Featured { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];
    public IReadOnlyList<(string Title, string Slug, string? Number, DateTime? IssuedOn)> Documents { get; private set; } = [];
    public IReadOnlyList<Topic> Topics { get; private set; } = [];
    /// <summary>The next fair that has not ended (ongoing or upcoming), if any.</summary>
    public Fair? NextFair { get; private set; }
    public Services.Content.FairPhase NextFairPhase { get; private set; }

    /// <summary>The showcase blocks: a few newest products, showrooms and TV segments, each with a link to its list.</summary>
    public IReadOnlyList<Products.IndexModel.Card> Products { get; private set; } = [];
    public IReadOnlyList<(string Title, string Slug, string Address, string? Image, string? ImageAlt)> Showrooms { get; private set; } = [];
    public IReadOnlyList<(string Title, string Slug, int Episode, DateTime? AirDate)> TvSegments { get; private set; } = [];
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Section = "home";
        CanonicalPath = "/";
        var now = clock.GetUtcNow().UtcDateTime;
        var published = db.Articles.AsNoTracking().Published(now);
        Featured = await published.Where(a => a.IsFeatured).Newest().Take(3).ToCards().ToListAsync(ct);
        // The newest nine hold the six newest that are not featured (at most three are): a plain walk of the date
        // index, where a "not one of these" filter in the query would make the database test every row it passes.
        var featuredSlugs = Featured.Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        Latest = (await published.Newest().Take(6 + Featured.Count).ToCards().ToListAsync(ct))
            .Where(a => !featuredSlugs.Contains(a.Slug)).Take(6).ToList();
        Documents = (await db.Documents.AsNoTracking().Published(now).OrderByDescending(d => d.IssuedOn).Take(5)
            .Select(d => new { d.Title, d.Slug, d.Number, d.IssuedOn }).ToListAsync(ct))
            .Select(d => (d.Title, d.Slug, d.Number, d.IssuedOn)).ToList();
        Topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var today = Services.Content.FairSchedule.Today(now);
        NextFair = await db.Fairs.AsNoTracking().Published(now).Where(f => f.EndsOn >= today)
            .OrderBy(f => f.StartsOn).ThenBy(f => f.Id).FirstOrDefaultAsync(ct);
        NextFairPhase = NextFair is null ? default : Services.Content.FairSchedule.PhaseOf(NextFair, now);
        Products = await Pages.Products.IndexModel.Cards(db.Products.AsNoTracking().Published(now)
            .OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).Take(4)).ToListAsync(ct);
        Showrooms = (await db.Showrooms.AsNoTracking().Published(now).OrderByDescending(s => s.PublishAt).ThenByDescending(s => s.Id).Take(3)
            .Select(s => new { s.Title, s.Slug, s.Address, s.FeaturedImage, s.FeaturedImageAlt }).ToListAsync(ct))
            .Select(s => (s.Title, s.Slug, s.Address, s.FeaturedImage, s.FeaturedImageAlt)).ToList();
        TvSegments = (await db.TvSegments.AsNoTracking().Published(now).OrderByDescending(t => t.EpisodeNumber).ThenByDescending(t => t.AirDate).Take(3)
            .Select(t => new { t.Title, t.Slug, t.EpisodeNumber, t.AirDate }).ToListAsync(ct))
            .Select(t => (t.Title, t.Slug, t.EpisodeNumber, t.AirDate)).ToList();
        Images = await Showcase.ImagesAsync(db, Products.Select(p => p.Image).Concat(Showrooms.Select(s => s.Image)), ct);
        StructuredData.Add(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org", ["@type"] = "WebSite", ["name"] = "Khuyến công", ["inLanguage"] = "vi",
        });
    }
}
