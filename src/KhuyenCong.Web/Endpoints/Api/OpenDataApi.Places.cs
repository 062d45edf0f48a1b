using System.ComponentModel;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints.Api;

// /api/v1/places: the administrative units with their history (mapped in MapShowcase).

public static partial class OpenDataApi
{
    private static async Task<IResult> PlacesAsync(
        HttpContext http, AppDbContext db, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "level"), Description("Cấp: province, district, commune.")] string? level,
        [FromQuery(Name = "valid"), Description("true: còn tồn tại hôm nay; false: đã sáp nhập hoặc giải thể.")] string? valid,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("places", out var size, out var afterId, out var problem)
            || !TryText(level, "level", 20, out var levelCode, out problem)
            || !TryBool(valid, "valid", out var isValid, out problem))
        {
            return problem!;
        }

        PlaceLevel? l = null;
        if (levelCode is not null)
        {
            l = levelCode switch { "province" => PlaceLevel.Province, "district" => PlaceLevel.District, "commune" => PlaceLevel.Commune, _ => null };
            if (l is null)
            {
                return ApiConventions.BadParameter("level", "Cấp là một trong: province, district, commune.");
            }
        }

        var places = await PlaceHistory.LoadAsync(db, ct);
        var today = FairSchedule.Today(clock.GetUtcNow().UtcDateTime);
        var rows = places.All.Where(p => (l is null || p.Level == l) && (isValid is null || p.IsValidOn(today) == isValid) && (afterId is null || p.Id > afterId))
            .OrderBy(p => p.Id).Take(size + 1).ToList();
        return ApiConventions.Ok(Page(http, urls, rows, size, p => ApiConventions.Cursor("places", p.Id), p => PlaceOf(p, places, today)), null);
    }

    private static async Task<IResult> PlaceAsync([Description("Mã của đơn vị, như trong trường code của danh sách.")] string code, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var places = await PlaceHistory.LoadAsync(db, ct);
        return places.ByCode.TryGetValue(code, out var p)
            ? ApiConventions.Ok(PlaceOf(p, places, FairSchedule.Today(clock.GetUtcNow().UtcDateTime)), null)
            : ApiConventions.NotFound("Không có đơn vị hành chính với mã này.");
    }

    private static ApiPlace PlaceOf(Place p, PlaceHistory places, DateTime today)
    {
        var shown = places.Show(p, today);
        return new ApiPlace(
            p.Code, p.Name, p.Level switch { PlaceLevel.Province => "province", PlaceLevel.District => "district", _ => "commune" },
            places.Find(p.ParentId)?.Code, ApiConventions.Day(p.ValidFrom), ApiConventions.Day(p.ValidTo), p.IsValidOn(today),
            places.Find(p.SuccessorId)?.Code, places.Current(p, today).Code, shown.AsRecorded, shown.NowPartOf);
    }
}
