using System.ComponentModel.DataAnnotations;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>Section "Registration": the support-registration form and its data.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";
    public const string SubmitRateLimit = "registration-submit";
    public const string LookupRateLimit = "registration-lookup";

    /// <summary>Days after submission when personal fields are erased (the rest is kept for statistics).</summary>
    [Range(30, 3650)] public int RetentionDays { get; set; } = 730;

    /// <summary>Minutes of inactivity after which a form being filled in expires.</summary>
    [Range(5, 720)] public int DraftMinutes { get; set; } = 60;

    /// <summary>Anti-spam: a submission sooner than this after starting the form is refused.</summary>
    [Range(0, 600)] public int MinimumFillSeconds { get; set; } = 15;

    /// <summary>Per client IP: starts and submissions allowed in each window.</summary>
    [Range(1, 1_000_000)] public int SubmitsPerWindow { get; set; } = 20;

    /// <summary>Per client IP: status lookups allowed in each window.</summary>
    [Range(1, 1_000_000)] public int LookupsPerWindow { get; set; } = 20;

    [Range(1, 1440)] public int WindowMinutes { get; set; } = 60;
}
