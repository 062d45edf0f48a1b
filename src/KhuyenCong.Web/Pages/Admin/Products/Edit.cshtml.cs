using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin.Establishments;
using KhuyenCong.Web.Pages.Products;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: the product form has the most fields of any editor (group, producer, place, OCOP, two images, four row lists); the rows read themselves in ProductRows.cs.
namespace KhuyenCong.Web.Pages.Admin.Products;

/// <summary>
/// Product editor: the common content workflow plus group, producer (pick or create), place, certifications,
/// gallery, where to buy and support as repeatable rows. Rows work without JavaScript: each list shows its rows
/// plus empty ones, and "Thêm dòng" posts the form back with more empty rows (nothing is saved).
/// </summary>
public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : ContentEditModel<Product, EditModel.ProductExtra>(db, publisher, markdown, clock)
{
    public const int EmptyRows = 2;

    public sealed class ProductInput
    {
        [Display(Name = "Nhóm sản phẩm")] public string? Group { get; set; }
        [Display(Name = "Là bộ sản phẩm")] public bool IsSet { get; set; }
        [Display(Name = "Địa bàn khi được chứng nhận")] public string? Place { get; set; }
        [Display(Name = "Số sao OCOP (tùy chọn)")] public string? OcopStars { get; set; }
        [Display(Name = "Năm đánh giá OCOP")] public string? OcopYear { get; set; }
        [StringLength(64, ErrorMessage = "Mã ảnh không hợp lệ.")]
        [Display(Name = "Ảnh đại diện")] public string? FeaturedImage { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Mô tả ảnh đại diện (alt)")] public string? FeaturedImageAlt { get; set; }
        [Display(Name = "Dữ liệu mẫu (minh họa)")] public bool IsSample { get; set; }
        public List<CertificationRow> Certifications { get; set; } = [];
        public List<GalleryRow> Gallery { get; set; } = [];
        public List<ShopRow> WhereToBuy { get; set; } = [];
        public List<SupportRow> Support { get; set; } = [];
    }

    /// <summary>The product's own fields as read: choices, numbers, the producer (found or new) and the four row lists.</summary>
    public sealed record ProductExtra(
        CnntGroup Group, int? PlaceId, int? OcopStars, int? OcopYear, Establishment? Producer,
        List<ProductCertification> Certifications, List<GalleryImage> Gallery, List<ShopLink> Shops, List<SupportReceived> Support);

    [BindProperty] public ProductInput Extra { get; set; } = new();

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
    [BindProperty(Name = nameof(Producer))] public EstablishmentPick Producer { get; set; } = new();
    public EstablishmentPickerView ProducerPicker { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> PlaceChoices => ProducerPicker.Places;

    protected override IQueryable<Product> Items => Db.Products.Include(p => p.Certifications);
    protected override Product Create() => new() { Title = "", Slug = "" };

    protected override async Task LoadExtraAsync(Product? item, CancellationToken ct)
    {
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            var places = await Db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct);
            Extra = new ProductInput
            {
                Group = ProductFilters.GroupCode(item.Group), IsSet = item.IsSet,
                Place = item.PlaceId is { } pid ? places.GetValueOrDefault(pid) : null,
                OcopStars = item.OcopStars?.ToString(CultureInfo.InvariantCulture), OcopYear = item.OcopYear?.ToString(CultureInfo.InvariantCulture),
                FeaturedImage = item.FeaturedImage, FeaturedImageAlt = item.FeaturedImageAlt, IsSample = item.IsSample,
                Certifications = [.. item.Certifications.OrderBy(c => c.RoundYear).Select(CertificationRow.From)],
                Gallery = GalleryRows.From(item.Gallery),
                WhereToBuy = [.. item.WhereToBuy.Select(ShopRow.From)],
                Support = [.. item.Support.Select(SupportRow.From)],
            };
            Producer = EstablishmentPick.Of(item.EstablishmentId);
        }

        Pad(EmptyRows);
        ProducerPicker = await EstablishmentPicker.ViewAsync(Db, nameof(Producer), Producer, "Cơ sở sản xuất", required: false, ct);
    }

    /// <summary>"Thêm dòng": the form comes back with two more empty rows in every list; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddRowsAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, tracked: false, ct))
        {
            return NotFound();
        }

        Pad(EmptyRows + 2);
        return Page();
    }

    private void Pad(int empty)
    {
        static void PadList<T>(List<T> list, Func<T, bool> isEmpty, int count) where T : new()
        {
            while (list.Count(isEmpty) < count && list.Count < 60)
            {
                list.Add(new T());
            }
        }

        PadList(Extra.Certifications, r => r.IsEmpty, empty);
        PadList(Extra.Gallery, r => r.IsEmpty, empty);
        PadList(Extra.WhereToBuy, r => r.IsEmpty, empty);
        PadList(Extra.Support, r => r.IsEmpty, empty);
    }

    protected override async Task<ProductExtra> ParseExtraAsync(CancellationToken ct)
    {
        var group = ProductFilters.Groups.Where(x => x.Code == Extra.Group).Select(x => (CnntGroup?)x.Value).FirstOrDefault();
        if (group is null)
        {
            ModelState.AddModelError("Extra.Group", "Chọn nhóm sản phẩm.");
        }

        var placeId = await ShowcaseForms.PlaceIdAsync(Db, ModelState, Extra.Place, "Extra.Place", ct);

        var ocopStars = Number(Extra.OcopStars, "Extra.OcopStars", 1, 5, "Số sao OCOP từ 1 đến 5.");
        var ocopYear = Number(Extra.OcopYear, "Extra.OcopYear", 2000, 2100, "Năm không hợp lệ.");
        var mediaNames = new List<string>();
        if (!string.IsNullOrWhiteSpace(Extra.FeaturedImage))
        {
            mediaNames.Add(Extra.FeaturedImage.Trim());
        }

        mediaNames.AddRange(GalleryRows.MediaNames(Extra.Gallery));
        var known = await GalleryRows.KnownImagesAsync(Db, mediaNames, ct);
        if (!string.IsNullOrWhiteSpace(Extra.FeaturedImage) && !known.Contains(Extra.FeaturedImage.Trim()))
        {
            ModelState.AddModelError("Extra.FeaturedImage", "Không tìm thấy ảnh này trong thư viện.");
        }

        if (!string.IsNullOrWhiteSpace(Extra.FeaturedImage) && string.IsNullOrWhiteSpace(Extra.FeaturedImageAlt))
        {
            ModelState.AddModelError("Extra.FeaturedImageAlt", "Nhập mô tả ảnh cho người không xem được ảnh.");
        }

        var certifications = CertificationRow.Read(Extra.Certifications, ModelState, "Extra.Certifications");
        var gallery = GalleryRows.Read(Extra.Gallery, known, ModelState, "Extra.Gallery");
        var shops = ShopRow.Read(Extra.WhereToBuy, ModelState, "Extra.WhereToBuy");
        var support = SupportRow.Read(Extra.Support, ModelState, "Extra.Support");
        var producer = await EstablishmentPicker.ResolveAsync(Db, Producer, nameof(Producer), ModelState,
            Clock.GetUtcNow().UtcDateTime, User.Identity?.Name, required: false, ct);
        return new ProductExtra(group ?? default, placeId, ocopStars, ocopYear, producer, certifications, gallery, shops, support);
    }

    protected override void ApplyExtra(Product item, ProductExtra extra)
    {
        var producer = extra.Producer;
        item.Group = extra.Group;
        item.IsSet = Extra.IsSet;
        item.PlaceId = extra.PlaceId;
        item.OcopStars = extra.OcopStars;
        item.OcopYear = extra.OcopStars is null ? null : extra.OcopYear;
        item.FeaturedImage = string.IsNullOrWhiteSpace(Extra.FeaturedImage) ? null : Extra.FeaturedImage.Trim();
        item.FeaturedImageAlt = Trim(Extra.FeaturedImageAlt, 300);
        item.IsSample = Extra.IsSample;
        item.Establishment = producer;
        if (producer is null)
        {
            item.EstablishmentId = null;
        }
        else if (producer.Id > 0)
        {
            item.EstablishmentId = producer.Id;
        }
        item.Certifications.Clear();
        item.Certifications.AddRange(extra.Certifications);
        item.Gallery = extra.Gallery;
        item.WhereToBuy = extra.Shops;
        item.Support = extra.Support;
    }

    private int? Number(string? value, string field, int min, int max, string message) => FormNumber.Read(value, field, min, max, message, ModelState);

    private static string? Trim(string? value, int max) => FormNumber.Trim(value, max);
}
