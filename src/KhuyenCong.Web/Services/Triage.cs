using System.Text.RegularExpressions;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Mail;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services;

/// <summary>
/// How one kind of triage record (a question, a registration) is named and handled by the code the two share: its
/// audit codes ("{Code}-status", "{Code}-note", …), the entity name in the audit, its Vietnamese noun
/// ("câu hỏi", "hồ sơ") and person ("người hỏi"), its reference ("HD-2026-000123"), its editor-area path, its
/// statuses, how its mail is keyed (<see cref="KeyPrefix"/>) and its public lookup page.
/// </summary>
public sealed record TriageType<TStatus>(
    string ReferencePrefix,
    string Code,
    string EntityName,
    string Noun,
    string Person,
    string AdminPath,
    Func<TStatus, string> StatusName,
    IReadOnlyDictionary<TStatus, TStatus[]> NextStatuses,
    string MailKey,
    string LookupPage)
    where TStatus : struct, Enum
{
    /// <summary>Every mail event key of the record starts with this (erasing the person's data removes its mail).</summary>
    public string KeyPrefix(string reference) => $"{MailKey}:{reference}:";

    /// <summary>The public lookup with the reference filled in (the person's contact is still asked).</summary>
    public string LookupPath(string reference) => LookupPage + "?ma-so=" + Uri.EscapeDataString(reference);

    private readonly Regex referenceShape = new($@"^{ReferencePrefix}-\d{{4}}-\d{{6}}$", RegexOptions.CultureInvariant);

    /// <summary>"KC-2026-000123": the prefix, the year of submission (Vietnam time) and a number counted per year.</summary>
    public string Format(int year, int number) => $"{ReferencePrefix}-{year}-{number:000000}";

    /// <summary>A typed or linked reference, trimmed and in upper case; null unless it has the shape of one.</summary>
    public string? ParseReference(string? raw)
    {
        var given = (raw ?? "").Trim().ToUpperInvariant();
        return given.Length <= 20 && referenceShape.IsMatch(given) ? given : null;
    }

    /// <summary>The lookup's message for a reference that is missing or not of the shape of one; null when it is fine.</summary>
    public string? ReferenceProblem(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? $"Nhập mã số {Noun}." : ParseReference(raw) is null ? $"Mã số {Noun} có dạng {Format(2026, 123)}." : null;

    /// <summary>The noun at the start of a sentence or title: "Câu hỏi", "Hồ sơ".</summary>
    public string Title => char.ToUpperInvariant(Noun[0]) + Noun[1..];
}

/// <summary>What the staff pages and the retention job do alike to any triage record.</summary>
public static class Triage
{
    /// <summary>
    /// Erases the person's data of <paramref name="record"/> and the mail about it (unsent mail is not sent), audited
    /// as "{Code}-erase-{<paramref name="auditSuffix"/>}" by <paramref name="actor"/>; saved with the caller's changes.
    /// </summary>
    public static async Task EraseAsync<TStatus>(AppDbContext db, AuditLog audit, TriageType<TStatus> type, ITriageRecord record,
        DateTime now, string actor, string reason, string auditSuffix, CancellationToken ct)
        where TStatus : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(record);
        record.ErasePersonalData(now, actor, reason);
        await MailOutbox.ForgetAsync(db, type.KeyPrefix(record.Reference), ct);
        audit.Add($"{type.Code}-erase-{auditSuffix}", type.EntityName, record.Reference, reason, actor: actor);
    }

    /// <summary>
    /// Erases the records of <paramref name="set"/> submitted more than <paramref name="retentionDays"/> ago and not yet
    /// erased (500 a pass, oldest first), as the system; returns how many. Saved with the caller's changes.
    /// </summary>
    public static async Task<int> EraseExpiredAsync<TRecord, TStatus>(AppDbContext db, AuditLog audit, TriageType<TStatus> type, IQueryable<TRecord> set,
        DateTime now, int retentionDays, CancellationToken ct)
        where TRecord : class, ITriageRecord<TStatus>
        where TStatus : struct, Enum
    {
        var cutoff = now.AddDays(-retentionDays);
        var due = await set.Include("Events") // the history, whose texts are erased too
            .Where(r => r.PersonalDataErasedAt == null && r.SubmittedAt < cutoff).OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        foreach (var record in due)
        {
            await EraseAsync(db, audit, type, record, now, "hệ thống", $"Hết thời hạn lưu trữ {retentionDays} ngày", "retention", ct);
        }

        return due.Count;
    }
}
