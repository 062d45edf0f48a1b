using System.Net.Sockets;
using System.Text;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>
/// Sends the outbox through SMTP (MailKit), on every node, at most once per row:
/// <list type="number">
/// <item>A row is claimed with one conditional UPDATE (Pending and due → Sending, with the claim time and this
/// sender's name); only the sender whose update changed the row (affected rows = 1) sends it, so two nodes, or two
/// passes, never both send a row.</item>
/// <item>When the server has accepted the message (its answer to DATA), the row becomes Sent, with the answer.</item>
/// <item>A failure that proves nothing was accepted (no connection, the server refused a command with a 4xx answer)
/// puts the row back to Pending with a later attempt time (exponential back-off) and the error; a 5xx answer or the
/// last attempt makes it Failed. A failure that leaves it unclear (the connection broke while the message was being
/// handed over) makes it Unknown.</item>
/// <item>A row still Sending after <see cref="MailOptions.ClaimTimeoutMinutes"/> was claimed by a sender that died
/// (crash, kill, power cut) between the claim and the mark: it may or may not have left, so it becomes Unknown and
/// is never sent again by itself; an admin checks and may send it again (outbox page).</item>
/// </list>
/// Each row has its own Message-Id, fixed when it was written, so the copies of a message sent again by an admin can
/// be recognised by the receiving side.
/// </summary>
public sealed partial class MailSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, ILogger<MailSender> log) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>This process (or test host) as the claimant of rows.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Mail sender pass failed; retrying at the next tick");
            }

            try
            {
                // Real time between passes (a test's manual clock never moves by itself); "now" is the site's clock.
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: marks stale claims Unknown, then sends the due rows. Returns how many the server accepted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await MarkStaleClaimsAsync(db, now, ct);

        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(Batch).Select(m => m.Id).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await ConnectAsync(smtp, settings, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Nothing was handed over: every due row waits for the next attempt, with the reason.
            var error = Describe(ex);
            log.LogWarning("SMTP server {Host}:{Port} not reachable: {Error}", settings.Host, settings.Port, error);
            foreach (var id in due)
            {
                await RetryLaterAsync(db, id, error, permanent: false, ct);
            }

            return 0;
        }

        var sent = 0;
        foreach (var id in due)
        {
            // On shutdown no new row is claimed; one being handed over is finished (bounded by the SMTP timeout).
            if (!smtp.IsConnected || ct.IsCancellationRequested)
            {
                break;
            }

            if (await SendOneAsync(db, smtp, id, settings, ct))
            {
                sent++;
            }
        }

        try
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, ct);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or SmtpCommandException or TimeoutException)
        {
            // The messages are already accepted or recorded; a QUIT that fails changes nothing.
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(AppDbContext db, SmtpClient smtp, long id, MailOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = Holder;
        // The claim: only one sender's update finds the row Pending and due.
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.ClaimedBy, holder).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed != 1)
        {
            return false;
        }

        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, CancellationToken.None);
        MimeMessage message;
        try
        {
            message = Build(row, settings);
        }
        catch (ParseException ex)
        {
            // Nothing can be sent to an address MimeKit cannot read: failed for good, shown to admins.
            await ReleaseAsync(db, row, "Địa chỉ không hợp lệ: " + ex.Message, permanent: true, CancellationToken.None);
            return false;
        }

        string answer;
        try
        {
            answer = await smtp.SendAsync(message, CancellationToken.None);
        }
        catch (SmtpCommandException ex)
        {
            // The server answered a command with an error: it did not take the message (4xx: later; 5xx: never).
            var permanent = (int)ex.StatusCode >= 500;
            await ReleaseAsync(db, row, Describe(ex), permanent, CancellationToken.None);
            return false;
        }
        catch (Exception ex)
        {
            // The connection broke (or timed out) while the message was being handed over: it may have been
            // accepted. At most once: never resent by itself.
            await MarkAsync(db, row.Id, OutboxStatus.Unknown, "Không rõ đã gửi hay chưa: " + Describe(ex), sentAt: null, CancellationToken.None);
            log.LogWarning("Mail {Id} to the SMTP server broke off: {Error}", row.Id, Describe(ex));
            return false;
        }

        // MailKit returns the text of the server's 250 answer to the message.
        await MarkAsync(db, row.Id, OutboxStatus.Sent, Trim("250 " + answer), sentAt: clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        return true;
    }

    /// <summary>Claimed rows are updated only while still Sending and claimed by this sender.</summary>
    private async Task MarkAsync(AppDbContext db, long id, OutboxStatus status, string response, DateTime? sentAt, CancellationToken ct)
    {
        var holder = Holder;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Sending && m.ClaimedBy == holder)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.LastResponse, response).SetProperty(m => m.SentAt, sentAt), ct);
                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database is briefly unavailable: the row stays Sending (never resent) until this update lands.
                await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
            }
        }
    }

    /// <summary>A claimed row whose send was refused: back to Pending (later) or Failed.</summary>
    private async Task ReleaseAsync(AppDbContext db, OutboxMessage row, string error, bool permanent, CancellationToken ct)
    {
        var settings = options.Value;
        var holder = Holder;
        var failed = permanent || row.Attempts >= settings.MaxAttempts;
        var next = clock.GetUtcNow().UtcDateTime + Backoff(row.Attempts, settings);
        await db.OutboxMessages.Where(m => m.Id == row.Id && m.Status == OutboxStatus.Sending && m.ClaimedBy == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastResponse, error), ct);
    }

    /// <summary>A due row that was not claimed because no connection could be made: one attempt more, later.</summary>
    private async Task RetryLaterAsync(AppDbContext db, long id, string error, bool permanent, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Attempts, m.NextAttemptAt, m.Status }).SingleOrDefaultAsync(ct);
        if (row is null || row.Status != OutboxStatus.Pending || row.NextAttemptAt > now)
        {
            return;
        }

        var attempts = row.Attempts + 1;
        var failed = permanent || attempts >= settings.MaxAttempts;
        var next = now + Backoff(attempts, settings);
        var was = row.NextAttemptAt;
        // Conditional on the attempt time read: with several nodes, one of them counts this attempt.
        await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt == was)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastResponse, error).SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending), ct);
    }

    /// <summary>Rows claimed by a sender that never finished (it died): Unknown, for an admin to check.</summary>
    private async Task MarkStaleClaimsAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var stale = now.AddMinutes(-options.Value.ClaimTimeoutMinutes);
        var marked = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Unknown)
                .SetProperty(m => m.LastResponse, "Không rõ đã gửi hay chưa: bộ gửi thư dừng giữa chừng (máy chủ khởi động lại?). Kiểm tra trước khi gửi lại."), ct);
        if (marked > 0)
        {
            log.LogWarning("{Count} outbox messages were claimed by a sender that stopped; marked Unknown (not resent)", marked);
        }
    }

    public static TimeSpan Backoff(int attempts, MailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var seconds = settings.RetrySeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.MaxRetrySeconds));
    }

    private static async Task ConnectAsync(SmtpClient smtp, MailOptions settings, CancellationToken ct)
    {
        var security = !settings.UseTls ? SecureSocketOptions.None
            : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(settings.Host!, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await smtp.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        }
    }

    private static string Describe(Exception ex) => Trim(ex switch
    {
        SmtpCommandException c => $"{(int)c.StatusCode} {c.Message}",
        SocketException s => $"{s.SocketErrorCode}: {s.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    });

    private static string Trim(string text) => text.Length > 1000 ? text[..1000] : text;
}
