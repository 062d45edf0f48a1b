using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Registrations;

namespace KhuyenCong.Web.Services.Mail;

/// <summary>
/// The messages of a support registration, queued in the transaction of the change: to the enterprise (when it
/// gave an e-mail address) on submission, on every status change and on every public reply; to the staff mailbox on
/// each new registration. Staff mail names no person: the reference, the place and the support asked for.
/// </summary>
public static class RegistrationMails
{
    public static async Task SubmittedAsync(this MailOutbox outbox, Registration registration, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var (reference, received) = (registration.Reference, VietnamTime.DateAndTime(registration.SubmittedAt));
        await ToApplicantAsync(outbox, registration, MailKinds.RegistrationReceived, "da-nhan", $"Đã nhận đăng ký hỗ trợ khuyến công – mã số {reference}",
        [
            $"Trung tâm Khuyến công và Xúc tiến thương mại đã nhận đăng ký hỗ trợ của {registration.EstablishmentName} lúc {received}.",
            "Trong 10 ngày làm việc, cán bộ xem xét đăng ký và gọi điện cho người liên hệ. Mỗi khi hồ sơ chuyển trạng thái hoặc có trả lời của cán bộ, chúng tôi gửi thư báo tới địa chỉ này.",
            "Hãy giữ mã số dưới đây để tra cứu tình trạng hồ sơ bằng mã số và số điện thoại đã đăng ký.",
        ], ct);
        var lines = string.Join("; ", registration.Lines.Select(RegistrationCatalog.LineName));
        await outbox.StaffNoticeAsync(RegistrationCatalog.Triage, registration, MailKinds.RegistrationStaff, $"Đăng ký hỗ trợ mới {reference}",
            [$"Có đăng ký hỗ trợ mới gửi lúc {received}.", $"Nơi sản xuất: {registration.PlaceName}. Nội dung cần hỗ trợ: {lines}."], ct);
    }

    public static Task StatusChangedAsync(this MailOutbox outbox, Registration registration, RegistrationStatus from, RegistrationStatus to, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var r = registration;
        return ToApplicantAsync(outbox, r, MailKinds.RegistrationStatus, "trang-thai:" + Stamp(at), $"Hồ sơ {r.Reference}: chuyển sang “{RegistrationCatalog.StatusName(to)}”",
        [
            $"Hồ sơ đăng ký hỗ trợ {r.Reference} đã chuyển từ “{RegistrationCatalog.StatusName(from)}” sang “{RegistrationCatalog.StatusName(to)}” lúc {VietnamTime.DateAndTime(at)}.",
            "Bạn có thể xem diễn biến của hồ sơ bằng mã số và số điện thoại đã đăng ký.",
        ], ct);
    }

    public static Task RepliedAsync(this MailOutbox outbox, Registration registration, string reply, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var r = registration;
        return ToApplicantAsync(outbox, r, MailKinds.RegistrationReply, "tra-loi:" + Stamp(at), $"Hồ sơ {r.Reference}: trả lời của cán bộ",
            [$"Cán bộ Trung tâm trả lời về hồ sơ đăng ký hỗ trợ {r.Reference} lúc {VietnamTime.DateAndTime(at)}:", reply], ct);
    }

    /// <summary>A message to the applicant about the registration, with its reference and the lookup link.</summary>
    private static Task ToApplicantAsync(MailOutbox outbox, Registration r, string kind, string keySuffix, string subject, IReadOnlyList<string> paragraphs, CancellationToken ct) =>
        outbox.ToPersonAsync(RegistrationCatalog.Triage, r, kind, keySuffix, subject,
            string.IsNullOrWhiteSpace(r.ContactName) ? "Kính gửi quý vị," : $"Kính gửi ông/bà {r.ContactName},", paragraphs, "Tra cứu tình trạng hồ sơ", ct);

    private static string Stamp(DateTime at) => at.ToString("yyyyMMddHHmmssfffffff", System.Globalization.CultureInfo.InvariantCulture);
}
