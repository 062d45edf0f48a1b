namespace KhuyenCong.Web.Models;

public enum FairLevel
{
    Provincial = 1,
    Regional = 2,
    National = 3,
    International = 4,
}

/// <summary>A trade fair or exhibition (hội chợ triển lãm) announced by the programme.</summary>
public class Fair : RoutedContent
{
    public string Organiser { get; set; } = "";
    public string HostProvince { get; set; } = "";
    public FairLevel Level { get; set; }
    /// <summary>Vietnam calendar days, stored as midnight UTC of that date.</summary>
    public DateTime StartsOn { get; set; }
    public DateTime EndsOn { get; set; }
    public string Venue { get; set; } = "";
    public string Address { get; set; } = "";
    public DateTime? RegistrationDeadline { get; set; }
    /// <summary>How to apply (Markdown).</summary>
    public string HowToApply { get; set; } = "";
    /// <summary>The programme funding line, e.g. "Kinh phí khuyến công địa phương".</summary>
    public string? FundingLine { get; set; }
    /// <summary>The results report after the fair (Markdown) and its rendered HTML.</summary>
    public string ResultsMarkdown { get; set; } = "";
    public string ResultsHtml { get; set; } = "";
    public List<GalleryImage> Gallery { get; set; } = [];
    public List<FairParticipation> Participants { get; set; } = [];
}

/// <summary>An establishment taking part in a fair; each one counts toward the programme's 90 participations.</summary>
public class FairParticipation
{
    public int Id { get; set; }
    public int FairId { get; set; }
    public Fair? Fair { get; set; }
    public int EstablishmentId { get; set; }
    public Establishment? Establishment { get; set; }
    /// <summary>Booth or stand, as announced.</summary>
    public string? Booth { get; set; }
    /// <summary>Supported by the khuyến công programme (counts toward the target).</summary>
    public bool ProgrammeSupported { get; set; } = true;
}
