using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace KhuyenCong.Web.Pages.Feedback;

/// <summary>
/// Receives "Thông tin có hữu ích không?" from any content page and sends the browser back there (POST, redirect,
/// GET), so the cached page never varies per visitor. One vote per browser per page (a cookie sent only here).
/// No antiforgery token (the form is in shared cached pages): see <see cref="PageFeedbacks.IsSameOrigin"/>.
/// </summary>
[IgnoreAntiforgeryToken]
[OutputCache(NoStore = true)]
[EnableRateLimiting(PageFeedbacks.RateLimit)]
public class SendModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public string? Heading { get; private set; }
    public string? Message { get; private set; }
    public string BackPath { get; private set; } = "/";
    public string? BackTitle { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
    }

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Section = null;
        if (!PageFeedbacks.IsSameOrigin(Request))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Không tiếp nhận phản hồi",
                "Phản hồi chỉ được gửi từ biểu mẫu trên các trang của trang thông tin này.");
        }

        if (!Request.HasFormContentType)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Không rõ trang được phản hồi", "Biểu mẫu phản hồi không được gửi đúng cách. Vui lòng quay lại trang và gửi lại.");
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Không rõ trang được phản hồi", "Biểu mẫu phản hồi không đọc được. Vui lòng quay lại trang và gửi lại.");
        }

        var code = form["loai"].ToString();
        var idText = form["ma"].ToString();
        if (!PageFeedbacks.Types.TryGetValue(code, out var type) || idText.Length is 0 or > 9
            || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Không rõ trang được phản hồi", "Biểu mẫu phản hồi không cho biết trang nào. Vui lòng quay lại trang và gửi lại.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await PageFeedbacks.FindAsync(db, code, id, now, ct) is not { } page)
        {
            return Refuse(StatusCodes.Status404NotFound, "Không tìm thấy trang", "Trang bạn phản hồi không còn được đăng.");
        }

        (BackPath, BackTitle) = page;
        var useful = form["huu-ich"].ToString();
        if (useful is not ("co" or "khong"))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Chưa chọn Có hoặc Không",
                "Hãy chọn “Có” hoặc “Không” cho câu hỏi “Thông tin có hữu ích không?” rồi gửi lại.");
        }

        if (FormText.Clean(form["y-kien"].ToString(), "Góp ý", PageFeedbacks.CommentMax, true, out var comment) is { } problem)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Góp ý chưa gửi được", problem);
        }

        var token = PageFeedbacks.Token(code, id);
        if (PageFeedbacks.Voted(HttpContext).Contains(token))
        {
            return Refuse(StatusCodes.Status409Conflict, "Bạn đã phản hồi trang này",
                "Mỗi trình duyệt chỉ gửi một phản hồi cho mỗi trang, và phản hồi trước của bạn đã được ghi nhận. Cảm ơn bạn.");
        }

        db.PageFeedback.Add(new PageFeedback
        {
            ContentType = type.Entity, ContentId = id, Path = page.Path, Useful = useful == "co", Comment = comment.Length == 0 ? null : comment, At = now,
        });
        await db.SaveChangesAsync(ct);
        PageFeedbacks.Remember(HttpContext, token);
        return new RedirectResult(page.Path + "?" + PageFeedbacks.ResultKey + "=" + PageFeedbacks.Thanks + "#phan-hoi", permanent: false, preserveMethod: false);
    }

    private PageResult Refuse(int status, string heading, string message)
    {
        (Heading, Message) = (heading, message);
        MarkRefused(status, heading);
        return Page();
    }
}
