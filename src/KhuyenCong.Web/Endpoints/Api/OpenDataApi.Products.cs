using System.ComponentModel;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages;
using KhuyenCong.Web.Pages.Products;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints.Api;

// /api/v1/products and /api/v1/establishments: the OCOP products and their producers (mapped in MapShowcase).

public static partial class OpenDataApi
{
    private static async Task<IResult> ProductsAsync(
        HttpContext http, AppDbContext db, ProductCatalog catalog, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "group"), Description("Nhóm: thu-cong-my-nghe, che-bien-thuc-pham, co-khi, khac.")] string? group,
        [FromQuery(Name = "level"), Description("Cấp chứng nhận: quoc-gia, khu-vuc, tinh.")] string? level,
        [FromQuery(Name = "year"), Description("Đợt bình chọn (năm, 2000–2100).")] string? year,
        [FromQuery(Name = "place"), Description("Mã địa bàn cấp tỉnh hoặc huyện (xem /api/v1/places); gồm cả các đơn vị cũ nay thuộc địa bàn đó.")] string? place,
        [FromQuery(Name = "kind"), Description("Loại hình cơ sở: doanh-nghiep, hop-tac-xa, to-hop-tac, ho-kinh-doanh, khac.")] string? kind,
        [FromQuery(Name = "q"), Description("Từ khóa trong tên sản phẩm, không cần dấu.")] string? q,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("products", out var size, out var afterId, out var problem))
        {
            return problem!;
        }

        var places = await PlaceHistory.LoadAsync(db, ct);
        var selection = ProductSelection.TryCreate(places, new ProductSelection.Filters(Trim(group), Trim(level), Trim(year), Trim(place), Trim(kind), Trim(q), null), out var refused);
        if (selection is null)
        {
            var (name, detail) = refused switch
            {
                ProductSelection.Field.Group => ("group", "Nhóm là một trong: " + string.Join(", ", ProductFilters.Groups.Select(g => g.Code)) + "."),
                ProductSelection.Field.Level => ("level", "Cấp là một trong: " + string.Join(", ", ProductFilters.Levels.Select(g => g.Code)) + "."),
                ProductSelection.Field.Kind => ("kind", "Loại hình là một trong: " + string.Join(", ", ProductFilters.Kinds.Select(g => g.Code)) + "."),
                ProductSelection.Field.Year => ("year", "Đợt bình chọn là một năm từ 2000 đến 2100."),
                ProductSelection.Field.Place => ("place", "Không có địa bàn cấp tỉnh hoặc huyện với mã này; xem /api/v1/places."),
                _ => ("q", $"Từ khóa tối đa {SearchQuery.MaxQueryLength} ký tự."),
            };
            return ApiConventions.BadParameter(name, detail);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var orders = await catalog.ItemsAsync(db, ct);
        var visible = orders.Newest.Where(p => p.IsVisibleAt(now)).ToList();
        selection.Count(visible);
        var ids = visible.Where(p => (afterId is null || p.Id > afterId) && selection.Matches(p)).Select(p => p.Id).Order().Take(size + 1).ToList();
        var items = await ProductItemsAsync(db, urls, places, now, ids.Take(size).ToList(), ct);
        static IReadOnlyList<ApiFacetValue> Facet(IEnumerable<ProductSelection.FacetOption> options) =>
            options.Select(o => new ApiFacetValue(o.Code, o.Label, o.Count, o.Selected)).ToList();
        var page = new ApiProductPage(items, ids.Count > size ? ApiConventions.NextLink(http, urls, ApiConventions.Cursor("products", ids[size - 1])) : null,
            size, selection.Total,
            new ApiProductFacets(Facet(selection.GroupOptions), Facet(selection.LevelOptions), Facet(selection.YearOptions), Facet(selection.PlaceOptions), Facet(selection.KindOptions)));
        return ApiConventions.Ok(page, Latest(items.Select(i => i.UpdatedAt.UtcDateTime)));
    }

    private static async Task<IResult> ProductAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = await db.Products.AsNoTracking().Published(now).Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return ApiConventions.NotFound("Không có sản phẩm đang công bố với đường dẫn này.");
        }

        var item = (await ProductItemsAsync(db, urls, await PlaceHistory.LoadAsync(db, ct), now, [id.Value], ct))[0];
        return ApiConventions.Ok(item, item.UpdatedAt.UtcDateTime);
    }

    /// <summary>The products with these ids (already known to be live), in the same order.</summary>
    private static async Task<List<ApiProduct>> ProductItemsAsync(AppDbContext db, SiteUrls urls, PlaceHistory places, DateTime now, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Include(p => p.Establishment).Include(p => p.Certifications).AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
        var images = await Showcase.ImagesAsync(db, products.Values.SelectMany(p => p.Gallery.Select(g => g.Media).Prepend(p.FeaturedImage)), ct);
        var today = FairSchedule.Today(now);
        return ids.Where(products.ContainsKey).Select(id => products[id]).Select(p => new ApiProduct(
            p.Id, p.Slug, p.Title, p.Summary, urls.Absolute(SiteUrls.Product(p.Slug)), ProductFilters.GroupCode(p.Group), Product.GroupLabel(p.Group), p.IsSet,
            p.Establishment is null ? null : new ApiRef(p.Establishment.Slug, p.Establishment.Name, urls.Absolute(SiteUrls.Establishment(p.Establishment.Slug))),
            PlaceRef(places, p.PlaceId, today),
            p.Certifications.OrderBy(c => c.RoundYear).ThenBy(c => c.Level)
                .Select(c => new ApiCertification(ProductFilters.LevelCode(c.Level), Product.LevelLabel(c.Level), c.RoundYear, c.DecisionNumber, ApiConventions.Day(c.DecisionDate), c.Issuer)).ToList(),
            p.OcopStars, p.OcopYear, ApiConventions.Local(p.PublishAt!.Value), ApiConventions.Local(p.UpdatedAt), p.IsSample,
            Image(urls, images, p.FeaturedImage, p.FeaturedImageAlt), Gallery(urls, images, p.Gallery))).ToList();
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // ---- Establishments ----

    private static async Task<IResult> EstablishmentsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "kind"), Description("Loại hình: doanh-nghiep, hop-tac-xa, to-hop-tac, ho-kinh-doanh, khac.")] string? kind,
        [FromQuery(Name = "place"), Description("Mã địa bàn cấp tỉnh hoặc huyện; gồm cả các đơn vị cũ nay thuộc địa bàn đó.")] string? place,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("establishments", out var size, out var afterId, out var problem)
            || !TryText(kind, "kind", 40, out var kindCode, out problem)
            || !TryText(place, "place", 100, out var placeCode, out problem))
        {
            return problem!;
        }

        EstablishmentKind? k = null;
        if (kindCode is not null)
        {
            k = ProductFilters.Kinds.Where(x => x.Code == kindCode).Select(x => (EstablishmentKind?)x.Value).FirstOrDefault();
            if (k is null)
            {
                return ApiConventions.BadParameter("kind", "Loại hình là một trong: " + string.Join(", ", ProductFilters.Kinds.Select(g => g.Code)) + ".");
            }
        }

        var places = await PlaceHistory.LoadAsync(db, ct);
        List<int>? placeIds = null;
        if (placeCode is not null)
        {
            if (!places.ByCode.TryGetValue(placeCode, out var chosen) || chosen.Level == PlaceLevel.Commune)
            {
                return ApiConventions.BadParameter("place", "Không có địa bàn cấp tỉnh hoặc huyện với mã này; xem /api/v1/places.");
            }

            placeIds = [.. places.Covered(chosen)];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = Seo.Producers(db, now).AsNoTracking();
        if (k is { } kk)
        {
            query = query.Where(e => e.Kind == kk);
        }

        if (placeIds is not null)
        {
            query = query.Where(e => e.PlaceId != null && placeIds.Contains(e.PlaceId.Value));
        }

        if (afterId is { } after)
        {
            query = query.Where(e => e.Id > after);
        }

        var rows = await query.OrderBy(e => e.Id).Take(size + 1).ToListAsync(ct);
        var shown = rows.Take(size).ToList();
        var products = await ProducerProductsAsync(db, now, shown.Select(e => e.Id).ToList(), ct);
        var page = Page(http, urls, rows, size, e => ApiConventions.Cursor("establishments", e.Id), e => EstablishmentOf(e, urls, places, now, products));
        return ApiConventions.Ok(page, Latest(shown.Select(e => e.UpdatedAt)));
    }

    private static async Task<IResult> EstablishmentAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var e = await Seo.Producers(db, now).AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (e is null)
        {
            return ApiConventions.NotFound("Không có cơ sở với đường dẫn này.");
        }

        var products = await ProducerProductsAsync(db, now, [e.Id], ct);
        return ApiConventions.Ok(EstablishmentOf(e, urls, await PlaceHistory.LoadAsync(db, ct), now, products), e.UpdatedAt);
    }

    private static async Task<ILookup<int, ApiRef>> ProducerProductsAsync(AppDbContext db, DateTime now, List<int> ids, CancellationToken ct) =>
        (await db.Products.AsNoTracking().Published(now).Where(p => p.EstablishmentId != null && ids.Contains(p.EstablishmentId.Value))
            .OrderBy(p => p.Id).Select(p => new { EstablishmentId = p.EstablishmentId!.Value, p.Slug, p.Title }).ToListAsync(ct))
        .ToLookup(p => p.EstablishmentId, p => new ApiRef(p.Slug, p.Title, SiteUrls.Product(p.Slug)));

    private static ApiEstablishment EstablishmentOf(Establishment e, SiteUrls urls, PlaceHistory places, DateTime now, ILookup<int, ApiRef> products)
    {
        // Contact details only with the establishment's consent, as on its public page.
        var c = e.ConsentedToPublish;
        var website = c && !string.IsNullOrEmpty(e.Website) && Uri.TryCreate(e.Website, UriKind.Absolute, out var site) && (site.Scheme == "https" || site.Scheme == "http")
            ? e.Website : null;
        return new ApiEstablishment(
            e.Id, e.Slug, e.Name, urls.Absolute(SiteUrls.Establishment(e.Slug)), ProductFilters.KindCode(e.Kind), EstablishmentKinds.Label(e.Kind),
            PlaceRef(places, e.PlaceId, FairSchedule.Today(now)), e.Description, c,
            c && !string.IsNullOrEmpty(e.Address) ? e.Address : null, c ? NullIfEmpty(e.Representative) : null, c ? NullIfEmpty(e.Phone) : null,
            c ? NullIfEmpty(e.Email) : null, website,
            products[e.Id].Select(p => p with { Url = urls.Absolute(p.Url) }).ToList(), e.IsSample, ApiConventions.Local(e.UpdatedAt));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
