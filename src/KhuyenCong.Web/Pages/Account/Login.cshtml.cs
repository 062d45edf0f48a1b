using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KhuyenCong.Web.Pages.Account;

[EnableRateLimiting(Policies.LoginRateLimit)]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle, AuditLog audit) : SitePageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        [StringLength(256, ErrorMessage = "Địa chỉ thư điện tử quá dài.")]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Nhập mật khẩu.")]
        [StringLength(256, ErrorMessage = "Mật khẩu quá dài.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() => PageTitle = "Đăng nhập";

    public async Task<IActionResult> OnPostAsync()
    {
        PageTitle = "Đăng nhập";
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(ip, Input.Email))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            PageTitle = "Lỗi: Đăng nhập";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        var result = user is null || user.IsDisabled
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync("login-success", "User", user!.Id, Input.Email, actor: Input.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/quan-tri", StringComparison.Ordinal) ? ReturnUrl : "/quan-tri");
        }

        throttle.RecordFailure(ip, Input.Email);
        await audit.WriteAsync(result.IsLockedOut ? "login-locked" : "login-failure", "User", user?.Id, Input.Email, actor: Input.Email);
        PageTitle = "Lỗi: Đăng nhập";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."
            : "Thư điện tử hoặc mật khẩu không đúng.");
        return Page();
    }
}
