using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>Shared by the form's pages: the draft, the problem message shown instead of a form, breadcrumbs.</summary>
public abstract class RegistrationPageModel(RegistrationStore store) : SitePageModel
{
    public const string Start = "/dang-ky-ho-tro";
    public const string SentPath = Start + "/da-gui";
    public const string IneligiblePath = Start + "/khong-du-dieu-kien";

    public static string StepPath(string step) => Start + "/" + step;

    protected RegistrationStore Store { get; } = store;

    public Draft? Draft { get; protected set; }

    public string? ProblemHeading { get; private set; }
    public string? ProblemText { get; private set; }
    public string? ProblemLink { get; private set; }
    public string? ProblemLinkText { get; private set; }

    protected void Describe(string title)
    {
        PageTitle = title;
        Section = "register";
        Breadcrumbs.Add(("Đăng ký hỗ trợ", Start));
        Breadcrumbs.Add((title, null));
    }

    /// <summary>Answers a refused request with a Vietnamese explanation and a way on, in the page's layout.</summary>
    protected IActionResult Problem(int status, string heading, string text, string link = Start, string linkText = "Về trang đăng ký hỗ trợ")
    {
        (ProblemHeading, ProblemText, ProblemLink, ProblemLinkText) = (heading, text, link, linkText);
        MarkRefused(status, heading);
        Breadcrumbs.Clear();
        Breadcrumbs.Add(("Đăng ký hỗ trợ", Start));
        return Page();
    }

    protected IActionResult NoDraft() => Problem(StatusCodes.Status400BadRequest, "Không tìm thấy đơn đang điền",
        "Có thể phiên điền đơn đã hết hạn hoặc trình duyệt đã xóa cookie. Vui lòng bắt đầu lại từ trang đăng ký.", Start, "Bắt đầu lại");

    protected IActionResult Expired() => Problem(StatusCodes.Status400BadRequest, "Phiên điền đơn đã hết hạn",
        "Để bảo vệ thông tin của bạn, đơn chưa gửi sẽ hết hạn sau một thời gian không thao tác. Vui lòng bắt đầu lại.", Start, "Bắt đầu lại");

    protected IActionResult AlreadySent() => Problem(StatusCodes.Status409Conflict, "Đơn này đã được gửi",
        "Đơn đã gửi không thể thay đổi. Bạn có thể xem lại giấy xác nhận, hoặc bắt đầu một đăng ký mới từ trang đăng ký.",
        SentPath, "Xem giấy xác nhận");

    protected IActionResult OutOfOrder(string? first) => Problem(StatusCodes.Status409Conflict, "Cần trả lời các câu hỏi theo thứ tự",
        "Trang này chưa mở được vì còn câu hỏi trước chưa trả lời.", first is null ? Start : StepPath(first), "Đến câu hỏi cần trả lời");

    protected IActionResult Honeypot() => Problem(StatusCodes.Status400BadRequest, "Không thể tiếp nhận dữ liệu",
        "Ô dành cho máy đã được điền nên đơn không được tiếp nhận. Nếu bạn là người điền đơn, hãy để trống ô đó và thử lại.");

    /// <summary>
    /// The guard of a GET of a question or the check page: loads the draft and answers with where to go instead
    /// when there is none, it was sent, it expired, or an earlier question is unanswered (null: show the page).
    /// </summary>
    protected async Task<IActionResult?> GuardGetAsync(string step, CancellationToken ct)
    {
        Draft = await Store.LoadAsync(HttpContext, ct);
        if (Draft is null)
        {
            return Redirect(Start);
        }

        if (Draft.Row.RegistrationId is not null)
        {
            return Redirect(SentPath);
        }

        if (Store.IsExpired(Draft))
        {
            return Redirect(Start + "?het-han=1");
        }

        if (!RegistrationSteps.CanOpen(Draft.Data, step))
        {
            return Draft.Data.IsOutsideProvince
                ? Redirect(IneligiblePath)
                : Redirect(StepPath(RegistrationSteps.FirstMissing(Draft.Data) ?? RegistrationSteps.Check));
        }

        return null;
    }

    /// <summary>
    /// The guard of a POST of a question or the check page: the same cases as <see cref="GuardGetAsync"/> plus the
    /// honeypot, answered with a problem page; <paramref name="stale"/> refuses a page that no longer fits the draft.
    /// </summary>
    protected async Task<IActionResult?> GuardPostAsync(string step, string? honeypot, CancellationToken ct, Func<Draft, IActionResult?>? stale = null)
    {
        Draft = await Store.LoadAsync(HttpContext, ct);
        if (Draft is null)
        {
            return NoDraft();
        }

        if (stale?.Invoke(Draft) is { } refused)
        {
            return refused;
        }

        if (Draft.Row.RegistrationId is not null)
        {
            // A double submit or a retry after a lost answer shows the same confirmation; a question cannot change.
            return step == RegistrationSteps.Check ? Redirect(SentPath) : AlreadySent();
        }

        if (Store.IsExpired(Draft))
        {
            return Expired();
        }

        if (!string.IsNullOrEmpty(honeypot))
        {
            return Honeypot();
        }

        return RegistrationSteps.CanOpen(Draft.Data, step) ? null : OutOfOrder(RegistrationSteps.FirstMissing(Draft.Data));
    }

    public string ExpiresText => Draft is null ? "" : VietnamTime.DateAndTime(Draft.Row.ExpiresAt);
    public string ExpiresIso => Draft is null ? "" : Draft.Row.ExpiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
