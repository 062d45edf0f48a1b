using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Errors;

/// <summary>The Vietnamese error page for every status code; never shows details of the failure.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
// Re-executed for a failed POST (e.g. a form the framework could not read): never read the form again.
[IgnoreAntiforgeryToken]
public class ErrorModel : SitePageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    /// <summary>The status codes the site itself answers with (middleware, pages, limits).</summary>
    public static readonly IReadOnlySet<int> KnownCodes = new HashSet<int> { 400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 414, 415, 422, 429, 431, 500, 501, 502, 503, 504 };

    public void OnGet([FromRoute] int? code) => Describe(code);
    /// <summary>A form the site could not take at all (stale token, too large, too many): refused like any other form.</summary>
    public void OnPost([FromRoute] int? code)
    {
        Describe(code);
        if (Code < 500)
        {
            MarkRefused(Code);
        }
    }

    private void Describe(int? code)
    {
        // Re-executed (a status code page or the exception handler) it keeps the original code; asked for
        // directly (/loi, /loi/0, /loi/-1, /loi/2147483647) only a status code the site really answers renders with
        // its own code, and anything else is a plain 404.
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        Code = code ?? (reExecuted ? Response.StatusCode : 404);
        if (!KnownCodes.Contains(Code))
        {
            Code = !reExecuted ? 404 : Code is >= 400 and <= 499 ? Code : 500;
        }

        Response.StatusCode = Code;
        if (Code == 503)
        {
            Response.Headers.RetryAfter = "30";
        }

        (Heading, Explanation) = Code switch
        {
            400 => ("Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không đúng định dạng. Vui lòng kiểm tra lại đường dẫn hoặc các giá trị đã nhập."),
            403 => ("Không có quyền truy cập", "Bạn không có quyền xem trang này."),
            404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại, đã được chuyển đi hoặc chưa được đăng."),
            405 => ("Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác bạn vừa thực hiện."),
            413 => ("Dữ liệu gửi lên quá lớn", "Nội dung hoặc tệp gửi lên vượt quá dung lượng cho phép."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
            503 => ("Hệ thống tạm thời gián đoạn", "Máy chủ dữ liệu đang tạm ngừng hoặc khởi động lại. Vui lòng thử lại sau ít phút."),
            _ when Code < 500 => ("Yêu cầu không được chấp nhận", "Yêu cầu của bạn không thể thực hiện."),
            _ => ("Hệ thống đang gặp sự cố", "Đã có lỗi xảy ra phía máy chủ. Vui lòng thử lại sau ít phút; nếu vẫn gặp lỗi, xin liên hệ với chúng tôi."),
        };
        PageTitle = Heading;
    }
}
