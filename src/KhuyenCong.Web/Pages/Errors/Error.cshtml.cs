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

    public void OnGet([FromRoute] int? code) => Describe(code);
    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Asked for directly (/loi) the page reports a server error; re-executed, it keeps the original code.
        Code = code ?? (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && Response.StatusCode == 200 ? 500 : Response.StatusCode);
        Code = Code is >= 400 and <= 599 ? Code : 500;
        Response.StatusCode = Code;
        (Heading, Explanation) = Code switch
        {
            400 => ("Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không đúng định dạng. Vui lòng kiểm tra lại đường dẫn hoặc các giá trị đã nhập."),
            403 => ("Không có quyền truy cập", "Bạn không có quyền xem trang này."),
            404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại, đã được chuyển đi hoặc chưa được đăng."),
            405 => ("Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác bạn vừa thực hiện."),
            413 => ("Dữ liệu gửi lên quá lớn", "Nội dung hoặc tệp gửi lên vượt quá dung lượng cho phép."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
            _ when Code < 500 => ("Yêu cầu không được chấp nhận", "Yêu cầu của bạn không thể thực hiện."),
            _ => ("Hệ thống đang gặp sự cố", "Đã có lỗi xảy ra phía máy chủ. Vui lòng thử lại sau ít phút; nếu vẫn gặp lỗi, xin liên hệ với chúng tôi."),
        };
        PageTitle = Heading;
    }
}
