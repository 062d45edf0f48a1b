using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Establishments;

/// <summary>The establishment form's fields; <see cref="ParseAsync"/> checks them, <see cref="ApplyTo"/> writes them.</summary>
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

    /// <summary>Checks the choices, the website and the slug (unique among establishments and their old slugs, <paramref name="itemId"/> aside).</summary>
    public async Task<ParsedEstablishment> ParseAsync(AppDbContext db, ModelStateDictionary state, int itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        var kind = EstablishmentPicker.ParseKind(Kind);
        if (kind is null)
        {
            state.AddModelError("Input.Kind", "Chọn loại hình.");
        }

        var placeId = await ShowcaseForms.PlaceIdAsync(db, state, Place, "Input.Place", ct);

        if (!string.IsNullOrWhiteSpace(Website)
            && !(Uri.TryCreate(Website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            state.AddModelError("Input.Website", "Trang web phải bắt đầu bằng https://.");
        }

        var slug = string.IsNullOrWhiteSpace(Slug) ? Slugifier.Slugify(Name) : Slug.Trim();
        if (!Slugifier.IsValid(slug))
        {
            state.AddModelError("Input.Slug", "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.");
        }
        else if (await db.Establishments.AnyAsync(e => e.Slug == slug && e.Id != itemId, ct)
                 || await db.SlugRedirects.AnyAsync(r => r.ContentType == nameof(Establishment) && r.OldSlug == slug && r.ContentId != itemId, ct))
        {
            state.AddModelError("Input.Slug", $"Đường dẫn “{slug}” đã được dùng cho cơ sở khác.");
        }

        return new ParsedEstablishment(kind ?? default, placeId, slug);
    }

    /// <summary>Writes the form onto <paramref name="item"/> (after a parse that found no problem).</summary>
    public void ApplyTo(Establishment item, ParsedEstablishment parsed)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(parsed);
        item.Name = Name.Trim().Normalize(System.Text.NormalizationForm.FormC);
        item.Slug = parsed.Slug;
        item.Kind = parsed.Kind;
        item.Address = Address?.Trim() ?? "";
        item.PlaceId = parsed.PlaceId;
        item.Representative = Blank(Representative);
        item.Phone = Blank(Phone);
        item.Email = Blank(Email);
        item.Website = Blank(Website);
        item.Description = Description?.Trim() ?? "";
        item.ConsentedToPublish = ConsentedToPublish;
        item.IsSample = IsSample;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What <see cref="EstablishmentInput.ParseAsync"/> read: the kind, the place's id and the slug to use.</summary>
public sealed record ParsedEstablishment(EstablishmentKind Kind, int? PlaceId, string Slug);
