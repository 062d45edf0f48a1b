using System.ComponentModel;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages;
using KhuyenCong.Web.Pages.Products;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints.Api;

public static partial class OpenDataApi
{
    /// <summary>The fair statuses as API codes (the status is never stored: it follows from the dates).</summary>
    public static readonly IReadOnlyList<(FairPhase Phase, string Code)> FairStatuses =
    [
        (FairPhase.Upcoming, "sap-dien-ra"), (FairPhase.RegistrationOpen, "dang-nhan-dang-ky"),
        (FairPhase.Ongoing, "dang-dien-ra"), (FairPhase.Past, "da-ket-thuc"),
    ];

    private static readonly IReadOnlyList<(FairLevel Level, string Code)> FairLevels =
    [
        (FairLevel.Provincial, "tinh"), (FairLevel.Regional, "khu-vuc"), (FairLevel.National, "quoc-gia"), (FairLevel.International, "quoc-te"),
    ];

    private static void MapShowcase(RouteGroupBuilder api)
    {
        const string notFound = ApiConventions.ProblemContentType;
        api.MapGet("/products", ProductsAsync).WithName("ListProducts").WithTags("Sản phẩm")
            .WithSummary("Danh sách sản phẩm tiêu biểu")
            .WithDescription("Sản phẩm công nghiệp nông thôn tiêu biểu đang công bố, theo thứ tự mã số, với mọi bộ lọc của /san-pham và cùng số đếm: nhóm, cấp, đợt bình chọn, địa bàn (kể cả huyện cũ), loại hình cơ sở, từ khóa.")
            .Produces<ApiProductPage>();
        api.MapGet("/products/{slug}", ProductAsync).WithName("GetProduct").WithTags("Sản phẩm")
            .WithSummary("Một sản phẩm").Produces<ApiProduct>().Produces<ApiProblem>(StatusCodes.Status404NotFound, notFound);
        api.MapGet("/establishments", EstablishmentsAsync).WithName("ListEstablishments").WithTags("Cơ sở sản xuất")
            .WithSummary("Danh sách cơ sở sản xuất")
            .WithDescription("Cơ sở có sản phẩm hoặc phòng trưng bày đang công bố (như /co-so), theo thứ tự mã số; lọc theo loại hình và địa bàn. Địa chỉ, người đại diện, điện thoại, thư điện tử chỉ có khi cơ sở đồng ý công khai.")
            .Produces<ApiPage<ApiEstablishment>>();
        api.MapGet("/establishments/{slug}", EstablishmentAsync).WithName("GetEstablishment").WithTags("Cơ sở sản xuất")
            .WithSummary("Một cơ sở sản xuất").Produces<ApiEstablishment>().Produces<ApiProblem>(StatusCodes.Status404NotFound, notFound);
        api.MapGet("/showrooms", ShowroomsAsync).WithName("ListShowrooms").WithTags("Phòng trưng bày")
            .WithSummary("Danh sách phòng trưng bày").WithDescription("Phòng trưng bày đang công bố, theo thứ tự mã số; lọc theo địa bàn (kể cả đơn vị cũ).")
            .Produces<ApiPage<ApiShowroom>>();
        api.MapGet("/showrooms/{slug}", ShowroomAsync).WithName("GetShowroom").WithTags("Phòng trưng bày")
            .WithSummary("Một phòng trưng bày").Produces<ApiShowroom>().Produces<ApiProblem>(StatusCodes.Status404NotFound, notFound);
        api.MapGet("/tv-segments", TvSegmentsAsync).WithName("ListTvSegments").WithTags("Truyền hình")
            .WithSummary("Danh sách chương trình truyền hình").WithDescription("Các kỳ phát sóng đang công bố, theo thứ tự mã số, với toàn văn lời thoại và phụ đề WebVTT.")
            .Produces<ApiPage<ApiTvSegment>>();
        api.MapGet("/tv-segments/{slug}", TvSegmentAsync).WithName("GetTvSegment").WithTags("Truyền hình")
            .WithSummary("Một chương trình truyền hình").Produces<ApiTvSegment>().Produces<ApiProblem>(StatusCodes.Status404NotFound, notFound);
        api.MapGet("/fairs", FairsAsync).WithName("ListFairs").WithTags("Hội chợ")
            .WithSummary("Danh sách hội chợ triển lãm").WithDescription("Hội chợ đang công bố, theo thứ tự mã số; lọc theo trạng thái (tính theo ngày hôm nay ở Việt Nam) và năm khai mạc. Mỗi hội chợ có lịch .ics và danh sách cơ sở tham gia.")
            .Produces<ApiPage<ApiFair>>();
        api.MapGet("/fairs/{slug}", FairAsync).WithName("GetFair").WithTags("Hội chợ")
            .WithSummary("Một hội chợ").Produces<ApiFair>().Produces<ApiProblem>(StatusCodes.Status404NotFound, notFound);
        api.MapGet("/places", PlacesAsync).WithName("ListPlaces").WithTags("Địa bàn")
            .WithSummary("Danh sách đơn vị hành chính").WithDescription("Tỉnh, huyện, xã với thời gian tồn tại và đơn vị kế thừa (sáp nhập năm 2025); lọc theo cấp và còn tồn tại hay không.")
            .Produces<ApiPage<ApiPlace>>();
        api.MapGet("/places/{code}", PlaceAsync).WithName("GetPlace").WithTags("Địa bàn")
            .WithSummary("Một đơn vị hành chính").Produces<ApiPlace>().Produces<ApiProblem>(StatusCodes.Status404NotFound, notFound);
    }

