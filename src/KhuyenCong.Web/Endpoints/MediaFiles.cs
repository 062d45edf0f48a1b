using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.StaticFiles;

namespace KhuyenCong.Web.Endpoints;

/// <summary>
/// Uploaded media from the data folder, by server-made name only (never a user-supplied path), cached for a
/// year (names never change) and nosniff (global header). PDFs download rather than render in the site's origin.
/// </summary>
public static class MediaFiles
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static void MapMediaFiles(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{file}", (string file, MediaProcessor media, HttpContext ctx) =>
        {
            var path = media.PathOf(file);
            if (path is null || !Types.TryGetContentType(path, out var type))
            {
                return Results.NotFound();
            }

            ctx.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return type == "application/pdf"
                ? Results.File(path, type, file, enableRangeProcessing: true)
                : Results.File(path, type, enableRangeProcessing: true);
        });
}
