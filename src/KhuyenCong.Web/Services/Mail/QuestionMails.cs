using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Questions;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>
/// The messages of "Hỏi đáp" and "Góp ý dự thảo", queued in the transaction of the change: to the asker (when an
/// e-mail was given) on receipt and on the answer; to the staff mailbox on each new question and each new comment.
/// Staff mail names no person: the reference (or the draft), the topic, a link into the editor area.
/// </summary>
public static class QuestionMails
{
    /// <summary>Every event key of a question starts with this (erasing the person's data removes its mail).</summary>
    public static string KeyPrefix(string reference) => $"hoi-dap:{reference}:";

    public static string CommentKeyPrefix(Guid key) => $"gop-y:{key:N}:";

    public static async Task QuestionReceivedAsync(this MailOutbox outbox, Question question, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(question);
        var q = question;
        var key = KeyPrefix(q.Reference) + "da-nhan";
        if (q.Email is { } email)
        {
            await outbox.AddAsync(new OutgoingMail
            {
                To = email, Kind = MailKinds.QuestionReceived, EventKey = key,
                Subject = $"Đã nhận câu hỏi – mã số {q.Reference}",
                Greeting = $"Kính gửi ông/bà {q.AskerName},",
                Paragraphs =
                [
                    $"Trung tâm Khuyến công và Xúc tiến thương mại đã nhận câu hỏi “{q.Title}” lúc {VietnamTime.DateAndTime(q.SubmittedAt)}.",
                    "Cán bộ trả lời trong 10 ngày làm việc; khi có câu trả lời, chúng tôi gửi thư báo tới địa chỉ này.",
                    "Hãy giữ mã số dưới đây để tra cứu câu hỏi bằng mã số và thư điện tử hoặc số điện thoại đã nhập.",
                ],
                Reference = q.Reference,
                Links = [new("Tra cứu câu hỏi", "/hoi-dap/tra-cuu")],
            }, ct);
        }

        if (outbox.StaffAddress is { } staff)
        {
            await outbox.AddAsync(new OutgoingMail
            {
                To = staff, Kind = MailKinds.QuestionStaff, EventKey = key,
                Subject = $"Câu hỏi mới {q.Reference}",
                Greeting = "Kính gửi cán bộ Trung tâm,",
                Paragraphs =
                [
                    $"Có câu hỏi mới gửi lúc {VietnamTime.DateAndTime(q.SubmittedAt)}, lĩnh vực: {QuestionCatalog.TopicName(q.Topic)}.",
                    "Nội dung và thông tin của người hỏi chỉ xem được trong trang quản trị.",
                ],
                Reference = q.Reference,
                Links = [new("Mở câu hỏi trong trang quản trị", "/quan-tri/cau-hoi?q=" + Uri.EscapeDataString(q.Reference))],
            }, ct);
        }
    }

    public static async Task QuestionAnsweredAsync(this MailOutbox outbox, Question question, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(question);
        var q = question;
        if (q.Email is not { } email || q.PersonalDataErasedAt is not null)
        {
            return;
        }

        await outbox.AddAsync(new OutgoingMail
        {
            To = email, Kind = MailKinds.QuestionAnswered, EventKey = KeyPrefix(q.Reference) + "tra-loi",
            Subject = $"Câu hỏi {q.Reference} đã có câu trả lời",
            Greeting = $"Kính gửi ông/bà {q.AskerName},",
            Paragraphs =
            [
                $"Câu hỏi “{q.Title}” của bạn đã được trả lời.",
                "Xem câu trả lời bằng cách tra cứu với mã số dưới đây và thư điện tử hoặc số điện thoại đã nhập.",
            ],
            Reference = q.Reference,
            Links = [new("Xem câu trả lời", "/hoi-dap/tra-cuu")],
        }, ct);
    }

    public static async Task CommentReceivedAsync(this MailOutbox outbox, DocumentComment comment, Document document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(document);
        if (outbox.StaffAddress is not { } staff)
        {
            return;
        }

        await outbox.AddAsync(new OutgoingMail
        {
            To = staff, Kind = MailKinds.CommentStaff, EventKey = CommentKeyPrefix(comment.IdempotencyKey) + "da-nhan",
            Subject = $"Góp ý mới về dự thảo “{document.Title}”",
            Greeting = "Kính gửi cán bộ Trung tâm,",
            Paragraphs =
            [
                $"Có góp ý mới về dự thảo “{document.Title}” gửi lúc {VietnamTime.DateAndTime(comment.SubmittedAt)}; góp ý chờ duyệt trước khi hiển thị.",
                "Thông tin của người góp ý chỉ xem được trong trang quản trị.",
            ],
            Links = [new("Duyệt góp ý", "/quan-tri/gop-y")],
        }, ct);
    }

    public static async Task CommentRepliedAsync(this MailOutbox outbox, DocumentComment comment, Document document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(document);
        if (comment.Email is not { } email || comment.PersonalDataErasedAt is not null || comment.ReplyMarkdown is not { } reply)
        {
            return;
        }

        await outbox.AddAsync(new OutgoingMail
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
}
