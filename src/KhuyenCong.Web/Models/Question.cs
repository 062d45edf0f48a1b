namespace KhuyenCong.Web.Models;

/// <summary>Where a question is in the staff workflow.</summary>
public enum QuestionStatus
{
    Received = 0,
    InProgress = 1,
    Answered = 2,
    Published = 3,
    Closed = 4,
}

/// <summary>
/// A question asked through the public form ("Hỏi đáp"): the asker's personal data and the staff workflow. It is
/// never shown publicly itself: publishing creates or updates a <see cref="QaItem"/> without any personal data.
/// Personal fields are nullable because the retention job (or a request from the person) erases them.
/// </summary>
public class Question : TriageRecord<QuestionStatus, QuestionEventKind, QuestionEvent>
{
    /// <summary>Programme content 1–6 (decision 1625/QĐ-UBND), 0 = "Khác".</summary>
    public int Topic { get; set; }

    // What was asked and who asked (with the contacts): personal data, erased after the retention period or on request.
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? AskerName { get; set; }
    public string? Organisation { get; set; }

    /// <summary>The asker agreed that the question may be published without personal data.</summary>
    public bool ConsentPublish { get; set; }

    /// <summary>The public answer (Markdown), rendered through the content sanitiser.</summary>
    public string AnswerMarkdown { get; set; } = "";
    public string AnswerHtml { get; set; } = "";
    public DateTime? AnsweredAt { get; set; }

    /// <summary>The published item made from this question, once published.</summary>
    public int? QaItemId { get; set; }

    /// <summary>What was asked and who asked (the topic, dates and status stay for statistics).</summary>
    protected override void ClearPersonalFields()
    {
        Title = null;
        Text = null;
        AskerName = null;
        Organisation = null;
    }
}

public enum QuestionEventKind
{
    Submitted = 0,
    StatusChanged = 1,
    InternalNote = 2,
    Answered = 3,
    Assigned = 4,
    Exported = 5,
    Erased = 6,
    Published = 7,
}

/// <summary>The history of a question: status changes, notes, the answer, assignment, exports, erasure.</summary>
public class QuestionEvent : TriageEvent<QuestionStatus, QuestionEventKind>
{
    public long QuestionId { get; set; }
    public Question? Question { get; set; }
}
