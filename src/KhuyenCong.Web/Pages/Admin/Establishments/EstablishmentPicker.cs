using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Establishments;

/// <summary>
/// What the "pick or create" establishment field posts: either the id of an existing establishment, or the name
/// (and kind, place, address) of a new one created on save. Bind it as a property of the page model, e.g.
/// <c>[BindProperty] public EstablishmentPick Producer { get; set; } = new();</c>.
/// </summary>
public sealed class EstablishmentPick
{
    /// <summary>An existing establishment; empty when none is chosen or a new one is typed.</summary>
    public int? Id { get; set; }
    public string? NewName { get; set; }
    public string? NewKind { get; set; }
    public string? NewPlace { get; set; }
    public string? NewAddress { get; set; }

    public static EstablishmentPick Of(int? id) => new() { Id = id };
}

/// <summary>The model of <c>_EstablishmentPicker</c>: form prefix, posted value, choices, and the field label.</summary>
public sealed record EstablishmentPickerView(
    string Prefix, EstablishmentPick Value, IReadOnlyList<EstablishmentPicker.Choice> Choices,
    IReadOnlyList<(string Code, string Name)> Places, string Label = "Cơ sở", bool Required = false)
{
    public string Name(string field) => $"{Prefix}.{field}";
    public string Id(string field) => $"{Prefix}_{field}";
}

/// <summary>Loads the choices for <c>_EstablishmentPicker</c> and resolves what it posted (creating when asked).</summary>
public static class EstablishmentPicker
{
    public sealed record Choice(int Id, string Name, string Kind);

    public static string KindCode(EstablishmentKind kind) => EstablishmentKinds.Code(kind);

    public static EstablishmentKind? ParseKind(string? code) => EstablishmentKinds.FromCode(code);

    public static async Task<EstablishmentPickerView> ViewAsync(
        AppDbContext db, string prefix, EstablishmentPick value, string label = "Cơ sở", bool required = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var vi = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);
        var choices = (await db.Establishments.AsNoTracking().Select(e => new { e.Id, e.Name, e.Kind }).ToListAsync(ct))
            .Select(e => new Choice(e.Id, e.Name, EstablishmentKinds.Label(e.Kind))).OrderBy(c => c.Name, vi).ToList();
        var places = (await PlaceHistory.LoadAsync(db, ct)).FilterChoices().Select(p => (p.Code, p.Name)).ToList();
        return new EstablishmentPickerView(prefix, value ?? new(), choices, places, label, required);
    }

    /// <summary>
    /// The establishment the form names: the chosen one, or a new one (added to <paramref name="db"/>, saved with
    /// the caller's SaveChanges). Adds model errors under <paramref name="prefix"/> and returns null when invalid
    /// or when nothing was chosen.
    /// </summary>
    public static async Task<Establishment?> ResolveAsync(
        AppDbContext db, EstablishmentPick? pick, string prefix, ModelStateDictionary modelState, DateTime utcNow, string? actor,
        bool required = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        var name = pick?.NewName?.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            if (pick!.Id is not null)
            {
                modelState.AddModelError($"{prefix}.NewName", "Chọn một cơ sở có sẵn hoặc nhập tên cơ sở mới, không làm cả hai.");
                return null;
            }

            if (name.Length > 300)
            {
                modelState.AddModelError($"{prefix}.NewName", "Tên cơ sở tối đa 300 ký tự.");
                return null;
            }

            var kind = ParseKind(pick.NewKind);
            if (kind is null)
            {
                modelState.AddModelError($"{prefix}.NewKind", "Chọn loại hình của cơ sở mới.");
                return null;
            }

            int? placeId = null;
            if (!string.IsNullOrWhiteSpace(pick.NewPlace))
            {
                var code = pick.NewPlace.Trim();
                placeId = await db.Places.Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
                if (placeId is null)
                {
                    modelState.AddModelError($"{prefix}.NewPlace", "Địa bàn không có trong danh mục.");
                    return null;
                }
            }

            var existing = await db.Establishments.FirstOrDefaultAsync(e => e.Name == name, ct);
            if (existing is not null)
            {
                // Typing the name of an existing establishment picks it instead of creating a twin.
                return existing;
            }

            var slugs = (await db.Establishments.Select(e => e.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var created = new Establishment
            {
                Name = System.Text.RegularExpressions.Regex.Replace(name, @"\s+", " ").Normalize(System.Text.NormalizationForm.FormC),
                Slug = Slugifier.Unique(name, slugs.Contains), Kind = kind.Value, PlaceId = placeId,
                Address = pick.NewAddress?.Trim() ?? "", CreatedAt = utcNow, UpdatedAt = utcNow, UpdatedBy = actor,
            };
            db.Establishments.Add(created);
            return created;
        }

        if (pick?.Id is { } id)
        {
            var chosen = await db.Establishments.FirstOrDefaultAsync(e => e.Id == id, ct);
            if (chosen is null)
            {
                modelState.AddModelError($"{prefix}.Id", "Cơ sở đã chọn không còn tồn tại.");
            }

            return chosen;
        }

        if (required)
        {
            modelState.AddModelError($"{prefix}.Id", "Chọn một cơ sở có sẵn hoặc nhập tên cơ sở mới.");
        }

        return null;
    }
}
