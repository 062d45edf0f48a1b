using System.Globalization;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Admin.Registrations;

/// <summary>The inbox filters (query string), shared by the list and its exports.</summary>
public sealed class RegistrationFilter
{
    [FromQuery(Name = "trang-thai")] public string? Status { get; set; }
    [FromQuery(Name = "ho-tro")] public string? Line { get; set; }
    [FromQuery(Name = "dia-ban")] public string? Place { get; set; }
    [FromQuery(Name = "loai")] public string? Type { get; set; }
    [FromQuery(Name = "tu-ngay")] public DateOnly? From { get; set; }
    [FromQuery(Name = "den-ngay")] public DateOnly? To { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }

    /// <summary>Whether every filter names a known value; <paramref name="places"/>: those the form offers.</summary>
    public bool IsValid(IReadOnlyList<RegistrationPlace> places) =>
        (string.IsNullOrEmpty(Status) || (int.TryParse(Status, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && Enum.IsDefined((RegistrationStatus)s)))
        && (string.IsNullOrEmpty(Line) || RegistrationCatalog.Lines.Any(l => l.Code == Line))
        && (string.IsNullOrEmpty(Place) || Place == RegistrationCatalog.OutsideProvince || places.Any(p => p.Code == Place))
        && (string.IsNullOrEmpty(Type) || EstablishmentKinds.FromSlug(Type) is not null)
        && (Text is null || Text.Length <= 200);

    public IQueryable<Models.Registration> Apply(IQueryable<Models.Registration> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!string.IsNullOrEmpty(Status))
        {
            var status = (RegistrationStatus)int.Parse(Status, CultureInfo.InvariantCulture);
            query = query.Where(r => r.Status == status);
        }

        if (!string.IsNullOrEmpty(Line))
        {
            var token = "|" + Line + "|";
            query = query.Where(r => r.SupportLines.Contains(token));
        }

        if (!string.IsNullOrEmpty(Place))
        {
            query = query.Where(r => r.PlaceCode == Place);
        }

        if (!string.IsNullOrEmpty(Type))
        {
            var type = EstablishmentKinds.FromSlug(Type)!.Value;
            query = query.Where(r => r.EstablishmentType == type);
        }

        if (From is { } from)
        {
            var start = VietnamTime.DayStartUtc(from);
            query = query.Where(r => r.SubmittedAt >= start);
        }

        if (To is { } to)
        {
            var end = VietnamTime.DayStartUtc(to.AddDays(1));
            query = query.Where(r => r.SubmittedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim().Normalize(System.Text.NormalizationForm.FormC);
            var digits = FormText.Digits(text);
            var upper = text.ToUpperInvariant();
            query = query.Where(r => r.Reference.Contains(upper) || (r.EstablishmentName != null && r.EstablishmentName.Contains(text))
                || (r.ContactName != null && r.ContactName.Contains(text)) || (r.MainProducts != null && r.MainProducts.Contains(text))
                || (digits.Length >= 4 && r.Phone != null && r.Phone.Contains(digits)) || (digits.Length >= 4 && r.TaxCode != null && r.TaxCode.Contains(digits)));
        }

        return query;
    }

    public string Query(string? extra = null)
    {
        var parts = new[]
        {
            ("trang-thai", Status), ("ho-tro", Line), ("dia-ban", Place), ("loai", Type),
            ("tu-ngay", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("den-ngay", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("q", Text),
        };
        var list = parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}").ToList();
        if (extra is not null)
        {
            list.Add(extra);
        }

        return list.Count == 0 ? "" : "?" + string.Join('&', list);
    }
}
