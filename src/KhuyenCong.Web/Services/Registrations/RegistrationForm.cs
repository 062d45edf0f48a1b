using System.Globalization;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>
/// The answers typed as text, by the name of their input (<see cref="RegistrationFields"/>): as posted
/// (<see cref="RegistrationForm"/>) and, once cleaned and validated, as kept in the draft (<see cref="DraftData"/>).
/// </summary>
public abstract class RegistrationTexts
{
    public string? Type { get; set; }
    public string? OtherType { get; set; }
    public string? EstablishmentName { get; set; }
    public string? Place { get; set; }
    public string? Sector { get; set; }
    public string? MainProducts { get; set; }
    public string? OtherSupport { get; set; }
    public string? Machine { get; set; }
    public string? Project { get; set; }
    public string? Timing { get; set; }
    public string? ContactName { get; set; }
    public string? ContactRole { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? TaxCode { get; set; }

    /// <summary>Takes every text answer of <paramref name="other"/>.</summary>
    protected void CopyTexts(RegistrationTexts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Type = other.Type;
        OtherType = other.OtherType;
        EstablishmentName = other.EstablishmentName;
        Place = other.Place;
        Sector = other.Sector;
        MainProducts = other.MainProducts;
        OtherSupport = other.OtherSupport;
        Machine = other.Machine;
        Project = other.Project;
        Timing = other.Timing;
        ContactName = other.ContactName;
        ContactRole = other.ContactRole;
        Phone = other.Phone;
        Email = other.Email;
        TaxCode = other.TaxCode;
    }
}

/// <summary>The answers of a form being filled in, as kept in the draft (already cleaned and validated).</summary>
public sealed class DraftData : RegistrationTexts
{
    public Guid Key { get; set; } = Guid.NewGuid();
    public DateTime StartedAt { get; set; }
    public List<string> Done { get; set; } = [];
    public int? Workers { get; set; }
    public int? Years { get; set; }
    public List<string> Lines { get; set; } = [];
    public long? MachineCost { get; set; }
    public long? Investment { get; set; }
    public long? Own { get; set; }
    public bool ConsentHandling { get; set; }
    public bool ConsentNews { get; set; }
    public DateTime? ConsentAt { get; set; }

    public bool IsOutsideProvince => Place == RegistrationCatalog.OutsideProvince;
}

/// <summary>The raw posted fields of a step (strings, so a wrong type is a message, not a binding failure).</summary>
public sealed class RegistrationForm : RegistrationTexts
{
    public string? Workers { get; set; }
    public string? Years { get; set; }
    public List<string>? Lines { get; set; }
    public string? MachineCost { get; set; }
    public string? Investment { get; set; }
    public string? Own { get; set; }
    public string? ConsentHandling { get; set; }
    public string? ConsentNews { get; set; }
    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    public string? Website { get; set; }

    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = "." };

    public static RegistrationForm FromDraft(DraftData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var form = new RegistrationForm
        {
            Workers = d.Workers?.ToString(CultureInfo.InvariantCulture), Years = d.Years?.ToString(CultureInfo.InvariantCulture), Lines = [.. d.Lines],
            MachineCost = d.MachineCost?.ToString("#,##0", Grouping), Investment = d.Investment?.ToString("#,##0", Grouping), Own = d.Own?.ToString("#,##0", Grouping),
            ConsentHandling = d.ConsentHandling ? "yes" : null, ConsentNews = d.ConsentNews ? "yes" : null,
        };
        form.CopyTexts(d);
        return form;
    }
}
