using System.Globalization;
using System.Text;
using System.Xml;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Content;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints;

/// <summary>robots.txt and a sitemap index with one sitemap per type (split in files of at most 20,000 URLs).</summary>
public static class Seo
{
    public const int UrlsPerSitemap = 20_000;
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private sealed record Entry(string Path, DateTime LastModified);

    public static void MapSeo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (SiteUrls urls) => Results.Text(
            $"User-agent: *\nAllow: /\nDisallow: /quan-tri\nDisallow: /tim-kiem\n\nSitemap: {urls.Absolute("/sitemap.xml")}\n",
            "text/plain; charset=utf-8")).CacheOutput(PublicCache.Policy);

        app.MapGet("/sitemap.xml", SitemapIndexAsync).CacheOutput(PublicCache.Policy);
        app.MapGet("/sitemap-{type}-{page:int}.xml", SitemapAsync).CacheOutput(PublicCache.Policy);
    }

    /// <summary>The programme's pages: the summary, the detail tables and the page of each content the shown period has.</summary>
    private static async Task<List<Entry>> ProgramEntriesAsync(AppDbContext db, ProgramProgress progress, CancellationToken ct)
    {
        var changed = await db.Set<ChangeStamp>().AsNoTracking().Where(s => s.Id == ChangeStamp.ContentId).Select(s => s.ChangedAt).FirstOrDefaultAsync(ct);
        var report = await progress.ReportAsync(ct);
        return report.Period is null ? []
            : [new Entry("/chuong-trinh", changed), new Entry("/chuong-trinh/so-lieu", changed),
               .. KhuyenCong.Web.Pages.Program.ContentModel.Summaries(report).Select(c => new Entry(c.Content.Path, changed))];
    }

    private static async Task<IResult> SitemapIndexAsync(AppDbContext db, SiteUrls urls, TimeProvider clock, ProgramProgress progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stats = new List<(string Type, int Count, DateTime? LastModified)>();
        foreach (var contentType in ContentTypes.All)
        {
            var (count, lastModified) = await contentType.SitemapStatsAsync(db, now, ct);
            stats.Add((contentType.Sitemap, count, lastModified));
        }

        stats.Add(("topics", await db.Topics.CountAsync(ct), await db.Articles.Published(now).MaxAsync(a => (DateTime?)a.UpdatedAt, ct)));
        stats.Add(("producers", await Producers(db, now).CountAsync(ct), await Producers(db, now).MaxAsync(e => (DateTime?)e.UpdatedAt, ct)));
        var program = await ProgramEntriesAsync(db, progress, ct);
        stats.Add(("program", program.Count, program.Count > 0 ? program[0].LastModified : null));

        return Xml(xml =>
        {
            xml.WriteStartElement("sitemapindex", Ns);
            foreach (var (type, count, lastModified) in stats.Where(s => s.Count > 0))
            {
                for (var page = 1; page <= (count + UrlsPerSitemap - 1) / UrlsPerSitemap; page++)
                {
                    xml.WriteStartElement("sitemap", Ns);
                    xml.WriteElementString("loc", Ns, urls.Absolute($"/sitemap-{type}-{page}.xml"));
                    if (lastModified is not null)
                    {
                        xml.WriteElementString("lastmod", Ns, W3cDate(lastModified.Value));
                    }

                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        });
    }

    private static async Task<IResult> SitemapAsync(string type, int page, AppDbContext db, SiteUrls urls, TimeProvider clock, ProgramProgress progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (page < 1)
        {
            return Results.NotFound();
        }

        var skip = (page - 1) * UrlsPerSitemap;
        List<Entry>? entries = ContentTypes.All.FirstOrDefault(t => t.Sitemap == type) is { } contentType
            ? (await contentType.SitemapAsync(db, now, skip, UrlsPerSitemap, ct)).Select(e => new Entry(e.Path, e.LastModified)).ToList()
            : type switch
        {
            "producers" => await Producers(db, now).AsNoTracking().OrderBy(e => e.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(e => new Entry(SiteUrls.Establishment(e.Slug), e.UpdatedAt)).ToListAsync(ct),
            "topics" => await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).Skip(skip).Take(UrlsPerSitemap)
                .Select(t => new Entry("/chuyen-muc/" + t.Slug,
                    t.Articles.Where(a => a.Status == ContentStatus.Published && a.PublishAt <= now).Max(a => (DateTime?)a.UpdatedAt) ?? DateTime.UnixEpoch))
                .ToListAsync(ct),
            "program" => page == 1 ? await ProgramEntriesAsync(db, progress, ct) : [],
            _ => null,
        };

        if (entries is null || (entries.Count == 0 && page > 1))
        {
            return Results.NotFound();
        }

        return Xml(xml =>
        {
            xml.WriteStartElement("urlset", Ns);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url", Ns);
                xml.WriteElementString("loc", Ns, urls.Absolute(entry.Path));
                xml.WriteElementString("lastmod", Ns, W3cDate(entry.LastModified));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>
    /// Establishments that have a public page: the same rule as the producer page, something published (a product
    /// or a showroom) names them.
    /// </summary>
    public static IQueryable<Establishment> Producers(AppDbContext db, DateTime now) =>
        db.Establishments.Where(e =>
            db.Products.Published(now).Any(p => p.EstablishmentId == e.Id) ||
            db.Showrooms.Published(now).Any(s => s.EstablishmentId == e.Id));

    private static IResult Xml(Action<XmlWriter> write)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            write(xml);
        }

        return Results.Text(sb.ToString(), "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static string W3cDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
