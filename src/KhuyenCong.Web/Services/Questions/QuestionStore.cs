using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.DataProtection;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Questions;

/// <summary>
/// Questions: the form ticket (idempotency key and start time, protected so neither can be forged), the one
/// transaction that stores a question, the public lookup, publishing as a <see cref="QaItem"/> and erasure.
/// </summary>
public sealed class QuestionStore(AppDbContext db, TimeProvider clock, IDataProtectionProvider protection, Mail.MailOutbox mail)
{
    private IDataProtector Protector => protection.CreateProtector("KhuyenCong.Questions.FormTicket");

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new ticket for a freshly shown form: its key makes a double submission one question.</summary>
    public string NewTicket() =>
        Protector.Protect(Guid.NewGuid().ToString("N") + "|" + Now.Ticks.ToString(CultureInfo.InvariantCulture));

    /// <summary>The key and start time of a posted ticket, or null when it is missing, forged or from another site.</summary>
    public (Guid Key, DateTime StartedAt)? ReadTicket(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(ticket).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var key)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 && ticks < DateTime.MaxValue.Ticks
                ? (key, new DateTime(ticks, DateTimeKind.Utc))
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores the question in one transaction, numbered per year; a key already stored returns the stored question
    /// instead of a second copy.
    /// </summary>
    public async Task<Question> SubmitAsync(AskForm.Clean form, Guid key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var existing = await db.Questions.FirstOrDefaultAsync(q => q.IdempotencyKey == key, ct);
                if (existing is not null)
                {
                    await tx.CommitAsync(ct);
                    return existing;
                }

                var now = Now;
                var year = VietnamTime.ToLocal(now).Year;
                var number = (await db.Questions.Where(q => q.Year == year).MaxAsync(q => (int?)q.Number, ct) ?? 0) + 1;
                var question = new Question
                {
                    Reference = QuestionCatalog.Triage.Format(year, number), Year = year, Number = number, IdempotencyKey = key,
                    SubmittedAt = now, UpdatedAt = now, Status = QuestionStatus.Received, Topic = form.Topic,
                    Title = form.Title, Text = form.Text, AskerName = form.Name, Organisation = form.Organisation,
                    Email = form.Email, Phone = form.Phone, ConsentPublish = form.ConsentPublish,
                    ConsentVersion = QuestionCatalog.ConsentVersion, ConsentAt = now,
                };
                question.AddEvent(TriageEventKind.Submitted, now, "người hỏi", to: QuestionStatus.Received);
                db.Questions.Add(question);
                // The confirmation to the asker and the notice to staff commit with the question, or not at all.
                await mail.QuestionReceivedAsync(question, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return question;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent submission with the same key (or year number) won: look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Question?> FindAsync(long id, CancellationToken ct = default) =>
        db.Questions.Include(q => q.Events.OrderBy(e => e.At).ThenBy(e => e.Id)).FirstOrDefaultAsync(q => q.Id == id, ct);

    public Task<Question?> FindByReferenceAsync(string reference, CancellationToken ct = default) =>
        db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Reference == reference, ct);

    /// <summary>
    /// The public lookup by reference and the e-mail or phone given with the question: null both when the
    /// reference is unknown and when the contact does not match (compared in constant time).
    /// </summary>
    public async Task<Question?> LookupAsync(string reference, string contact, CancellationToken ct = default)
    {
        var question = await db.Questions.AsNoTracking()
            .Include(q => q.Events.Where(e => e.Kind == QuestionEventKind.Submitted || e.Kind == QuestionEventKind.StatusChanged
                || e.Kind == QuestionEventKind.Answered || e.Kind == QuestionEventKind.Published).OrderBy(e => e.At).ThenBy(e => e.Id))
            .FirstOrDefaultAsync(q => q.Reference == reference, ct);
        var byEmail = contact.Contains('@', StringComparison.Ordinal);
        var stored = (byEmail ? question?.Email : question?.Phone) ?? "";
        var match = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes("x" + stored)), SHA256.HashData(Encoding.UTF8.GetBytes("x" + contact)));
        return question is not null && stored.Length > 0 && match ? question : null;
    }

    /// <summary>Erases the questions older than the retention period (the registration's); returns how many.</summary>
    public static async Task<int> EraseExpiredAsync(AppDbContext db, AuditLog audit, DateTime now, int retentionDays, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var erased = await Triage.EraseExpiredAsync(db, audit, QuestionCatalog.Triage, db.Questions, now, retentionDays, ct);
        var cutoff = now.AddDays(-retentionDays);

        // Comments on draft documents: who commented is erased; the text stays for the summary.
        var comments = await db.DocumentComments.Where(c => c.PersonalDataErasedAt == null && c.SubmittedAt < cutoff).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
        foreach (var comment in comments)
        {
            Pages.Admin.Comments.IndexModel.Erase(comment, now);
            await MailOutbox.ForgetAsync(db, QuestionMails.CommentKeyPrefix(comment.IdempotencyKey), ct);
            audit.Add("comment-erase-retention", nameof(DocumentComment), comment.Id.ToString(CultureInfo.InvariantCulture), $"Hết thời hạn lưu trữ {retentionDays} ngày", actor: "hệ thống");
        }

        if (erased > 0 || comments.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return erased;
    }

    /// <summary>Contact check used by the lookup form: an e-mail (lower case) or a phone as 10–11 digits.</summary>
    public static bool TryContact(string? raw, out string contact)
    {
        contact = "";
        var text = (raw ?? "").Trim();
        if (text.Length is 0 or > 200)
        {
            return false;
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            contact = text.ToLowerInvariant();
            return FormText.LooksLikeEmail(contact);
        }

        return FormText.TryPhone(text, out contact);
    }
}
