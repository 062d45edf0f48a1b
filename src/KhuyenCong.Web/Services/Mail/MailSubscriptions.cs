using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>
/// "Nhận tin qua e-mail": double opt-in subscriptions to new articles of chosen topics, new documents and fairs.
/// A request stores the choices and queues only the confirmation mail; nothing else is sent to the address until
/// the link in that mail is followed and confirmed. Confirming replaces the address's earlier subscription;
/// unsubscribing deletes it (and its mail not yet sent).
/// </summary>
public sealed class MailSubscriptions(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options, MailOutbox outbox)
{
    /// <summary>The version of the consent text on the form (stored with each subscription).</summary>
    public const string ConsentVersion = "NT-2026-01";

    public const string Path = "/nhan-tin";
    public const string ConfirmPath = "/nhan-tin/xac-nhan/";
    public const string UnsubscribePath = "/nhan-tin/huy/";

    /// <summary>The form, its answers and the token pages hold forms and personal data: never output-cached.</summary>
    public static bool IsFormPath(PathString path) => path.StartsWithSegments(Path);

    /// <summary>A well-formed token: 43 characters of base64url (256 bits).</summary>
    public static bool IsToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Stores the request and queues its confirmation mail in one commit. The same answer whatever the address's
    /// state (no one learns who subscribes); a second request for the same address within an hour sends nothing more.
    /// </summary>
    public async Task SubscribeAsync(string email, IReadOnlyCollection<string> topics, bool documents, bool fairs, DigestFrequency frequency, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(topics);
        var address = email.Trim().ToLowerInvariant();
        var now = Now;
        var recent = now.AddHours(-1);
        if (await db.MailSubscribers.AnyAsync(s => s.Email == address && s.ConfirmedAt == null && s.CreatedAt > recent, ct))
        {
            return;
        }

        var token = NewToken();
        var subscriber = new MailSubscriber
        {
            Key = Guid.NewGuid(), Email = address, Topics = topics.Count == 0 ? "" : "|" + string.Join('|', topics) + "|",
            Documents = documents, Fairs = fairs, Frequency = frequency, ConsentVersion = ConsentVersion, ConsentAt = now,
            CreatedAt = now, ConfirmTokenHash = Hash(token), UnsubscribeToken = NewToken(),
        };
        db.MailSubscribers.Add(subscriber);
        await outbox.AddAsync(new OutgoingMail
        {
            To = address, Kind = MailKinds.SubscriptionConfirm, EventKey = $"nhan-tin:{subscriber.Key:N}:xac-nhan",
            Subject = "Xác nhận đăng ký nhận tin qua thư điện tử",
            Paragraphs =
            [
                "Chúng tôi nhận được yêu cầu gửi tin mới của trang tới địa chỉ thư này.",
                $"Để bắt đầu nhận tin, hãy mở liên kết dưới đây và bấm “Xác nhận” trong {options.Value.ConfirmDays} ngày. Nếu bạn không yêu cầu, hãy bỏ qua thư này: chúng tôi sẽ không gửi gì thêm và yêu cầu tự xóa sau {options.Value.ConfirmDays} ngày.",
            ],
            Links = [new("Xác nhận nhận tin", ConfirmPath + token)],
            UnsubscribeUrl = outbox.Absolute(UnsubscribePath + subscriber.UnsubscribeToken),
        }, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The request a confirmation token names, while it may still be confirmed (or is already).</summary>
    public async Task<MailSubscriber?> FindByConfirmTokenAsync(string token, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var expired = Now.AddDays(-options.Value.ConfirmDays);
        return await db.MailSubscribers.FirstOrDefaultAsync(s => s.ConfirmTokenHash == hash && (s.ConfirmedAt != null || s.CreatedAt > expired), ct);
    }

    /// <summary>Confirms; the address's other subscriptions (earlier choices, other requests) go.</summary>
    public async Task ConfirmAsync(MailSubscriber subscriber, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.ConfirmedAt is not null)
        {
            return;
        }

        var now = Now;
        subscriber.ConfirmedAt = now;
        subscriber.LastDigestAt = now;
        var others = await db.MailSubscribers.Where(s => s.Email == subscriber.Email && s.Id != subscriber.Id).ToListAsync(ct);
        db.MailSubscribers.RemoveRange(others);
        await db.SaveChangesAsync(ct);
    }

    public Task<MailSubscriber?> FindByUnsubscribeTokenAsync(string token, CancellationToken ct = default) =>
        db.MailSubscribers.FirstOrDefaultAsync(s => s.UnsubscribeToken == token, ct);

    /// <summary>Deletes the subscription and cancels its mail not yet sent.</summary>
    public async Task UnsubscribeAsync(MailSubscriber subscriber, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        db.MailSubscribers.Remove(subscriber);
        await CancelPendingAsync(db, $"nhan-tin:{subscriber.Key:N}:", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Pending rows of the events under the prefix become Cancelled (saved with the caller's changes).</summary>
    public static async Task CancelPendingAsync(AppDbContext db, string eventKeyPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var row in await db.OutboxMessages.Where(m => m.EventKey.StartsWith(eventKeyPrefix) && m.Status == OutboxStatus.Pending).ToListAsync(ct))
        {
            row.Status = OutboxStatus.Cancelled;
            row.LastResponse = "Đã hủy: người nhận thôi nhận tin.";
        }
    }

    /// <summary>Everything stored about an address (a request under Law 91/2025): its subscriptions and mail.</summary>
    public async Task<object> ExportAsync(string email, CancellationToken ct = default)
    {
        var address = email.Trim().ToLowerInvariant();
        var subscriptions = await db.MailSubscribers.AsNoTracking().Where(s => s.Email == address).OrderBy(s => s.Id).ToListAsync(ct);
        var mail = await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == address).OrderBy(m => m.Id)
            .Select(m => new { m.CreatedAt, m.SentAt, m.Subject, m.Status, m.Kind }).ToListAsync(ct);
        return new
        {
            thuDienTu = address,
            dangKyNhanTin = subscriptions.Select(s => new
            {
                chuyenMuc = s.TopicSlugs.ToList(), vanBan = s.Documents, hoiCho = s.Fairs,
                tanSuat = s.Frequency == DigestFrequency.Daily ? "hằng ngày" : "hằng tuần",
                phienBanDongY = s.ConsentVersion, thoiDiemDongY = VietnamTime.Iso(s.ConsentAt), ngayTao = VietnamTime.Iso(s.CreatedAt),
                ngayXacNhan = s.ConfirmedAt is { } c ? VietnamTime.Iso(c) : null,
            }).ToList(),
            thuDaGui = mail.Select(m => new
            {
                loai = MailKinds.Name(m.Kind), tieuDe = m.Subject, ngayTao = VietnamTime.Iso(m.CreatedAt),
                ngayGui = m.SentAt is { } s ? VietnamTime.Iso(s) : null, trangThai = OutboxStatusText.Name(m.Status),
            }).ToList(),
        };
    }

    /// <summary>Deletes the address's subscriptions and every outbox row to it (saved here); returns how many rows went.</summary>
    public async Task<int> EraseAsync(string email, CancellationToken ct = default)
    {
        var address = email.Trim().ToLowerInvariant();
        var subscriptions = await db.MailSubscribers.Where(s => s.Email == address).ToListAsync(ct);
        var mail = await db.OutboxMessages.Where(m => m.Recipient == address).ToListAsync(ct);
        db.MailSubscribers.RemoveRange(subscriptions);
        db.OutboxMessages.RemoveRange(mail);
        await db.SaveChangesAsync(ct);
        return subscriptions.Count + mail.Count;
    }

    /// <summary>Subscription POSTs per client IP in a fixed window (GETs are not limited).</summary>
    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }

        var settings = context.RequestServices.GetRequiredService<IOptions<MailOptions>>().Value;
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter("nhan-tin:" + ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.SubscribesPerWindow,
            Window = TimeSpan.FromMinutes(settings.WindowMinutes),
            QueueLimit = 0,
        });
    }
}

/// <summary>Vietnamese names of the outbox states.</summary>
public static class OutboxStatusText
{
    public static readonly IReadOnlyList<(OutboxStatus Status, string Name)> All =
    [
        (OutboxStatus.Pending, "Chờ gửi"),
        (OutboxStatus.Sending, "Đang gửi"),
        (OutboxStatus.Sent, "Đã gửi"),
        (OutboxStatus.Failed, "Gửi không được"),
        (OutboxStatus.Unknown, "Không rõ – kiểm tra trước khi gửi lại"),
        (OutboxStatus.Cancelled, "Đã hủy"),
    ];

    public static string Name(OutboxStatus status) => All.First(s => s.Status == status).Name;
}
