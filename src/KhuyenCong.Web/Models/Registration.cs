namespace KhuyenCong.Web.Models;

/// <summary>Where a registration is in the triage workflow.</summary>
public enum RegistrationStatus
{
    New = 0,
    Reviewing = 1,
    Contacted = 2,
    Eligible = 3,
    Ineligible = 4,
    Supported = 5,
}

/// <summary>
/// One submitted request for programme support: typed answers, consent, triage state. Personal fields are
/// nullable because the retention job (or a request from the person) erases them; the rest stays for statistics.
/// </summary>
public class Registration : TriageRecord<RegistrationStatus, RegistrationEventKind, RegistrationEvent>
{
    // Answers kept for statistics.
    public EstablishmentKind EstablishmentType { get; set; }
    public string? OtherTypeText { get; set; }
    public string? PlaceCode { get; set; }
    public string? PlaceName { get; set; }
    public required string Sector { get; set; }
    public int Workers { get; set; }
    public int YearsOperating { get; set; }
    /// <summary>Support line codes, "|may-moc|hoi-cho|" (bars on both ends so a line is matched exactly).</summary>
    public required string SupportLines { get; set; }
    public long? MachineCost { get; set; }
    public long Investment { get; set; }
    public long OwnContribution { get; set; }
    public required string Timing { get; set; }

    // Personal or identifying answers: erased after the retention period or on request.
    public string? EstablishmentName { get; set; }
    public string? MainProducts { get; set; }
    public string? OtherSupportText { get; set; }
    public string? MachineDescription { get; set; }
    public string? ProjectSummary { get; set; }
    public string? ContactName { get; set; }
    public string? ContactRole { get; set; }
    // Phone and Email: in the base class.
    /// <summary>Digits only (10 or 13).</summary>
    public string? TaxCode { get; set; }

    // Consent (Law 91/2025/QH15): one per purpose, the text's version and the time (in the base class).
    public bool ConsentHandling { get; set; }
    public bool ConsentNews { get; set; }

    public IEnumerable<string> Lines => SupportLines.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The personal or identifying answers (the statistics stay).</summary>
    protected override void ClearPersonalFields()
    {
        EstablishmentName = null;
        OtherTypeText = null;
        MainProducts = null;
        OtherSupportText = null;
        MachineDescription = null;
        ProjectSummary = null;
        ContactName = null;
        ContactRole = null;
        TaxCode = null;
    }
}

public enum RegistrationEventKind
{
    Submitted = 0,
    StatusChanged = 1,
    InternalNote = 2,
    PublicReply = 3,
    Assigned = 4,
    Exported = 5,
    Erased = 6,
}

/// <summary>The history of a registration: status changes, notes, public replies, assignment, exports, erasure.</summary>
public class RegistrationEvent : TriageEvent<RegistrationStatus, RegistrationEventKind>
{
    public long RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    /// <summary>Shown to the applicant in the status lookup.</summary>
    public bool IsPublic { get; set; }
}

/// <summary>
/// A form being filled in, kept on the server (answers as JSON) and found by the hash of a random token held in
/// a cookie, so every node sharing the database can serve any step; expires after inactivity.
/// </summary>
public class RegistrationDraft
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public required string Data { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Set when the draft was submitted; the draft can then no longer change.</summary>
    public long? RegistrationId { get; set; }
}
