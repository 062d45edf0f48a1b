namespace KhuyenCong.Web.Models;

/// <summary>Where an outbox row is on its way to the SMTP server.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for the sender (first try, or a retry after a failure that proved nothing was accepted).</summary>
    Pending = 0,
    /// <summary>Claimed by one sender (one conditional update) and being handed to the SMTP server now.</summary>
    Sending = 1,
    /// <summary>The SMTP server accepted the message.</summary>
    Sent = 2,
    /// <summary>Refused for good (a 5xx answer) or out of attempts; an admin may send it again.</summary>
    Failed = 3,
    /// <summary>
    /// Maybe sent: the sender lost the connection after handing the message over, or stopped (crash, kill) while the
    /// row was claimed. Never sent again by itself (at most once); an admin checks and may send it again.
    /// </summary>
    Unknown = 4,
    /// <summary>Not to be sent any more (the subscriber left, the person's data was erased).</summary>
    Cancelled = 5,
}

/// <summary>
/// One e-mail in the durable outbox: written in the same transaction as what caused it, sent by the background
/// sender at most once (see <see cref="Services.Mail.MailSender"/>). (EventKey, Recipient) is unique, so one person
/// never gets two mails for the same event.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string Recipient { get; set; }
    /// <summary>What kind of message (<see cref="Services.Mail.MailKinds"/>), for counts and the admin view.</summary>
    public required string Kind { get; set; }
    /// <summary>The event the message is about, e.g. "dang-ky:KC-2026-000123:da-nhan".</summary>
    public required string EventKey { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    /// <summary>One-click unsubscribe address (RFC 8058), sent as List-Unsubscribe; null for service messages.</summary>
    public string? UnsubscribeUrl { get; set; }
    /// <summary>"&lt;random@domain&gt;" without the brackets, fixed when the row is written: every attempt sends the same id.</summary>
    public required string MessageId { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>When and by which sender the row was last claimed (Pending → Sending).</summary>
    public DateTime? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    /// <summary>The SMTP server's last answer (or the connection error), shown to admins.</summary>
    public string? LastResponse { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

public enum DigestFrequency
{
    Daily = 0,
    Weekly = 1,
}

/// <summary>
/// A person who asked for news by e-mail ("Nhận tin qua e-mail"): what they chose, their consent, and the double
/// opt-in. Nothing but the confirmation is sent before <see cref="ConfirmedAt"/>; unsubscribing deletes the row.
/// </summary>
public class MailSubscriber
{
    public long Id { get; set; }
    /// <summary>Random, names the row in event keys (the confirmation mail, digests).</summary>
    public Guid Key { get; set; }
    public required string Email { get; set; }
    /// <summary>Slugs of the chosen topics, "|tin-tuc|chinh-sach|" (bars on both ends), or "" for none.</summary>
    public string Topics { get; set; } = "";
    public bool Documents { get; set; }
    public bool Fairs { get; set; }
    public DigestFrequency Frequency { get; set; }
    public required string ConsentVersion { get; set; }
    public DateTime ConsentAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>SHA-256 (hex) of the confirmation token sent by mail; the token itself is never stored.</summary>
    public required string ConfirmTokenHash { get; set; }
    /// <summary>The unsubscribe token (random, 256 bits), put into every mail's links and List-Unsubscribe header.</summary>
    public required string UnsubscribeToken { get; set; }
    /// <summary>The end of the period the last digest covered (the confirmation time before the first).</summary>
    public DateTime? LastDigestAt { get; set; }

    public IEnumerable<string> TopicSlugs => Topics.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
