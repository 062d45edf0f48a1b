namespace KhuyenCong.Web.Models;

/// <summary>
/// The history kinds a question and a registration share. Each record keeps its own kind enum (a question is
/// "answered" and "published", a registration gets "public replies"), but these have the same name and number in
/// both, so shared code names them once (a test checks the names and numbers agree).
/// </summary>
public enum TriageEventKind
{
    Submitted = 0,
    StatusChanged = 1,
    InternalNote = 2,
    Assigned = 4,
    Exported = 5,
    Erased = 6,
}

/// <summary>What shared code (staff pages, mail, retention) uses of any triage record, whatever its status and event types.</summary>
public interface ITriageRecord
{
    long Id { get; }
    string Reference { get; }
    DateTime SubmittedAt { get; }
    DateTime UpdatedAt { get; set; }
    string? Email { get; }
    DateTime? PersonalDataErasedAt { get; }
    string? AssignedToId { get; set; }
    string? AssignedToName { get; set; }

    /// <summary>Adds an event of a kind both records share to the history.</summary>
    void AddEvent(TriageEventKind kind, DateTime at, string actor, string? text = null);

    /// <summary>Clears the person's data; the erasure is the last event, with its reason.</summary>
    void ErasePersonalData(DateTime at, string actor, string reason);
}

/// <summary>A triage record with its status type.</summary>
public interface ITriageRecord<TStatus> : ITriageRecord
    where TStatus : struct, Enum
{
    TStatus Status { get; }

    /// <summary>Moves to <paramref name="status"/>, with the change in the history.</summary>
    void MoveTo(TStatus status, DateTime at, string actor);
}

/// <summary>
/// What a question ("Hỏi đáp") and a support registration share: the yearly reference, the idempotency key, the
/// status workflow, consent, the erasure of the person's data, the assignee and the history. A plain base class,
/// not an entity type: EF Core maps its properties into each derived entity's own table, exactly as when each
/// entity declared them itself (no schema change).
/// </summary>
public abstract class TriageRecord<TStatus, TKind, TEvent> : ITriageRecord<TStatus>
    where TStatus : struct, Enum
    where TKind : struct, Enum
    where TEvent : TriageEvent<TStatus, TKind>, new()
{
    public long Id { get; set; }
    /// <summary>"KC-2026-000123" or "HD-2026-000123": year of submission (Vietnam time) and a number counted per year.</summary>
    public required string Reference { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    /// <summary>Generated with the form; a retried or double submission carries the same key and is stored once.</summary>
    public Guid IdempotencyKey { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public TStatus Status { get; set; }

    /// <summary>Digits only, "0912345678"; personal data, erased after the retention period or on request.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public required string ConsentVersion { get; set; }
    public DateTime ConsentAt { get; set; }
    public DateTime? PersonalDataErasedAt { get; set; }

    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }

    public List<TEvent> Events { get; set; } = [];

    /// <summary>Adds an event of its own kind to the history and returns it.</summary>
    public TEvent AddEvent(TKind kind, DateTime at, string actor, string? text = null, TStatus? from = null, TStatus? to = null)
    {
        var e = new TEvent { At = at, Actor = actor, Kind = kind, Text = text, FromStatus = from, ToStatus = to };
        Events.Add(e);
        return e;
    }

    /// <summary>Adds an event of a kind both records share (same name and number in <typeparamref name="TKind"/>).</summary>
    public TEvent AddEvent(TriageEventKind kind, DateTime at, string actor, string? text = null, TStatus? from = null, TStatus? to = null) =>
        AddEvent((TKind)Enum.ToObject(typeof(TKind), (int)kind), at, actor, text, from, to);

    void ITriageRecord.AddEvent(TriageEventKind kind, DateTime at, string actor, string? text) => AddEvent(kind, at, actor, text);

    /// <summary>Moves to <paramref name="status"/>, with the change in the history.</summary>
    public void MoveTo(TStatus status, DateTime at, string actor)
    {
        AddEvent(TriageEventKind.StatusChanged, at, actor, from: Status, to: status);
        Status = status;
        UpdatedAt = at;
    }

    /// <summary>
    /// Clears the person's data (<see cref="ClearPersonalFields"/>, the contacts, the texts of the history); what is
    /// left stays for statistics. The erasure itself is the last event, with its reason.
    /// </summary>
    public void ErasePersonalData(DateTime at, string actor, string reason)
    {
        ClearPersonalFields();
        Phone = null;
        Email = null;
        PersonalDataErasedAt = at;
        UpdatedAt = at;
        foreach (var e in Events)
        {
            e.Text = null;
        }

        AddEvent(TriageEventKind.Erased, at, actor, reason);
    }

    /// <summary>Clears the record's own personal fields (the contacts are cleared by <see cref="ErasePersonalData"/>).</summary>
    protected abstract void ClearPersonalFields();
}

/// <summary>One line of a triage record's history: who did what when, a status change, a text.</summary>
public abstract class TriageEvent<TStatus, TKind>
    where TStatus : struct, Enum
    where TKind : struct, Enum
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public TKind Kind { get; set; }
    public TStatus? FromStatus { get; set; }
    public TStatus? ToStatus { get; set; }
    /// <summary>Note or reply text; erased with the personal data.</summary>
    public string? Text { get; set; }
}
