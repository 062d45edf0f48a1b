using System.Security.Cryptography;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>
/// TV segments, showrooms and fairs (content/tv, content/showrooms, content/fairs). Showrooms and fairs name
/// establishments and products by slug, so they are imported after those.
/// </summary>
public sealed partial class ContentImporter
{
    private async Task ImportShowcaseAsync(TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync(await ImportRoutedAsync("tv", db.TvSegments, ApplyTvSegmentAsync, null, ct));
        await output.WriteLineAsync(await ImportRoutedAsync("showrooms", db.Showrooms.Include(s => s.Products), ApplyShowroomAsync, null, ct));
        await output.WriteLineAsync(await ImportRoutedAsync("fairs", db.Fairs.Include(f => f.Participants), ApplyFairAsync, null, ct));
    }

    private async Task ApplyTvSegmentAsync(string relativePath, string text, TvSegment tv, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<TvFile>(relativePath, text);
        var split = body.IndexOf(Transcript.Heading, StringComparison.Ordinal);
        if (split < 0)
        {
            throw new ContentImportException(relativePath, text.Split('\n').Length, $"the transcript is required: add a '{Transcript.Heading}' heading followed by the transcript");
        }

        var transcript = body[(split + Transcript.Heading.Length)..].Trim('\n', ' ');
        if (transcript.Length == 0)
        {
            throw new ContentImportException(relativePath, LineOfText(text, Transcript.Heading), "the transcript after the heading is empty");
        }

        await ApplyCommonAsync(relativePath, text, tv, meta.Title, meta.Slug, meta.Summary, body[..split].Trim('\n'), meta.Status, meta.Sample, db.TvSegments, ct);
        tv.Transcript = transcript;
        tv.EpisodeNumber = meta.Episode is > 0 and < 10_000 ? meta.Episode.Value
            : throw new ContentImportException(relativePath, LineOf(text, "episode"), "'episode' must be a positive number");
        tv.AirDate = FrontMatter.ParseDate(relativePath, "air_date", meta.AirDate);
        tv.Channel = Required(relativePath, text, "channel", meta.Channel);
        tv.DurationSeconds = Transcript.TryParseDuration(meta.Duration, out var seconds) ? seconds
            : throw new ContentImportException(relativePath, LineOf(text, "duration"), $"'duration' must be mm:ss or h:mm:ss, not '{meta.Duration}'");
        tv.TopicId = null;
        if (!string.IsNullOrWhiteSpace(meta.Topic))
        {
            tv.TopicId = topicIds.TryGetValue(meta.Topic.Trim(), out var topicId) ? topicId
                : throw new ContentImportException(relativePath, LineOf(text, "topic"), $"unknown topic '{meta.Topic}' (see topics.yml)");
        }

        await ApplyFeaturedImageAsync(relativePath, text, tv, meta.Image, meta.ImageAlt, required: true, ct);
        tv.ExternalUrl = null;
        if (!string.IsNullOrWhiteSpace(meta.ExternalUrl))
        {
            tv.ExternalUrl = Uri.TryCreate(meta.ExternalUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
                ? url.AbsoluteUri
                : throw new ContentImportException(relativePath, LineOf(text, "external_url"), "'external_url' must be an https:// address");
        }

        tv.VideoFile = string.IsNullOrWhiteSpace(meta.Video) ? null : await ImportVideoAsync(relativePath, text, meta.Video.Trim(), ct);
        tv.PublishAt = RequiredPublishAt(relativePath, text, meta.Date);
        tv.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task ApplyShowroomAsync(string relativePath, string text, Showroom room, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<ShowroomFile>(relativePath, text);
        await ApplyCommonAsync(relativePath, text, room, meta.Title, meta.Slug, meta.Summary, body, meta.Status, meta.Sample, db.Showrooms, ct);
        room.EstablishmentId = await EstablishmentIdAsync(relativePath, text, "establishment", meta.Establishment, ct);
        room.Address = Required(relativePath, text, "address", meta.Address);
        room.PlaceId = await PlaceIdAsync(relativePath, text, meta.Place, ct);
        room.OpeningHours = string.IsNullOrWhiteSpace(meta.OpeningHours) ? null : meta.OpeningHours.Trim();
        room.YearSupported = meta.YearSupported is null or (>= 2000 and <= 2100) ? meta.YearSupported
            : throw new ContentImportException(relativePath, LineOf(text, "year_supported"), "'year_supported' must be a year");
        await ApplyFeaturedImageAsync(relativePath, text, room, meta.Image, meta.ImageAlt, required: true, ct);
        room.Gallery = await GalleryAsync(relativePath, text, meta.Gallery, ct);

        var slugs = meta.Products.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var products = await db.Products.Where(p => slugs.Contains(p.Slug)).ToListAsync(ct);
        var missing = slugs.Except(products.Select(p => p.Slug), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            // A product renamed in its own file keeps its old slug as a redirect: the showroom's list still finds it.
            var renamed = await db.SlugRedirects.Where(r => r.ContentType == nameof(Product) && missing.Contains(r.OldSlug))
                .Select(r => new { r.OldSlug, r.ContentId }).ToListAsync(ct);
            var ids = renamed.Select(r => r.ContentId).ToList();
            products.AddRange((await db.Products.Where(p => ids.Contains(p.Id)).ToListAsync(ct)).Where(p => !products.Contains(p)));
            missing = missing.Except(renamed.Select(r => r.OldSlug), StringComparer.Ordinal).ToList();
        }
        if (missing.Count > 0)
        {
            throw new ContentImportException(relativePath, LineOf(text, "products"), $"unknown product(s): {string.Join(", ", missing)}");
        }

        room.Products.Clear();
        room.Products.AddRange(products);
        room.PublishAt = RequiredPublishAt(relativePath, text, meta.Date);
        room.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task ApplyFairAsync(string relativePath, string text, Fair fair, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<FairFile>(relativePath, text);
        await ApplyCommonAsync(relativePath, text, fair, meta.Title, meta.Slug, meta.Summary, body, meta.Status, meta.Sample, db.Fairs, ct);
        fair.Organiser = Required(relativePath, text, "organiser", meta.Organiser);
        fair.HostProvince = Required(relativePath, text, "host_province", meta.HostProvince);
        fair.Level = meta.Level?.Trim() switch
        {
            "provincial" => FairLevel.Provincial,
            "regional" => FairLevel.Regional,
            "national" => FairLevel.National,
            "international" => FairLevel.International,
            _ => throw new ContentImportException(relativePath, LineOf(text, "level"), "'level' must be provincial, regional, national or international"),
        };
        fair.StartsOn = FrontMatter.ParseDate(relativePath, "starts", meta.Starts)
            ?? throw new ContentImportException(relativePath, LineOf(text, "starts"), "'starts' is required");
        fair.EndsOn = FrontMatter.ParseDate(relativePath, "ends", meta.Ends)
            ?? throw new ContentImportException(relativePath, LineOf(text, "ends"), "'ends' is required");
        if (fair.EndsOn < fair.StartsOn)
        {
            throw new ContentImportException(relativePath, LineOf(text, "ends"), "'ends' is before 'starts'");
        }

        fair.RegistrationDeadline = FrontMatter.ParseDate(relativePath, "registration_deadline", meta.RegistrationDeadline);
        fair.Venue = Required(relativePath, text, "venue", meta.Venue);
        fair.Address = meta.Address?.Trim() ?? "";
        fair.HowToApply = meta.HowToApply?.Trim() ?? "";
        fair.FundingLine = string.IsNullOrWhiteSpace(meta.FundingLine) ? null : meta.FundingLine.Trim();
        fair.ResultsMarkdown = meta.Results?.Trim() ?? "";
        await ApplyFeaturedImageAsync(relativePath, text, fair, meta.Image, meta.ImageAlt, required: true, ct);
        fair.Gallery = await GalleryAsync(relativePath, text, meta.Gallery, ct);

        var wanted = new Dictionary<int, ParticipantFile>();
        foreach (var p in meta.Participants)
        {
            var id = await EstablishmentIdAsync(relativePath, text, "participants", p.Establishment, ct)
                ?? throw new ContentImportException(relativePath, LineOf(text, "participants"), "each participant needs an 'establishment'");
            if (!wanted.TryAdd(id, p))
            {
                throw new ContentImportException(relativePath, LineOf(text, "participants"), $"participant '{p.Establishment}' is listed twice");
            }
        }

        // Update in place so that (fair, establishment) stays unique at every step of the save.
        fair.Participants.RemoveAll(x => !wanted.ContainsKey(x.EstablishmentId));
        foreach (var (id, p) in wanted)
        {
            var row = fair.Participants.FirstOrDefault(x => x.EstablishmentId == id);
            if (row is null)
            {
                row = new FairParticipation { EstablishmentId = id };
                fair.Participants.Add(row);
            }

            row.Booth = string.IsNullOrWhiteSpace(p.Booth) ? null : p.Booth.Trim();
            row.ProgrammeSupported = p.Supported;
        }

        fair.PublishAt = RequiredPublishAt(relativePath, text, meta.Date);
        fair.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task ApplyFeaturedImageAsync(string relativePath, string text, RoutedContent item, string? image, string? alt, bool required, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            if (required)
            {
                throw new ContentImportException(relativePath, LineOf(text, "image"), "'image' is required");
            }

            item.FeaturedImage = null;
            item.FeaturedImageAlt = null;
            return;
        }

        item.FeaturedImageAlt = Required(relativePath, text, "image_alt", alt);
        item.FeaturedImage = await ImportImageAsync(relativePath, image.Trim(), item.FeaturedImageAlt, ct);
    }

    private async Task<List<GalleryImage>> GalleryAsync(string relativePath, string text, List<GalleryFile> gallery, CancellationToken ct)
    {
        var images = new List<GalleryImage>();
        foreach (var g in gallery)
        {
            if (string.IsNullOrWhiteSpace(g.File) || string.IsNullOrWhiteSpace(g.Alt))
            {
                throw new ContentImportException(relativePath, LineOf(text, "gallery"), "each gallery image needs 'file' and 'alt'");
            }

            var stored = await ImportImageAsync(relativePath, g.File.Trim(), g.Alt.Trim(), ct);
            images.Add(new GalleryImage { Media = stored, Alt = g.Alt.Trim(), Caption = string.IsNullOrWhiteSpace(g.Caption) ? null : g.Caption.Trim() });
        }

        return images;
    }

    private async Task<int?> EstablishmentIdAsync(string relativePath, string text, string field, string? slug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return null;
        }

        var value = slug.Trim();
        return await db.Establishments.Where(e => e.Slug == value).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
            ?? throw new ContentImportException(relativePath, LineOf(text, field), $"unknown establishment '{value}' (see establishments.yml)");
    }

    private async Task<int?> PlaceIdAsync(string relativePath, string text, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var value = code.Trim();
        return await db.Places.Where(p => p.Code == value).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new ContentImportException(relativePath, LineOf(text, "place"), $"unknown place '{value}' (see places.yml)");
    }

    /// <summary>
    /// Brings an MP4 from content/files into the media library (checked like an upload, streamed, never read whole)
    /// and returns its storage name; the same bytes are stored once.
    /// </summary>
    private async Task<string> ImportVideoAsync(string relativePath, string text, string videoPath, CancellationToken ct)
    {
        var filesDir = Path.Combine(contentRoot, "files");
        var full = Path.GetFullPath(Path.Combine(filesDir, videoPath.StartsWith("files/", StringComparison.Ordinal) ? videoPath["files/".Length..] : videoPath));
        if (!full.StartsWith(filesDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !full.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || !File.Exists(full))
        {
            throw new ContentImportException(relativePath, LineOf(text, "video"), $"'video' must name an existing .mp4 file inside content/files, not '{videoPath}'");
        }

        string key;
        await using (var stream = File.OpenRead(full))
        {
            key = Relative(full) + "#" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct))[..16];
        }

        var existing = await db.MediaFiles.Where(m => m.Folder == ContentMediaFolder && m.OriginalName == key)
            .Select(m => m.StorageName).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        MediaUpload stored;
        try
        {
            await using var stream = File.OpenRead(full);
            stored = await media.ProcessAsync(stream, Path.GetFileName(full), ct);
        }
        catch (MediaRejectedException ex)
        {
            throw new ContentImportException(relativePath, LineOf(text, "video"), $"{videoPath}: {ex.Message}", ex);
        }

        if (stored.Kind != MediaKind.Video)
        {
            media.Delete(stored.StorageName);
            throw new ContentImportException(relativePath, LineOf(text, "video"), $"{videoPath}: not an MP4 video");
        }

        db.MediaFiles.Add(new MediaFile
        {
            StorageName = stored.StorageName, Kind = stored.Kind, ContentType = stored.ContentType, Size = stored.Size,
            OriginalName = key, Folder = ContentMediaFolder, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = Actor,
        });
        return stored.StorageName;
    }

    private static int LineOfText(string text, string prefix)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(prefix, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }
}
