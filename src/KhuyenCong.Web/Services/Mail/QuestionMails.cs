using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Questions;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>
/// The messages of "Hỏi đáp" and "Góp ý dự thảo", queued in the transaction of the change: to the asker (when an
/// e-mail was given) on receipt and on the answer; to the commenter on the first public reply to their comment; to
/// the staff mailbox on each new question and each new comment. Staff mail names no person: the reference (or the
/// draft), the topic, a link into the editor area.
/// </summary>
public static class QuestionMails
{
    public static string CommentKeyPrefix(Guid key) => $"gop-y:{key:N}:";

    public static async Task QuestionReceivedAsync(this MailOutbox outbox, Question question, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var received = VietnamTime.DateAndTime(question.SubmittedAt);
        await ToAskerAsync(outbox, question, MailKinds.QuestionReceived, "da-nhan", $"Đã nhận câu hỏi – mã số {question.Reference}",
        [
            $"Trung tâm Khuyến công và Xúc tiến thương mại đã nhận câu hỏi “{question.Title}” lúc {received}.",
            "Cán bộ trả lời trong 10 ngày làm việc; khi có câu trả lời, chúng tôi gửi thư báo tới địa chỉ này.",
            "Hãy giữ mã số dưới đây để tra cứu câu hỏi bằng mã số và thư điện tử hoặc số điện thoại đã nhập.",
        ], "Tra cứu câu hỏi", ct);
        await outbox.StaffNoticeAsync(QuestionCatalog.Triage, question, MailKinds.QuestionStaff, $"Câu hỏi mới {question.Reference}",
            [$"Có câu hỏi mới gửi lúc {received}, lĩnh vực: {QuestionCatalog.TopicName(question.Topic)}."], ct);
    }

    public static Task QuestionAnsweredAsync(this MailOutbox outbox, Question question, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var q = question;
        return ToAskerAsync(outbox, q, MailKinds.QuestionAnswered, "tra-loi", $"Câu hỏi {q.Reference} đã có câu trả lời",
        [
            $"Câu hỏi “{q.Title}” của bạn đã được trả lời.",
            "Xem câu trả lời bằng cách tra cứu với mã số dưới đây và thư điện tử hoặc số điện thoại đã nhập.",
        ], "Xem câu trả lời", ct);
    }

    public static async Task CommentReceivedAsync(this MailOutbox outbox, DocumentComment comment, Document document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(document);
        await outbox.AddStaffNoticeAsync(CommentKeyPrefix(comment.IdempotencyKey), MailKinds.CommentStaff, $"Góp ý mới về dự thảo “{document.Title}”",
            [$"Có góp ý mới về dự thảo “{document.Title}” gửi lúc {VietnamTime.DateAndTime(comment.SubmittedAt)}; góp ý chờ duyệt trước khi hiển thị."],
            null, new("Duyệt góp ý", "/quan-tri/gop-y"), ct);
    }

    public static async Task CommentRepliedAsync(this MailOutbox outbox, DocumentComment comment, Document document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(document);
        if (comment.ReplyMarkdown is not { } reply)
        {
            return;
        }

        await outbox.AddToPersonAsync(comment.Email, comment.PersonalDataErasedAt, email => new OutgoingMail
        {
            To = email, Kind = MailKinds.CommentReply, EventKey = CommentKeyPrefix(comment.IdempotencyKey) + "tra-loi",
            Subject = $"Trả lời góp ý của bạn về dự thảo “{document.Title}”",
            Greeting = string.IsNullOrWhiteSpace(comment.Name) ? null : $"Kính gửi ông/bà {comment.Name},",
            Paragraphs =
            [
                $"Cơ quan soạn thảo đã trả lời góp ý của bạn gửi lúc {VietnamTime.DateAndTime(comment.SubmittedAt)} về dự thảo “{document.Title}”:",
                reply,
                "Góp ý và trả lời được đăng trên trang dự thảo (không kèm họ tên và thư điện tử của bạn).",
            ],
            Links = [new("Xem góp ý và trả lời", $"{SiteUrls.Document(document.Slug)}#gop-y-{comment.Id}")],
        }, ct);
    }

    /// <summary>A message to the asker about the question, with its reference and the lookup link.</summary>
    private static Task ToAskerAsync(MailOutbox outbox, Question q, string kind, string keySuffix, string subject, IReadOnlyList<string> paragraphs, string linkText, CancellationToken ct) =>
        outbox.ToPersonAsync(QuestionCatalog.Triage, q, kind, keySuffix, subject, $"Kính gửi ông/bà {q.AskerName},", paragraphs, linkText, ct);
}
