using System.Text;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>A link in a message: its words and a site path ("/dang-ky-ho-tro/tra-cuu") or an absolute URL.</summary>
public sealed record MailLink(string Text, string Path);

/// <summary>A titled list of links (a digest's new articles, documents, fairs).</summary>
public sealed record MailSection(string Heading, IReadOnlyList<MailLink> Links);

/// <summary>
/// What a message says. The outbox turns it into a Vietnamese plain-text part and a simple HTML part (every text
/// HTML-encoded, no images, no tracking), with the site's signature and, for news mail, the unsubscribe link.
/// </summary>
public sealed record OutgoingMail
{
    public required string To { get; init; }
    /// <summary>A <see cref="MailKinds"/> code.</summary>
    public required string Kind { get; init; }
    /// <summary>The event the mail is about; with the recipient, unique: the same pair is never queued twice.</summary>
    public required string EventKey { get; init; }
    public required string Subject { get; init; }
    /// <summary>"Kính gửi ông/bà Nguyễn Văn A,"; null: "Kính gửi quý vị,".</summary>
    public string? Greeting { get; init; }
    /// <summary>Paragraphs of text; a line break inside one is kept.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    /// <summary>The reference of the case ("KC-2026-000123"), shown on its own line.</summary>
    public string? Reference { get; init; }
    public IReadOnlyList<MailSection> Sections { get; init; } = [];
    /// <summary>Links after the text, e.g. the status lookup.</summary>
    public IReadOnlyList<MailLink> Links { get; init; } = [];
    /// <summary>Absolute one-click unsubscribe URL (news mail only): a link at the end and the List-Unsubscribe header.</summary>
    public string? UnsubscribeUrl { get; init; }
}

/// <summary>
/// The durable outbox. <see cref="AddAsync"/> adds a row to the caller's <see cref="AppDbContext"/> without saving:
/// the caller's SaveChanges writes the message in the same transaction as what caused it, so a change is never
/// stored without its mail, nor a mail without its change. <see cref="MailSender"/> sends the rows.
/// </summary>
public sealed class MailOutbox(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options, IOptions<SiteOptions> site, SiteUrls urls)
{
    /// <summary>False when Mail:Host is unset: nothing is queued, and pages say that no e-mail will be sent.</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>The staff mailbox (Mail:StaffAddress), or null when mail is off or no mailbox is set.</summary>
    public string? StaffAddress => Enabled && IsAddress(options.Value.StaffAddress) ? options.Value.StaffAddress!.Trim() : null;

    /// <summary>An absolute link from <c>Site:PublicBaseUrl</c>.</summary>
    public string Absolute(string path) =>
        path.StartsWith("https://", StringComparison.Ordinal) || path.StartsWith("http://", StringComparison.Ordinal) ? path : urls.Absolute(path);

    /// <summary>A plausible address (what the forms accept) that MimeKit can parse.</summary>
    public static bool IsAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 254 && FormText.LooksLikeEmail(value.Trim())
        && MailboxAddress.TryParse(value.Trim(), out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal);

