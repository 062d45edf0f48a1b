using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Fairs;

/// <summary>One fair: dates and status, how to apply, participants with their products, gallery, results, Event data.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class ShowModel(AppDbContext db, TimeProvider clock, SiteUrls urls, MarkdownRenderer markdown) : FeedbackPageModel
{
    public sealed record ProductLink(string Title, string Slug);

    public sealed record Participant(string Name, string Slug, string? Booth, bool Supported, IReadOnlyList<ProductLink> Products);

    public Fair Fair { get; private set; } = null!;
    public FairPhase Phase { get; private set; }
    public string HowToApplyHtml { get; private set; } = "";
    public IReadOnlyList<Participant> Participants { get; private set; } = [];
    public IReadOnlyDictionary<string, MediaFile> Images { get; private set; } = new Dictionary<string, MediaFile>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = db.Fairs.AsNoTracking().Published(now);
        var fair = await published.FirstOrDefaultAsync(f => f.Slug == slug, ct);
        if (fair is null)
        {
            return await MovedOrNotFoundAsync(db, published, slug, SiteUrls.Fair, ct);
        }

        Fair = fair;
        Phase = FairSchedule.PhaseOf(fair, now);
        // How-to-apply is a few lines; rendering it here (once per cache fill) saves a column.
        HowToApplyHtml = string.IsNullOrWhiteSpace(fair.HowToApply) ? "" : markdown.ToHtml(fair.HowToApply);
        var rows = await db.FairParticipations.AsNoTracking().Where(p => p.FairId == fair.Id)
            .Select(p => new { p.EstablishmentId, p.Establishment!.Name, p.Establishment.Slug, p.Booth, p.ProgrammeSupported })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.EstablishmentId).ToList();
        var products = (await db.Products.AsNoTracking().Published(now)
            .Where(p => p.EstablishmentId != null && ids.Contains(p.EstablishmentId.Value))
            .OrderBy(p => p.Title).Select(p => new { p.EstablishmentId, p.Title, p.Slug }).ToListAsync(ct))
            .ToLookup(p => p.EstablishmentId!.Value, p => new ProductLink(p.Title, p.Slug));
        var vi = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);
        Participants = rows.OrderBy(r => r.Name, vi)
            .Select(r => new Participant(r.Name, r.Slug, r.Booth, r.ProgrammeSupported, products[r.EstablishmentId].ToList())).ToList();
        Images = await Showcase.ImagesAsync(db, fair.Gallery.Select(g => g.Media).Append(fair.FeaturedImage), ct);
        OpenGraphImage = fair.FeaturedImage is not null && Images.ContainsKey(fair.FeaturedImage) ? $"/media/{fair.FeaturedImage}-share.jpg" : null;
        DescribeItem("fairs", fair.SeoTitle ?? fair.Title, fair.SeoDescription ?? fair.Summary, SiteUrls.Fair(fair.Slug), ("Hội chợ", "/hoi-cho"), fair.Title);
        StructuredData.Add(EventData());
        StructuredData.Add(BreadcrumbData(urls));
        return Page();
    }

    /// <summary>A calendar day as the start or end of the fair's days in Vietnam time (+07:00).</summary>
    public static string LocalDay(DateTime day, bool end) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (end ? "T23:59:59+07:00" : "T00:00:00+07:00");

    private Dictionary<string, object?> EventData()
    {
        var f = Fair;
        var data = new Dictionary<string, object?>(JsonLd.Thing("Event", f.Title, f.Summary))
        {
            ["startDate"] = LocalDay(f.StartsOn, end: false),
            ["endDate"] = LocalDay(f.EndsOn, end: true),
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["location"] = new Dictionary<string, object>
            {
                ["@type"] = "Place",
                ["name"] = f.Venue,
                ["address"] = new Dictionary<string, object>
                {
                    ["@type"] = "PostalAddress",
                    ["streetAddress"] = string.IsNullOrWhiteSpace(f.Address) ? f.Venue : f.Address,
                    ["addressRegion"] = f.HostProvince,
                    ["addressCountry"] = "VN",
                },
            },
            ["organizer"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = f.Organiser },
            ["url"] = urls.Absolute(CanonicalPath!),
            ["inLanguage"] = "vi",
        };
        if (f.FeaturedImage is not null && Images.TryGetValue(f.FeaturedImage, out var image))
        {
            data["image"] = new[] { urls.Absolute($"/media/{image.StorageName}-share.jpg") };
        }

        return data;
    }
}
