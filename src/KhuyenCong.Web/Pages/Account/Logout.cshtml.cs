using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Account;

/// <summary>
/// Signs out: the account's security stamp is renewed first, so this cookie and every copy of it (another tab,
/// another device, a stolen one) stops working at once, not only in this browser.
/// </summary>
[Authorize]
public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit) : SitePageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await audit.WriteAsync("logout", "User", user?.Id, User.Identity?.Name);
        await signIn.SignOutAsync();
        return Redirect("/dang-nhap");
    }
}
