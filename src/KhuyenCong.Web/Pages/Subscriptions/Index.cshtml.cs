using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

// Over 150 lines: the public subscription form with its anti-spam (honeypot, fill time, per-IP limit) and choices of
// topics, documents and fairs, all checked in its one POST handler.
namespace KhuyenCong.Web.Pages.Subscriptions;

/// <summary>
/// "Nhận tin qua e-mail": the subscription form (topics of articles, new documents, fairs; daily or weekly; consent),
/// with the registration's anti-spam: a honeypot, a minimum fill time (the time the form was shown, protected in a
/// hidden field) and a per-IP limit on posts. Works without JavaScript; a success redirects to the "check your
/// mailbox" page, with the same words whatever the address's state.
/// </summary>
[EnableRateLimiting(MailOptions.SubscribeRateLimit)]
public class IndexModel(AppDbContext db, MailSubscriptions subscriptions, MailOutbox outbox, IDataProtectionProvider protection, TimeProvider clock, IOptions<MailOptions> options) : SitePageModel
{
    public const string Title = "Nhận tin qua thư điện tử";

    [BindProperty(Name = "thu-dien-tu")] public string? Email { get; set; }
    [BindProperty(Name = "chuyen-muc")] public List<string> Topics { get; set; } = [];
    [BindProperty(Name = "van-ban")] public string? Documents { get; set; }
    [BindProperty(Name = "hoi-cho")] public string? Fairs { get; set; }
    [BindProperty(Name = "tan-suat")] public string? Frequency { get; set; }
    [BindProperty(Name = "dong-y")] public string? Consent { get; set; }
    [BindProperty(Name = "website")] public string? Website { get; set; }
    [BindProperty(Name = "bat-dau")] public string? Started { get; set; }

    public bool MailOn => outbox.Enabled;
    public IReadOnlyList<(string Slug, string Name)> TopicChoices { get; private set; } = [];

    private IDataProtector Protector => protection.CreateProtector("KhuyenCong.Mail.SubscribeForm");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        Frequency ??= "hang-tuan";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        // The page shows the posted values from the properties; the summary lists errors in the form's order.
        ModelState.Clear();
        if (!MailOn)
        {
            return Refuse("Trang hiện chưa gửi được thư điện tử nên chưa nhận đăng ký nhận tin. Bạn có thể theo dõi tin mới qua RSS.");
        }

        if (!string.IsNullOrEmpty(Website))
        {
            return Refuse("Ô dành cho máy đã được điền nên yêu cầu không được tiếp nhận. Nếu bạn là người điền, hãy để trống ô đó và gửi lại.");
        }

        if (!TryStarted(out var started))
        {
            return Refuse("Biểu mẫu đã cũ hoặc không đọc được. Vui lòng tải lại trang và điền lại.");
        }

        if (clock.GetUtcNow().UtcDateTime - started < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return Refuse("Biểu mẫu được gửi nhanh hơn thời gian cần để đọc và điền, nên chưa được tiếp nhận. Vui lòng kiểm tra lại rồi bấm “Đăng ký nhận tin” lần nữa.");
        }

        var problem = FormText.Clean(Email, "Thư điện tử", 254, false, out var email);
        if (problem is not null)
        {
            ModelState.AddModelError("thu-dien-tu", problem);
        }
        else if (email.Length == 0)
        {
            ModelState.AddModelError("thu-dien-tu", "Nhập địa chỉ thư điện tử sẽ nhận tin.");
        }
        else if (!MailOutbox.IsAddress(email))
        {
            ModelState.AddModelError("thu-dien-tu", "Địa chỉ thư điện tử không đúng dạng, ví dụ ten@example.com.");
        }

        var known = TopicChoices.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var topics = Topics.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).ToList();
        if (topics.Count > known.Count || topics.Any(t => !known.Contains(t)))
        {
            ModelState.AddModelError("chuyen-muc", "Chọn chuyên mục trong danh sách.");
        }
        else if (topics.Count == 0 && Documents != "co" && Fairs != "co")
        {
            ModelState.AddModelError("chuyen-muc", "Chọn ít nhất một loại tin muốn nhận.");
        }

        if ((Documents is not (null or "co")) || (Fairs is not (null or "co")))
        {
            ModelState.AddModelError("chuyen-muc", "Chọn loại tin trong danh sách.");
        }

        DigestFrequency? frequency = Frequency switch { "hang-ngay" => DigestFrequency.Daily, "hang-tuan" => DigestFrequency.Weekly, _ => null };
        if (frequency is null)
        {
            ModelState.AddModelError("tan-suat", "Chọn nhận tin hằng ngày hoặc hằng tuần.");
        }

        if (Consent != "co")
        {
            ModelState.AddModelError("dong-y", "Đánh dấu ô đồng ý để nhận tin qua thư điện tử.");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        await subscriptions.SubscribeAsync(email, topics, Documents == "co", Fairs == "co", frequency!.Value, ct);
        return Redirect(MailSubscriptions.Path + "/da-gui");
    }

    /// <summary>The form's start time for the minimum fill time, protected so it cannot be made up.</summary>
    public string StartedToken => Protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    private bool TryStarted(out DateTime started)
    {
        started = default;
        if (Started is not { Length: > 0 and < 1000 })
        {
            return false;
        }

        try
        {
            var ticks = long.Parse(Protector.Unprotect(Started), NumberStyles.None, CultureInfo.InvariantCulture);
            started = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public bool Chosen(string slug) => Topics.Contains(slug);

    private async Task PrepareAsync(CancellationToken ct)
    {
        PageTitle = Title;
        CanonicalPath = MailSubscriptions.Path;
        MetaDescription = "Đăng ký nhận tin mới của trang qua thư điện tử: tin bài theo chuyên mục, văn bản chính sách, hội chợ; hằng ngày hoặc hằng tuần.";
        Breadcrumbs.Add((Title, null));
        TopicChoices = (await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new { t.Slug, t.Name }).ToListAsync(ct))
            .Select(t => (t.Slug, t.Name)).ToList();
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Invalid();
    }

    private PageResult Invalid()
    {
        MarkRefused();
        return Page();
    }
}
