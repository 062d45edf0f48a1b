using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace KhuyenCong.Web.Options;

/// <summary>
/// Section "Mail": the SMTP server the outbox sends through. <c>Mail:Host</c> unset = mail is off: nothing is
/// queued or sent, and the pages that would promise mail say that no e-mail will be sent.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";
    public const string SubscribeRateLimit = "mail-subscribe";

    /// <summary>SMTP server name or address; unset = no mail.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)] public int Port { get; set; } = 587;

    /// <summary>TLS: on port 465 from the first byte (SMTPS), otherwise STARTTLS, required. False: plain SMTP (a relay on the same machine or network).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Sign-in name, when the server wants one (with <see cref="Password"/>).</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, "Tên &lt;dia-chi@example.vn&gt;" or a bare address; required when Host is set.</summary>
    public string? From { get; set; }

    /// <summary>The staff mailbox told of each new registration (and question, comment); unset = no staff mail.</summary>
    public string? StaffAddress { get; set; }

    /// <summary>How often each node looks for due messages.</summary>
    [Range(1, 3600)] public int PollSeconds { get; set; } = 5;

    /// <summary>The first retry waits this long; each further one twice as long (capped at <see cref="MaxRetrySeconds"/>).</summary>
    [Range(1, 86_400)] public int RetrySeconds { get; set; } = 60;

    [Range(1, 604_800)] public int MaxRetrySeconds { get; set; } = 6 * 3600;

    /// <summary>After this many attempts that all failed, the row is Failed (an admin may send it again).</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 10;

    /// <summary>A row claimed longer ago than this (its sender died) is shown as Unknown, never resent by itself.</summary>
    [Range(1, 1440)] public int ClaimTimeoutMinutes { get; set; } = 10;

    /// <summary>Seconds the SMTP client waits for the server on each command.</summary>
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Sent, failed and cancelled rows are deleted this many days after they were written (the mail log).</summary>
    [Range(1, 3650)] public int KeepDays { get; set; } = 90;

    /// <summary>Unconfirmed subscriptions are deleted after this many days (the confirmation link stops working).</summary>
    [Range(1, 60)] public int ConfirmDays { get; set; } = 7;

    /// <summary>How often the digest job looks for subscribers whose digest is due.</summary>
    [Range(1, 1440)] public int DigestCheckMinutes { get; set; } = 15;

    /// <summary>Anti-spam of the subscription form: a post sooner than this after the form was shown is refused.</summary>
    [Range(0, 600)] public int MinimumFillSeconds { get; set; } = 5;

    /// <summary>Per client IP: subscription posts allowed in each window.</summary>
    [Range(1, 1_000_000)] public int SubscribesPerWindow { get; set; } = 10;

    [Range(1, 1440)] public int WindowMinutes { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Mail:From must be an e-mail address (e.g. \"Khuyến công Bến Tre <khuyencong@example.vn>\") when Mail:Host is set.", [nameof(From)]);
        }

        if (!string.IsNullOrWhiteSpace(StaffAddress) && (!MailboxAddress.TryParse(StaffAddress, out var staff) || !staff.Address.Contains('@', StringComparison.Ordinal)))
        {
            yield return new ValidationResult("Mail:StaffAddress must be an e-mail address.", [nameof(StaffAddress)]);
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Mail:User and Mail:Password are set together (or neither).", [nameof(User)]);
        }
    }
}
