using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Endpoints;

/// <summary>Downloads of policy documents' attached files, from the data folder, for published documents only.</summary>
public static class DocumentFiles
{
    public static void MapDocumentFiles(this IEndpointRouteBuilder app) =>
        app.MapGet("/van-ban/{slug}/tai-ve", async (string slug, AppDbContext db, IOptions<DataOptions> data, TimeProvider clock, CancellationToken ct) =>
        {
            var doc = await db.Documents.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime)
                .Where(d => d.Slug == slug && d.FileName != null)
                .Select(d => new { d.FileName, d.FileContentType })
                .FirstOrDefaultAsync(ct);
            // "media:{name}.pdf" points into the media library; other names are imported files.
            var path = doc is null ? null
                : doc.FileName!.StartsWith("media:", StringComparison.Ordinal) ? Path.Combine(data.Value.MediaFolder, doc.FileName[6..])
                : Path.Combine(data.Value.FilesFolder, "documents", doc.FileName!);
            if (path is null || !File.Exists(path))
            {
                return Results.NotFound();
            }

            return Results.File(path, doc!.FileContentType ?? "application/octet-stream", slug + Path.GetExtension(path), enableRangeProcessing: true);
        });
}
