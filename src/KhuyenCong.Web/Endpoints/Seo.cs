using System.Globalization;
using System.Text;
using System.Xml;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
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

    private static async Task<IResult> SitemapIndexAsync(AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stats = new List<(string Type, int Count, DateTime? LastModified)>
        {
            ("articles", await db.Articles.Published(now).CountAsync(ct), await db.Articles.Published(now).MaxAsync(a => (DateTime?)a.UpdatedAt, ct)),
            ("documents", await db.Documents.Published(now).CountAsync(ct), await db.Documents.Published(now).MaxAsync(d => (DateTime?)d.UpdatedAt, ct)),
            ("pages", await db.Pages.Published(now).CountAsync(ct), await db.Pages.Published(now).MaxAsync(p => (DateTime?)p.UpdatedAt, ct)),
            ("products", await db.Products.Published(now).CountAsync(ct), await db.Products.Published(now).MaxAsync(p => (DateTime?)p.UpdatedAt, ct)),
            ("topics", await db.Topics.CountAsync(ct), await db.Articles.Published(now).MaxAsync(a => (DateTime?)a.UpdatedAt, ct)),
            ("tv", await db.TvSegments.Published(now).CountAsync(ct), await db.TvSegments.Published(now).MaxAsync(t => (DateTime?)t.UpdatedAt, ct)),
            ("showrooms", await db.Showrooms.Published(now).CountAsync(ct), await db.Showrooms.Published(now).MaxAsync(s => (DateTime?)s.UpdatedAt, ct)),
            ("fairs", await db.Fairs.Published(now).CountAsync(ct), await db.Fairs.Published(now).MaxAsync(f => (DateTime?)f.UpdatedAt, ct)),
            ("qa", await db.QaItems.Published(now).CountAsync(ct), await db.QaItems.Published(now).MaxAsync(q => (DateTime?)q.UpdatedAt, ct)),
            ("producers", await Producers(db, now).CountAsync(ct), await Producers(db, now).MaxAsync(e => (DateTime?)e.UpdatedAt, ct)),
        };

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

    private static async Task<IResult> SitemapAsync(string type, int page, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (page < 1)
        {
            return Results.NotFound();
        }

        var skip = (page - 1) * UrlsPerSitemap;
        List<Entry>? entries = type switch
        {
            "articles" => await db.Articles.AsNoTracking().Published(now).OrderBy(a => a.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(a => new Entry("/tin-tuc/" + a.Slug, a.UpdatedAt)).ToListAsync(ct),
            "documents" => await db.Documents.AsNoTracking().Published(now).OrderBy(d => d.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(d => new Entry("/van-ban/" + d.Slug, d.UpdatedAt)).ToListAsync(ct),
            "products" => await db.Products.AsNoTracking().Published(now).OrderBy(p => p.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(p => new Entry("/san-pham/" + p.Slug, p.UpdatedAt)).ToListAsync(ct),
            "pages" => await db.Pages.AsNoTracking().Published(now).OrderBy(p => p.Path).Skip(skip).Take(UrlsPerSitemap)
                .Select(p => new Entry("/" + p.Path, p.UpdatedAt)).ToListAsync(ct),
            "tv" => await db.TvSegments.AsNoTracking().Published(now).OrderBy(t => t.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(t => new Entry("/truyen-hinh/" + t.Slug, t.UpdatedAt)).ToListAsync(ct),
            "showrooms" => await db.Showrooms.AsNoTracking().Published(now).OrderBy(s => s.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(s => new Entry("/phong-trung-bay/" + s.Slug, s.UpdatedAt)).ToListAsync(ct),
            "fairs" => await db.Fairs.AsNoTracking().Published(now).OrderBy(f => f.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(f => new Entry("/hoi-cho/" + f.Slug, f.UpdatedAt)).ToListAsync(ct),
            "qa" => await db.QaItems.AsNoTracking().Published(now).OrderBy(q => q.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(q => new Entry("/hoi-dap/" + q.Slug, q.UpdatedAt)).ToListAsync(ct),
            "producers" => await Producers(db, now).AsNoTracking().OrderBy(e => e.Id).Skip(skip).Take(UrlsPerSitemap)
                .Select(e => new Entry(SiteUrls.Establishment(e.Slug), e.UpdatedAt)).ToListAsync(ct),
            "topics" => await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).Skip(skip).Take(UrlsPerSitemap)
                .Select(t => new Entry("/chuyen-muc/" + t.Slug,
                    t.Articles.Where(a => a.Status == ContentStatus.Published && a.PublishAt <= now).Max(a => (DateTime?)a.UpdatedAt) ?? DateTime.UnixEpoch))
                .ToListAsync(ct),
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
