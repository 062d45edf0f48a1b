using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints;

/// <summary>The captions track of a TV segment (WebVTT) and the fairs' calendars (iCalendar), built from the database.</summary>
public static class ShowcaseFiles
{
    public static void MapShowcaseFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/truyen-hinh/{slug}.vtt", CaptionsAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/hoi-cho/lich.ics", CalendarAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/hoi-cho/{slug}.ics", FairCalendarAsync).CacheOutput(PublicCache.Policy);
    }

    private static async Task<IResult> CaptionsAsync(string slug, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var segment = await db.TvSegments.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime)
            .Where(t => t.Slug == slug).Select(t => new { t.Transcript, t.DurationSeconds }).FirstOrDefaultAsync(ct);
        return segment is null
            ? Results.NotFound()
            : Results.Text(Transcript.WebVtt(Transcript.Cues(segment.Transcript, segment.DurationSeconds)), "text/vtt; charset=utf-8");
    }

    private static async Task<IResult> CalendarAsync(AppDbContext db, TimeProvider clock, SiteUrls urls, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fairs = await db.Fairs.AsNoTracking().Published(now).OrderBy(f => f.StartsOn).ToListAsync(ct);
        return Calendar(http, "lich-hoi-cho.ics", ICalendar.Build("Hội chợ triển lãm – Khuyến công", fairs.Select(f => EventOf(f, urls)), now));
    }

    private static async Task<IResult> FairCalendarAsync(string slug, AppDbContext db, TimeProvider clock, SiteUrls urls, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fair = await db.Fairs.AsNoTracking().Published(now).FirstOrDefaultAsync(f => f.Slug == slug, ct);
        return fair is null
            ? Results.NotFound()
            : Calendar(http, fair.Slug + ".ics", ICalendar.Build(fair.Title, [EventOf(fair, urls)], now));
    }

    private static IResult Calendar(HttpContext http, string fileName, string body)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return Results.Text(body, ICalendar.ContentType);
    }

    private static ICalendar.CalendarEvent EventOf(Fair f, SiteUrls urls)
    {
        var host = Uri.TryCreate(urls.Base, UriKind.Absolute, out var baseUri) ? baseUri.Host : "khuyencong";
        var url = urls.Absolute(SiteUrls.Fair(f.Slug));
        var location = string.IsNullOrWhiteSpace(f.Address) ? $"{f.Venue}, {f.HostProvince}" : $"{f.Venue}, {f.Address}";
        var description = string.Join("\n", new[] { f.Summary, $"Đơn vị tổ chức: {f.Organiser}", url }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new ICalendar.CalendarEvent($"hoi-cho-{f.Id}@{host}", f.Title, description, location, f.StartsOn, f.EndsOn, url, f.UpdatedAt);
    }
}
