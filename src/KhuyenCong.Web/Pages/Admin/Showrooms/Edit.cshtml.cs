using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin.Establishments;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Showrooms;

/// <summary>Create/edit a showroom: establishment, address and place, hours, year supported, photos, products shown.</summary>
public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : ContentEditModel<Showroom, EditModel.ShowroomExtra>(db, publisher, markdown, clock)
{
    public sealed class ShowroomInput
    {
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Địa chỉ")] public string? Address { get; set; }
        [Display(Name = "Địa bàn")] public int? PlaceId { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")][Display(Name = "Giờ mở cửa")] public string? OpeningHours { get; set; }
        [Display(Name = "Năm được hỗ trợ")] public string? YearSupported { get; set; }
        [StringLength(64, ErrorMessage = "Mã ảnh không hợp lệ.")][Display(Name = "Ảnh đại diện")] public string? FeaturedImage { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Mô tả ảnh đại diện")] public string? FeaturedImageAlt { get; set; }
        public List<GalleryRow> Gallery { get; set; } = [];
        [StringLength(20_000, ErrorMessage = "Quá dài.")][Display(Name = "Sản phẩm trưng bày (mỗi dòng một đường dẫn sản phẩm, ví dụ keo-dua-sua)")] public string? Products { get; set; }
    }

    /// <summary>The operator (found or new), the year as read, the gallery's images and the products named.</summary>
    public sealed record ShowroomExtra(Establishment? Operator, int? Year, List<GalleryImage> Gallery, List<Product> Products);

    [BindProperty] public ShowroomInput Extra { get; set; } = new();

    /// <summary>The form's image fields, filled with the media picker.</summary>
    protected override IReadOnlyList<ImageTarget> ImageTargets =>
    [
        new("anh-dai-dien", "Ảnh đại diện", "Extra.FeaturedImage", Extra.FeaturedImage, m =>
        {
            Extra.FeaturedImage = m.StorageName;
            Extra.FeaturedImageAlt = m.AltText;
        }),
        new("bo-anh", "Bộ ảnh", null, null, m => MediaPicker.AddToGallery(Extra.Gallery, m)),
    ];
    /// <summary>The establishment that runs the showroom: an existing one, or a new one created on save.</summary>
    [BindProperty(Name = nameof(Operator))] public EstablishmentPick Operator { get; set; } = new();
    public EstablishmentPickerView OperatorPicker { get; private set; } = null!;
    public IReadOnlyList<Place> Places { get; private set; } = [];

    protected override IQueryable<Showroom> Items => Db.Showrooms.Include(s => s.Products);
    protected override Showroom Create() => new() { Title = "", Slug = "" };

    protected override async Task LoadExtraAsync(Showroom? item, CancellationToken ct)
    {
        Places = await Db.Places.AsNoTracking().OrderBy(p => p.Level).ThenBy(p => p.Name).ToListAsync(ct);
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            Extra = new ShowroomInput
            {
                Address = item.Address, PlaceId = item.PlaceId, OpeningHours = item.OpeningHours,
                YearSupported = item.YearSupported?.ToString(CultureInfo.InvariantCulture),
                FeaturedImage = item.FeaturedImage, FeaturedImageAlt = item.FeaturedImageAlt,
                Gallery = GalleryRows.From(item.Gallery), Products = string.Join("\n", item.Products.Select(p => p.Slug).Order(StringComparer.Ordinal)),
            };
            Operator = EstablishmentPick.Of(item.EstablishmentId);
        }

        OperatorPicker = await EstablishmentPicker.ViewAsync(Db, nameof(Operator), Operator, "Cơ sở quản lý phòng trưng bày", required: false, ct);
        GalleryRows.Pad(Extra.Gallery, 3);
    }

    protected override async Task<ShowroomExtra> ParseExtraAsync(CancellationToken ct)
    {
        Establishment? establishment = null;
        if (Operator.Id is { } id && !OperatorPicker.Choices.Any(e => e.Id == id))
        {
            ModelState.AddModelError("Operator.Id", "Cơ sở không tồn tại.");
        }
        else
        {
            establishment = await EstablishmentPicker.ResolveAsync(Db, Operator, nameof(Operator), ModelState,
                Clock.GetUtcNow().UtcDateTime, User.Identity?.Name, required: false, ct);
        }

        if (string.IsNullOrWhiteSpace(Extra.Address))
        {
            ModelState.AddModelError("Extra.Address", "Nhập địa chỉ phòng trưng bày.");
        }

        if (Extra.PlaceId is { } placeId && !Places.Any(p => p.Id == placeId))
        {
            ModelState.AddModelError("Extra.PlaceId", "Địa bàn không tồn tại.");
        }

        int? year = null;
        if (!string.IsNullOrWhiteSpace(Extra.YearSupported))
        {
            if (int.TryParse(Extra.YearSupported, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                year = y;
            }
            else
            {
                ModelState.AddModelError("Extra.YearSupported", "Nhập năm gồm 4 chữ số, ví dụ 2023.");
            }
        }

        await ShowcaseForms.CheckImageAsync(Db, ModelState, Extra.FeaturedImage, Extra.FeaturedImageAlt, "Extra.FeaturedImage", "Extra.FeaturedImageAlt", ct);
        var gallery = await GalleryRows.ReadAsync(Db, Extra.Gallery, ModelState, "Extra.Gallery", ct);
        var slugs = (Extra.Products ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Take(500).ToList();
        var products = await Db.Products.Where(p => slugs.Contains(p.Slug)).ToListAsync(ct);
        var missing = slugs.Except(products.Select(p => p.Slug), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            ModelState.AddModelError("Extra.Products", $"Không tìm thấy sản phẩm: {string.Join(", ", missing.Take(10))}.");
        }

        return new ShowroomExtra(establishment, year, gallery, products);
    }

    protected override void ApplyExtra(Showroom item, ShowroomExtra extra)
    {
        item.Establishment = extra.Operator;
        item.EstablishmentId = extra.Operator is { Id: > 0 } known ? known.Id : null;
        item.Address = Extra.Address!.Trim();
        item.PlaceId = Extra.PlaceId;
        item.OpeningHours = string.IsNullOrWhiteSpace(Extra.OpeningHours) ? null : Extra.OpeningHours.Trim();
        item.YearSupported = extra.Year;
        item.FeaturedImage = Extra.FeaturedImage!.Trim();
        item.FeaturedImageAlt = Extra.FeaturedImageAlt!.Trim();
        item.Gallery = extra.Gallery;
        item.Products.RemoveAll(p => !extra.Products.Any(q => q.Id == p.Id));
        item.Products.AddRange(extra.Products.Where(p => !item.Products.Any(q => q.Id == p.Id)));
    }
}