    // ---- Showrooms ----

    private static async Task<IResult> ShowroomsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "place"), Description("Mã địa bàn; gồm cả các đơn vị cũ nay thuộc địa bàn đó.")] string? place,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("showrooms", out var size, out var afterId, out var problem)
            || !TryText(place, "place", 100, out var placeCode, out problem))
        {
            return problem!;
        }

        var places = await PlaceHistory.LoadAsync(db, ct);
        List<int>? placeIds = null;
        if (placeCode is not null)
        {
            if (!places.ByCode.TryGetValue(placeCode, out var chosen))
            {
                return ApiConventions.BadParameter("place", "Không có địa bàn với mã này; xem /api/v1/places.");
            }

            placeIds = [.. places.Covered(chosen)];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Showrooms.AsNoTracking().Published(now);
        if (placeIds is not null)
        {
            query = query.Where(s => s.PlaceId != null && placeIds.Contains(s.PlaceId.Value));
        }

        if (afterId is { } after)
        {
            query = query.Where(s => s.Id > after);
        }

        var rows = await query.OrderBy(s => s.Id).Take(size + 1).Include(s => s.Establishment).ToListAsync(ct);
        var images = await Showcase.ImagesAsync(db, rows.SelectMany(s => s.Gallery.Select(g => g.Media).Prepend(s.FeaturedImage)), ct);
        var page = Page(http, urls, rows, size, s => ApiConventions.Cursor("showrooms", s.Id), s => ShowroomOf(s, urls, places, images, now));
        return ApiConventions.Ok(page, Latest(rows.Take(size).Select(s => s.UpdatedAt)));
    }

    private static async Task<IResult> ShowroomAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var s = await db.Showrooms.AsNoTracking().Published(now).Include(x => x.Establishment).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (s is null)
        {
            return ApiConventions.NotFound("Không có phòng trưng bày đang công bố với đường dẫn này.");
        }

        var images = await Showcase.ImagesAsync(db, s.Gallery.Select(g => g.Media).Prepend(s.FeaturedImage), ct);
        return ApiConventions.Ok(ShowroomOf(s, urls, await PlaceHistory.LoadAsync(db, ct), images, now), s.UpdatedAt);
    }

    private static ApiShowroom ShowroomOf(Showroom s, SiteUrls urls, PlaceHistory places, IReadOnlyDictionary<string, MediaFile> images, DateTime now) => new(
        s.Id, s.Slug, s.Title, s.Summary, urls.Absolute(SiteUrls.Showroom(s.Slug)), s.Address, PlaceRef(places, s.PlaceId, FairSchedule.Today(now)),
        s.Establishment is null ? null : new ApiRef(s.Establishment.Slug, s.Establishment.Name, urls.Absolute(SiteUrls.Establishment(s.Establishment.Slug))),
        NullIfEmpty(s.OpeningHours), s.YearSupported, ApiConventions.Local(s.PublishAt!.Value), ApiConventions.Local(s.UpdatedAt), s.IsSample,
        Image(urls, images, s.FeaturedImage, s.FeaturedImageAlt), Gallery(urls, images, s.Gallery));

    // ---- TV segments ----

    private static async Task<IResult> TvSegmentsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls, TimeProvider clock,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("tv-segments", out var size, out var afterId, out var problem))
        {
            return problem!;
        }

        var rows = await db.TvSegments.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime).Where(t => afterId == null || t.Id > afterId)
            .OrderBy(t => t.Id).Take(size + 1).Include(t => t.Topic).ToListAsync(ct);
        var images = await Showcase.ImagesAsync(db, rows.Select(t => t.FeaturedImage), ct);
        var page = Page(http, urls, rows, size, t => ApiConventions.Cursor("tv-segments", t.Id), t => TvSegmentOf(t, urls, images));
        return ApiConventions.Ok(page, Latest(rows.Take(size).Select(t => t.UpdatedAt)));
    }

    private static async Task<IResult> TvSegmentAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var t = await db.TvSegments.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime).Include(x => x.Topic).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (t is null)
        {
            return ApiConventions.NotFound("Không có chương trình truyền hình đang công bố với đường dẫn này.");
        }

        return ApiConventions.Ok(TvSegmentOf(t, urls, await Showcase.ImagesAsync(db, [t.FeaturedImage], ct)), t.UpdatedAt);
    }

    private static ApiTvSegment TvSegmentOf(TvSegment t, SiteUrls urls, IReadOnlyDictionary<string, MediaFile> images) => new(
        t.Id, t.Slug, t.Title, t.Summary, urls.Absolute(SiteUrls.TvSegment(t.Slug)), t.EpisodeNumber, ApiConventions.Day(t.AirDate), t.Channel,
        t.DurationSeconds, t.Topic is null ? null : new ApiRef(t.Topic.Slug, t.Topic.Name, urls.Absolute(SiteUrls.Topic(t.Topic.Slug))),
        t.VideoFile is null ? null : urls.Absolute($"/media/{t.VideoFile}.mp4"), NullIfEmpty(t.ExternalUrl),
        urls.Absolute(SiteUrls.TvSegment(t.Slug) + ".vtt"), t.Transcript,
        ApiConventions.Local(t.PublishAt!.Value), ApiConventions.Local(t.UpdatedAt), t.IsSample, Image(urls, images, t.FeaturedImage, t.FeaturedImageAlt));

    // ---- Fairs ----

    private static async Task<IResult> FairsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "status"), Description("Trạng thái: sap-dien-ra, dang-nhan-dang-ky, dang-dien-ra, da-ket-thuc.")] string? status,
        [FromQuery(Name = "year"), Description("Năm khai mạc (2000–2100).")] string? year,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("fairs", out var size, out var afterId, out var problem)
            || !TryText(status, "status", 40, out var statusCode, out problem)
            || !TryInt(year, "year", 2000, 2100, out var y, out problem))
        {
            return problem!;
        }

        FairPhase? phase = null;
        if (statusCode is not null)
        {
            phase = FairStatuses.Where(s => s.Code == statusCode).Select(s => (FairPhase?)s.Phase).FirstOrDefault();
            if (phase is null)
            {
                return ApiConventions.BadParameter("status", "Trạng thái là một trong: " + string.Join(", ", FairStatuses.Select(s => s.Code)) + ".");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Fairs.AsNoTracking().Published(now);
        if (y is { } yy)
        {
            DateTime start = new(yy, 1, 1), end = new(yy + 1, 1, 1);
            query = query.Where(f => f.StartsOn >= start && f.StartsOn < end);
        }

        if (afterId is { } after)
        {
            query = query.Where(f => f.Id > after);
        }

        // The status follows from today's date, so it is filtered here; fairs are a few per year.
        var all = (await query.OrderBy(f => f.Id).ToListAsync(ct))
            .Where(f => phase is null || FairSchedule.PhaseOf(f, now) == phase).Take(size + 1).ToList();
        var participants = await ParticipantsAsync(db, urls, now, all.Take(size).Select(f => f.Id).ToList(), ct);
        var images = await Showcase.ImagesAsync(db, all.SelectMany(f => f.Gallery.Select(g => g.Media).Prepend(f.FeaturedImage)), ct);
        var page = Page(http, urls, all, size, f => ApiConventions.Cursor("fairs", f.Id), f => FairOf(f, urls, images, participants, now));
        return ApiConventions.Ok(page, Latest(all.Take(size).Select(f => f.UpdatedAt)));
    }

    private static async Task<IResult> FairAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var f = await db.Fairs.AsNoTracking().Published(now).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (f is null)
        {
            return ApiConventions.NotFound("Không có hội chợ đang công bố với đường dẫn này.");
        }

        var participants = await ParticipantsAsync(db, urls, now, [f.Id], ct);
        var images = await Showcase.ImagesAsync(db, f.Gallery.Select(g => g.Media).Prepend(f.FeaturedImage), ct);
        return ApiConventions.Ok(FairOf(f, urls, images, participants, now), f.UpdatedAt);
    }

    /// <summary>The participants of the fairs, as the fair page lists them; a link only to producers that have a page.</summary>
    private static async Task<ILookup<int, ApiFairParticipant>> ParticipantsAsync(AppDbContext db, SiteUrls urls, DateTime now, List<int> fairIds, CancellationToken ct)
    {
        var producers = Seo.Producers(db, now).Select(e => e.Id);
        var rows = await db.FairParticipations.AsNoTracking().Where(p => fairIds.Contains(p.FairId))
            .Select(p => new { p.FairId, p.Establishment!.Name, p.Establishment.Slug, p.Booth, p.ProgrammeSupported, HasPage = producers.Contains(p.EstablishmentId) })
            .ToListAsync(ct);
        var vi = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);
        return rows.OrderBy(r => r.Name, vi).ToLookup(r => r.FairId,
            r => new ApiFairParticipant(r.Name, r.HasPage ? urls.Absolute(SiteUrls.Establishment(r.Slug)) : null, NullIfEmpty(r.Booth), r.ProgrammeSupported));
    }

    private static ApiFair FairOf(Fair f, SiteUrls urls, IReadOnlyDictionary<string, MediaFile> images, ILookup<int, ApiFairParticipant> participants, DateTime now)
    {
        var phase = FairSchedule.PhaseOf(f, now);
        return new ApiFair(
            f.Id, f.Slug, f.Title, f.Summary, urls.Absolute(SiteUrls.Fair(f.Slug)), FairStatuses.First(s => s.Phase == phase).Code, FairSchedule.Label(phase),
            FairLevels.First(l => l.Level == f.Level).Code, FairSchedule.LevelLabel(f.Level), DateOnly.FromDateTime(f.StartsOn), DateOnly.FromDateTime(f.EndsOn),
            ApiConventions.Day(f.RegistrationDeadline), f.Venue, f.Address, f.HostProvince, f.Organiser, NullIfEmpty(f.FundingLine),
            urls.Absolute(SiteUrls.Fair(f.Slug) + ".ics"), participants[f.Id].ToList(),
            ApiConventions.Local(f.PublishAt!.Value), ApiConventions.Local(f.UpdatedAt), f.IsSample,
            Image(urls, images, f.FeaturedImage, f.FeaturedImageAlt), Gallery(urls, images, f.Gallery));
    }
}
