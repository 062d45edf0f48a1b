using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Account;

[Authorize]
public class LogoutModel(SignInManager<AppUser> signIn, AuditLog audit) : SitePageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.WriteAsync("logout", "User", null, User.Identity?.Name);
        await signIn.SignOutAsync();
        return Redirect("/dang-nhap");
    }
}
