using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: create, edit and delete of a record that is not routed content, so it has no ContentEditModel to lean on;
// its POST still checks the fields inline (they could parse themselves in EstablishmentInput, like ContentInput.Parse).
namespace KhuyenCong.Web.Pages.Admin.Establishments;

/// <summary>
/// Create, edit or delete an establishment. Establishments are records, not routed content, but they follow the
/// workflow's rule: an editor may create one and change one that no published item shows yet (like a draft); once a
/// published product, showroom or fair shows it, only a publisher or an admin may change it. Every change is in the
/// audit log and evicts the cached public pages that show it.
/// </summary>
public class EditModel(AppDbContext db, ContentPublisher publisher, TimeProvider clock, ISearchIndex search) : SitePageModel
{
    public sealed class EstablishmentInput
    {
        [Required(ErrorMessage = "Nhập tên cơ sở.")][StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Tên cơ sở")] public string Name { get; set; } = "";
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Đường dẫn (để trống để tạo từ tên)")] public string? Slug { get; set; }
        [Display(Name = "Loại hình")] public string? Kind { get; set; }
        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")]
        [Display(Name = "Địa chỉ (ghi như lúc ghi nhận)")] public string? Address { get; set; }
        [Display(Name = "Địa bàn")] public string? Place { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Người đại diện")] public string? Representative { get; set; }
        [StringLength(50, ErrorMessage = "Tối đa 50 ký tự.")]
        [Display(Name = "Điện thoại")] public string? Phone { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")][EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử")] public string? Email { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Trang web (https://…)")] public string? Website { get; set; }
        [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")]
        [Display(Name = "Giới thiệu ngắn")] public string? Description { get; set; }
        [Display(Name = "Cơ sở đồng ý công khai thông tin liên hệ")] public bool ConsentedToPublish { get; set; }
        [Display(Name = "Dữ liệu mẫu (minh họa)")] public bool IsSample { get; set; }
    }

    [BindProperty] public EstablishmentInput Input { get; set; } = new();
    public Establishment? Item { get; private set; }
    public int ProductCount { get; private set; }
    /// <summary>A published product, showroom or fair shows this establishment.</summary>
    public bool IsPublic { get; private set; }
    /// <summary>Whether this user may save the form: publishers always, editors only while nothing published shows it.</summary>
    public bool CanEdit => Workflow.CanPublish(User) || !IsPublic;
    public IReadOnlyList<(string Code, string Name)> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Item is { } e)
        {
            Input = new EstablishmentInput
            {
                Name = e.Name, Slug = e.Slug, Kind = EstablishmentPicker.KindCode(e.Kind), Address = e.Address,
                Place = e.Place?.Code, Representative = e.Representative, Phone = e.Phone, Email = e.Email, Website = e.Website,
                Description = e.Description, ConsentedToPublish = e.ConsentedToPublish, IsSample = e.IsSample,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var kind = EstablishmentPicker.ParseKind(Input.Kind);
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Chọn loại hình.");
        }

        int? placeId = null;
        if (!string.IsNullOrWhiteSpace(Input.Place))
        {
            placeId = await db.Places.Where(p => p.Code == Input.Place).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (placeId is null)
            {
                ModelState.AddModelError("Input.Place", "Địa bàn không có trong danh mục.");
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.Website)
            && !(Uri.TryCreate(Input.Website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            ModelState.AddModelError("Input.Website", "Trang web phải bắt đầu bằng https://.");
        }

        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slugifier.Slugify(Input.Name) : Input.Slug.Trim();
        if (!Slugifier.IsValid(slug))
        {
            ModelState.AddModelError("Input.Slug", "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.");
        }
        else if (await db.Establishments.AnyAsync(e => e.Slug == slug && e.Id != (Item == null ? 0 : Item.Id), ct)
                 || await db.SlugRedirects.AnyAsync(r => r.ContentType == nameof(Establishment) && r.OldSlug == slug && r.ContentId != (Item == null ? 0 : Item.Id), ct))
        {
            ModelState.AddModelError("Input.Slug", $"Đường dẫn “{slug}” đã được dùng cho cơ sở khác.");
        }

        if (!ModelState.IsValid)
        {
            PageTitle = "Lỗi: " + PageTitle;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = Item ?? new Establishment { Name = "", Slug = "", CreatedAt = now };
        Func<Task>? forgetSlugs = null;
        if (Item is not null && Item.Slug != slug)
        {
            // A published address never breaks: the old one answers 301 with the new one (as for routed content);
            // an old address the establishment takes back stops redirecting (in the save's transaction).
            var oldSlug = Item.Slug;
            forgetSlugs = () => db.SlugRedirects.Where(r => r.ContentType == nameof(Establishment) && (r.OldSlug == slug || r.OldSlug == oldSlug)).ExecuteDeleteAsync(ct);
            db.SlugRedirects.Add(new SlugRedirect { ContentType = nameof(Establishment), OldSlug = oldSlug, ContentId = Item.Id, CreatedAt = now });
        }

        item.Name = Input.Name.Trim().Normalize(System.Text.NormalizationForm.FormC);
        item.Slug = slug;
        item.Kind = kind!.Value;
        item.Address = Input.Address?.Trim() ?? "";
        item.PlaceId = placeId;
        item.Representative = Blank(Input.Representative);
        item.Phone = Blank(Input.Phone);
        item.Email = Blank(Input.Email);
        item.Website = Blank(Input.Website);
        item.Description = Input.Description?.Trim() ?? "";
        item.ConsentedToPublish = Input.ConsentedToPublish;
        item.IsSample = Input.IsSample;
        item.UpdatedAt = now;
        item.UpdatedBy = User.Identity?.Name;
        if (Item is null)
        {
            db.Establishments.Add(item);
        }

        await publisher.SaveOtherAsync(Item is null ? "create" : "update", nameof(Establishment),
            () => (item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Name), [item.Id], forgetSlugs, ct);
        TempData["Flash"] = "Đã lưu.";
        return Redirect($"/quan-tri/co-so/{item.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!Workflow.CanPublish(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct) || Item is null)
        {
            return NotFound();
        }

        var used = ProductCount > 0
            || await db.Showrooms.AnyAsync(s => s.EstablishmentId == id, ct)
            || await db.FairParticipations.AnyAsync(f => f.EstablishmentId == id, ct);
        if (used)
        {
            ModelState.AddModelError("", "Không xóa được: cơ sở còn gắn với sản phẩm, phòng trưng bày hoặc hội chợ.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        db.Establishments.Remove(Item);
        await publisher.SaveOtherAsync("delete", nameof(Establishment), () => (id.ToString(System.Globalization.CultureInfo.InvariantCulture), Item.Name), [],
            async () =>
            {
                await db.SlugRedirects.Where(r => r.ContentType == nameof(Establishment) && r.ContentId == id).ExecuteDeleteAsync(ct);
                await search.RemoveAsync(db, SearchKinds.Establishment, id, ct);
            }, ct);
        TempData["Flash"] = $"Đã xóa “{Item.Name}”.";
        return Redirect("/quan-tri/co-so");
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Places = (await PlaceHistory.LoadAsync(db, ct)).FilterChoices().Select(p => (p.Code, p.Name)).ToList();
        if (id is not null)
        {
            Item = await db.Establishments.Include(e => e.Place).FirstOrDefaultAsync(e => e.Id == id, ct);
            if (Item is null)
            {
                return false;
            }

            ProductCount = await db.Products.CountAsync(p => p.EstablishmentId == id, ct);
            IsPublic = await IsShownPubliclyAsync(db, id.Value, ct);
        }

        PageTitle = Item is null ? "Thêm cơ sở" : $"Sửa cơ sở: {Item.Name}";
        return true;
    }

    /// <summary>
    /// Whether a published item (scheduled ones included: they go live without another review) shows the
    /// establishment: a product, a showroom, or a fair it takes part in.
    /// </summary>
    public static async Task<bool> IsShownPubliclyAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Products.AnyAsync(p => p.EstablishmentId == id && p.Status == ContentStatus.Published, ct)
        || await db.Showrooms.AnyAsync(s => s.EstablishmentId == id && s.Status == ContentStatus.Published, ct)
        || await db.FairParticipations.AnyAsync(f => f.EstablishmentId == id && f.Fair!.Status == ContentStatus.Published, ct);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
