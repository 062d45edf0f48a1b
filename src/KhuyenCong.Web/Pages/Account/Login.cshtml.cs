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
        // Empty, blank or malformed fields never reach the throttle or the account store.
        if (!ModelState.IsValid)
        {
            MarkRefused();
            return Page();
        }

        var email = Input.Email.Trim();
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsBlocked(ip, email))
        {
            MarkRefused(StatusCodes.Status429TooManyRequests);
            ModelState.AddModelError(string.Empty, "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.");
            return Page();
        }

        // Every attempt costs one password hash and answers by the same lockout rule, account or not.
        var user = await users.FindByEmailAsync(email);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null || user.IsDisabled)
        {
            throttle.VerifyDummy(users.PasswordHasher, Input.Password);
            result = throttle.IsUnknownLockedOut(email) || throttle.RecordUnknownFailure(email)
                ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
                : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else if (await users.IsLockedOutAsync(user))
        {
            throttle.VerifyDummy(users.PasswordHasher, Input.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.Succeeded)
        {
            await audit.WriteAsync("login-success", "User", user!.Id, email, actor: email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/quan-tri", StringComparison.Ordinal) ? ReturnUrl : "/quan-tri");
        }

        throttle.RecordFailure(ip, email);
        await audit.WriteAsync(result.IsLockedOut ? "login-locked" : "login-failure", "User", user?.Id, email, actor: email);
        MarkRefused();
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."
            : "Thư điện tử hoặc mật khẩu không đúng.");
        return Page();
    }
}
