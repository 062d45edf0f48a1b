using System.Text;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using MimeKit;
using MimeKit.Text;

namespace KhuyenCong.Web.Services.Mail;

public sealed partial class MailSender
{
    /// <summary>The MIME message of a row: plain text and HTML, UTF-8 quoted-printable, its fixed Message-Id.</summary>
    public static MimeMessage Build(OutboxMessage row, MailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(settings);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        message.Subject = row.Subject;
        message.MessageId = row.MessageId;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (row.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 2369 and RFC 8058: one-click unsubscribe by a POST to the URL, without a page in between.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText(Encoding.UTF8, row.TextBody);
        if (row.HtmlBody is null)
        {
            message.Body = text;
            return message;
        }

        var html = new TextPart(TextFormat.Html) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        html.SetText(Encoding.UTF8, row.HtmlBody);
        message.Body = new MultipartAlternative { text, html };
        return message;
    }
}
