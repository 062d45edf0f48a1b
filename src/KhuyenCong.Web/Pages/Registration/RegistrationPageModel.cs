using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>Shared by the form's pages: the draft, the problem message shown instead of a form, breadcrumbs.</summary>
public abstract class RegistrationPageModel(RegistrationStore store) : SitePageModel
{
    public const string Start = "/dang-ky-ho-tro";

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
        PageTitle = "Lỗi: " + heading;
        Breadcrumbs.Clear();
        Breadcrumbs.Add(("Đăng ký hỗ trợ", Start));
        Response.StatusCode = status;
        return Page();
    }

    protected IActionResult NoDraft() => Problem(StatusCodes.Status400BadRequest, "Không tìm thấy đơn đang điền",
        "Có thể phiên điền đơn đã hết hạn hoặc trình duyệt đã xóa cookie. Vui lòng bắt đầu lại từ trang đăng ký.", Start, "Bắt đầu lại");

    protected IActionResult Expired() => Problem(StatusCodes.Status400BadRequest, "Phiên điền đơn đã hết hạn",
        "Để bảo vệ thông tin của bạn, đơn chưa gửi sẽ hết hạn sau một thời gian không thao tác. Vui lòng bắt đầu lại.", Start, "Bắt đầu lại");

    protected IActionResult AlreadySent() => Problem(StatusCodes.Status409Conflict, "Đơn này đã được gửi",
        "Đơn đã gửi không thể thay đổi. Bạn có thể xem lại giấy xác nhận, hoặc bắt đầu một đăng ký mới từ trang đăng ký.",
        "/dang-ky-ho-tro/da-gui", "Xem giấy xác nhận");

    protected IActionResult OutOfOrder(string? first) => Problem(StatusCodes.Status409Conflict, "Cần trả lời các câu hỏi theo thứ tự",
        "Trang này chưa mở được vì còn câu hỏi trước chưa trả lời.", first is null ? Start : "/dang-ky-ho-tro/" + first, "Đến câu hỏi cần trả lời");

    protected IActionResult Honeypot() => Problem(StatusCodes.Status400BadRequest, "Không thể tiếp nhận dữ liệu",
        "Ô dành cho máy đã được điền nên đơn không được tiếp nhận. Nếu bạn là người điền đơn, hãy để trống ô đó và thử lại.");

    public string ExpiresText => Draft is null ? "" : VietnamTime.DateAndTime(Draft.Row.ExpiresAt);
    public string ExpiresIso => Draft is null ? "" : Draft.Row.ExpiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
