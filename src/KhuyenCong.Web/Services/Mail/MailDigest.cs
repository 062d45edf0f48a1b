using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>
/// The digests of "Nhận tin qua e-mail", once per cluster (the "mail-digest" lease): every confirmed subscriber
/// whose day (or week) has passed since the last digest gets, through the outbox, the items published since then
/// in what they chose; nothing is sent when nothing is new. The same pass deletes unconfirmed requests past their
/// time and outbox rows past <see cref="MailOptions.KeepDays"/>.
/// </summary>
public sealed class MailDigest(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, JobLeases leases, ILogger<MailDigest> log)
    : PeriodicJob(clock, leases, log)
{
    private const int MaxItems = 50;

    protected override bool Enabled => options.Value.Enabled;
    protected override TimeSpan Period => TimeSpan.FromMinutes(options.Value.DigestCheckMinutes);
    protected override string LeaseName => JobLeases.MailDigest;
    protected override Task<int> PassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>How long a subscriber waits between two digests.</summary>
    public static TimeSpan Window(DigestFrequency frequency) => frequency == DigestFrequency.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    /// <summary>One pass; returns how many digests were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var now = Clock.GetUtcNow().UtcDateTime;
        await HousekeepAsync(db, now, ct);

        var daily = now - Window(DigestFrequency.Daily);
        var weekly = now - Window(DigestFrequency.Weekly);
        var due = await db.MailSubscribers.AsNoTracking()
            .Where(s => s.ConfirmedAt != null && s.LastDigestAt != null
                && ((s.Frequency == DigestFrequency.Daily && s.LastDigestAt <= daily) || (s.Frequency == DigestFrequency.Weekly && s.LastDigestAt <= weekly)))
            .OrderBy(s => s.Id).Take(1000).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // What went live since the oldest due subscriber's last digest, read once for every subscriber.
        var since = due.Min(s => s.LastDigestAt!.Value);
        var articles = await db.Articles.AsNoTracking().Published(now).Where(a => a.WentLiveAt > since && a.WentLiveAt <= now && a.Topic != null)
            .OrderByDescending(a => a.WentLiveAt).Take(500)
            .Select(a => new Item(a.Title, SiteUrls.Article(a.Slug), a.WentLiveAt!.Value, a.Topic!.Slug, a.Topic!.Name)).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Published(now).Where(d => d.WentLiveAt > since && d.WentLiveAt <= now)
            .OrderByDescending(d => d.WentLiveAt).Take(MaxItems)
            .Select(d => new Item(d.Title, SiteUrls.Document(d.Slug), d.WentLiveAt!.Value, null, null)).ToListAsync(ct);
        var fairs = await db.Fairs.AsNoTracking().Published(now).Where(f => f.WentLiveAt > since && f.WentLiveAt <= now)
            .OrderByDescending(f => f.WentLiveAt).Take(MaxItems)
            .Select(f => new Item(f.Title, SiteUrls.Fair(f.Slug), f.WentLiveAt!.Value, null, null)).ToListAsync(ct);

        var queued = 0;
        foreach (var subscriber in due)
        {
            var from = subscriber.LastDigestAt!.Value;
            var topics = subscriber.TopicSlugs.ToHashSet(StringComparer.Ordinal);
            var sections = new List<MailSection>();
            var newArticles = articles.Where(a => a.At > from && topics.Contains(a.TopicSlug!)).Take(MaxItems).ToList();
            if (newArticles.Count > 0)
            {
                sections.Add(new("Tin bài mới", newArticles.Select(a => new MailLink($"{a.Title} ({a.TopicName})", a.Path)).ToList()));
            }

            var newDocuments = subscriber.Documents ? documents.Where(d => d.At > from).ToList() : [];
            if (newDocuments.Count > 0)
            {
                sections.Add(new("Văn bản chính sách mới", newDocuments.Select(d => new MailLink(d.Title, d.Path)).ToList()));
            }

            var newFairs = subscriber.Fairs ? fairs.Where(f => f.At > from).ToList() : [];
            if (newFairs.Count > 0)
            {
                sections.Add(new("Hội chợ, triển lãm mới", newFairs.Select(f => new MailLink(f.Title, f.Path)).ToList()));
            }

            try
            {
                db.ChangeTracker.Clear();
                var row = db.MailSubscribers.Attach(subscriber).Entity;
                var count = sections.Sum(s => s.Links.Count);
                if (count > 0)
                {
                    // The window's start names the event: two passes over the same window queue one digest.
                    var added = await outbox.AddAsync(new OutgoingMail
                    {
                        To = subscriber.Email, Kind = MailKinds.Digest,
                        EventKey = $"nhan-tin:{subscriber.Key:N}:ban-tin:{from:yyyyMMddHHmmssfffffff}",
                        Subject = $"Tin mới {(subscriber.Frequency == DigestFrequency.Weekly ? "trong tuần" : "trong ngày")}: {count} nội dung mới",
                        Paragraphs =
                        [
                            $"Đây là những nội dung mới đăng từ {VietnamTime.DateAndTime(from)} đến {VietnamTime.DateAndTime(now)} theo lựa chọn nhận tin {(subscriber.Frequency == DigestFrequency.Weekly ? "hằng tuần" : "hằng ngày")} của bạn.",
                        ],
                        Sections = sections,
                        Links = [new("Thay đổi lựa chọn nhận tin", MailSubscriptions.Path)],
                        UnsubscribeUrl = outbox.Absolute(MailSubscriptions.UnsubscribePath + subscriber.UnsubscribeToken),
                    }, ct);
                    queued += added is null ? 0 : 1;
                }

                // The window is examined: the next digest covers what comes after it (nothing new = nothing sent).
                row.LastDigestAt = now;
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // Another pass queued this window (or the subscriber left meanwhile): nothing more to do here.
                log.LogInformation("Digest of subscriber {Id} skipped: {Error}", subscriber.Id, ex.InnerException?.Message ?? ex.Message);
            }
        }

        return queued;
    }

    private async Task HousekeepAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var unconfirmed = now.AddDays(-options.Value.ConfirmDays);
        await db.MailSubscribers.Where(s => s.ConfirmedAt == null && s.CreatedAt <= unconfirmed).ExecuteDeleteAsync(ct);
        var old = now.AddDays(-options.Value.KeepDays);
        await db.OutboxMessages.Where(m => m.CreatedAt <= old && (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Cancelled))
            .ExecuteDeleteAsync(ct);
    }

    private sealed record Item(string Title, string Path, DateTime At, string? TopicSlug, string? TopicName);
}