    /// <summary>
    /// Adds the message to the caller's context (not saved). Returns null, adding nothing, when mail is off, the
    /// address is not usable, or this recipient already has a message for this event (queued or sent).
    /// </summary>
    public async Task<OutboxMessage?> AddAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!Enabled || !IsAddress(mail.To))
        {
            return null;
        }

        var to = mail.To.Trim().ToLowerInvariant();
        var key = mail.EventKey.Length > 200 ? mail.EventKey[..200] : mail.EventKey;
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.EventKey == key && e.Entity.Recipient == to)
            || await db.OutboxMessages.AnyAsync(m => m.EventKey == key && m.Recipient == to, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = OneLine(mail.Subject, 300);
        var row = new OutboxMessage
        {
            Recipient = to, Kind = mail.Kind, EventKey = key, Subject = subject,
            TextBody = Text(mail, subject), HtmlBody = Html(mail, subject), UnsubscribeUrl = mail.UnsubscribeUrl,
            MessageId = $"{Guid.NewGuid():N}@{MessageIdDomain()}",
            Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>
    /// Queues a notice about a case (a registration, question or comment) to the staff mailbox, when one is set. Staff
    /// mail names no person: what the paragraphs say and a link into the editor area. Its event key is the case's
    /// prefix plus "can-bo", never the key of the person's own mail, so the notice goes out even when the person wrote
    /// from the staff mailbox's address.
    /// </summary>
    public Task<OutboxMessage?> AddStaffNoticeAsync(string caseKeyPrefix, string kind, string subject, IReadOnlyList<string> paragraphs, string? reference, MailLink link, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caseKeyPrefix);
        return StaffAddress is not { } staff
            ? Task.FromResult<OutboxMessage?>(null)
            : AddAsync(new OutgoingMail
            {
                To = staff, Kind = kind, EventKey = caseKeyPrefix + "can-bo", Subject = subject, Greeting = "Kính gửi cán bộ Trung tâm,",
                Paragraphs = [.. paragraphs, "Thông tin của người gửi chỉ xem được trong trang quản trị."], Reference = reference, Links = [link],
            }, ct);
    }

    /// <summary>
    /// Queues a message to the person of a case: nothing when they gave no address or their data was erased (the
    /// message would hold it again).
    /// </summary>
    public Task<OutboxMessage?> AddToPersonAsync(string? email, DateTime? erasedAt, Func<string, OutgoingMail> mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return email is null || erasedAt is not null ? Task.FromResult<OutboxMessage?>(null) : AddAsync(mail(email), ct);
    }

    /// <summary>
    /// Removes the rows of events whose key starts with <paramref name="eventKeyPrefix"/> (the person's data is
    /// being erased); saved with the caller's changes. A row being sent right now still goes out once.
    /// </summary>
    public static async Task<int> ForgetAsync(AppDbContext db, string eventKeyPrefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.OutboxMessages.Where(m => m.EventKey.StartsWith(eventKeyPrefix)).ToListAsync(ct);
        db.OutboxMessages.RemoveRange(rows);
        return rows.Count;
    }

    private string MessageIdDomain()
    {
        if (MailboxAddress.TryParse(options.Value.From ?? "", out var from) && from.Address.Split('@') is [_, { Length: > 0 } domain])
        {
            return domain;
        }

        return Uri.TryCreate(site.Value.PublicBaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl.Host : "localhost";
    }

    private static string OneLine(string text, int max)
    {
        var line = string.Join(' ', (text ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length > max ? line[..max] : line;
    }

    private string Signature => string.Join(" – ", new[] { site.Value.UnitName, site.Value.AgencyName }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private string Text(OutgoingMail mail, string subject)
    {
        var s = new StringBuilder();
        s.Append(mail.Greeting ?? "Kính gửi quý vị,").Append("\n\n");
        foreach (var p in mail.Paragraphs)
        {
            s.Append(p.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append("\n\n");
        }

        if (mail.Reference is not null)
        {
            s.Append("Mã số: ").Append(mail.Reference).Append("\n\n");
        }

        foreach (var section in mail.Sections)
        {
            s.Append(section.Heading).Append('\n');
            foreach (var link in section.Links)
            {
                s.Append("- ").Append(link.Text).Append("\n  ").Append(Absolute(link.Path)).Append('\n');
            }

            s.Append('\n');
        }

        foreach (var link in mail.Links)
        {
            s.Append(link.Text).Append(": ").Append(Absolute(link.Path)).Append('\n');
        }

        if (mail.Links.Count > 0)
        {
            s.Append('\n');
        }

        s.Append("-- \n").Append(Signature).Append('\n');
        s.Append(site.Value.Address).Append('\n');
        s.Append("Điện thoại: ").Append(string.IsNullOrWhiteSpace(site.Value.UnitPhone) ? site.Value.Phone : site.Value.UnitPhone).Append('\n');
        s.Append("Thư này được gửi tự động từ ").Append(urls.Absolute("/")).Append(" (").Append(subject).Append("); vui lòng không trả lời thư này.\n");
        if (mail.UnsubscribeUrl is not null)
        {
            s.Append("Hủy nhận tin (một lần bấm): ").Append(mail.UnsubscribeUrl).Append('\n');
        }

        return s.ToString();
    }

    /// <summary>Encodes markup characters only: Vietnamese letters stay letters (the part is UTF-8).</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private string Html(OutgoingMail mail, string subject)
    {
        static string E(string text) => Encoder.Encode(text);
        static string Lines(string text) => string.Join("<br>\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split('\n').Select(E));
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(subject)).Append("</title>\n</head>\n<body>\n");
        s.Append("<p>").Append(E(mail.Greeting ?? "Kính gửi quý vị,")).Append("</p>\n");
        foreach (var p in mail.Paragraphs)
        {
            s.Append("<p>").Append(Lines(p)).Append("</p>\n");
        }

        if (mail.Reference is not null)
        {
            s.Append("<p>Mã số: <strong>").Append(E(mail.Reference)).Append("</strong></p>\n");
        }

        foreach (var section in mail.Sections)
        {
            s.Append("<h2>").Append(E(section.Heading)).Append("</h2>\n<ul>\n");
            foreach (var link in section.Links)
            {
                s.Append("<li><a href=\"").Append(E(Absolute(link.Path))).Append("\">").Append(E(link.Text)).Append("</a></li>\n");
            }

            s.Append("</ul>\n");
        }

        foreach (var link in mail.Links)
        {
            s.Append("<p><a href=\"").Append(E(Absolute(link.Path))).Append("\">").Append(E(link.Text)).Append("</a></p>\n");
        }

        s.Append("<hr>\n<p>").Append(E(Signature)).Append("<br>\n").Append(E(site.Value.Address)).Append("<br>\nĐiện thoại: ")
            .Append(E(string.IsNullOrWhiteSpace(site.Value.UnitPhone) ? site.Value.Phone : site.Value.UnitPhone)).Append("</p>\n");
        s.Append("<p>Thư này được gửi tự động từ <a href=\"").Append(E(urls.Absolute("/"))).Append("\">").Append(E(urls.Absolute("/")))
            .Append("</a>; vui lòng không trả lời thư này.</p>\n");
        if (mail.UnsubscribeUrl is not null)
        {
            s.Append("<p><a href=\"").Append(E(mail.UnsubscribeUrl)).Append("\">Hủy nhận tin</a> (một lần bấm).</p>\n");
        }

        s.Append("</body>\n</html>\n");
        return s.ToString();
    }
}

/// <summary>The kinds of message, with their Vietnamese names for the admin view and the counts.</summary>
public static class MailKinds
{
    public const string RegistrationReceived = "registration-received";
    public const string RegistrationStaff = "registration-staff";
    public const string RegistrationStatus = "registration-status";
    public const string RegistrationReply = "registration-reply";
    public const string SubscriptionConfirm = "subscription-confirm";
    public const string Digest = "digest";
    public const string QuestionReceived = "question-received";
    public const string QuestionAnswered = "question-answered";
    public const string QuestionStaff = "question-staff";
    public const string CommentStaff = "comment-staff";
    public const string CommentReply = "comment-reply";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [RegistrationReceived] = "Xác nhận đã nhận đăng ký",
        [RegistrationStaff] = "Báo cán bộ: đăng ký mới",
        [RegistrationStatus] = "Hồ sơ đổi trạng thái",
        [RegistrationReply] = "Trả lời của cán bộ",
        [SubscriptionConfirm] = "Xác nhận đăng ký nhận tin",
        [Digest] = "Bản tin định kỳ",
        [QuestionReceived] = "Xác nhận đã nhận câu hỏi",
        [QuestionAnswered] = "Câu hỏi đã được trả lời",
        [QuestionStaff] = "Báo cán bộ: câu hỏi mới",
        [CommentStaff] = "Báo cán bộ: góp ý mới",
        [CommentReply] = "Trả lời góp ý",
    };

    public static string Name(string kind) => Names.TryGetValue(kind, out var name) ? name : kind;
}
