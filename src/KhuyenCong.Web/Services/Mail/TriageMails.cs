using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>
/// What the mail of questions and of registrations share: a message to the person about their record, and the
/// notice to the staff mailbox of a new record (naming no person, linking into the editor area).
/// </summary>
public static class TriageMails
{
    /// <summary>
    /// A message to the person who sent <paramref name="record"/> (when an e-mail was given and not erased), keyed
    /// under the record (<see cref="TriageType{TStatus}.KeyPrefix"/> + <paramref name="keySuffix"/>), with its
    /// reference and a link to the public lookup.
    /// </summary>
    public static Task ToPersonAsync<TStatus>(this MailOutbox outbox, TriageType<TStatus> type, ITriageRecord record, string kind, string keySuffix,
        string subject, string greeting, IReadOnlyList<string> paragraphs, string linkText, CancellationToken ct)
        where TStatus : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(record);
        return outbox.AddToPersonAsync(record.Email, record.PersonalDataErasedAt, email => new OutgoingMail
        {
            To = email, Kind = kind, EventKey = type.KeyPrefix(record.Reference) + keySuffix, Subject = subject, Greeting = greeting,
            Paragraphs = paragraphs, Reference = record.Reference, Links = [new(linkText, type.LookupPath(record.Reference))],
        }, ct);
    }

    /// <summary>The notice of a new record to the staff mailbox, keyed under the record, with a link to it in the editor area.</summary>
    public static Task StaffNoticeAsync<TStatus>(this MailOutbox outbox, TriageType<TStatus> type, ITriageRecord record, string kind, string subject,
        IReadOnlyList<string> paragraphs, CancellationToken ct)
        where TStatus : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(record);
        return outbox.AddStaffNoticeAsync(type.KeyPrefix(record.Reference), kind, subject, paragraphs, record.Reference,
            new($"Mở {type.Noun} trong trang quản trị", type.AdminPath.TrimEnd('/') + "?q=" + Uri.EscapeDataString(record.Reference)), ct);
    }
}
