using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: four short account handlers (create, role, disable, reset) of one admin page, each audited.
namespace KhuyenCong.Web.Pages.Admin.Users;

/// <summary>Admins create accounts (a one-time password is shown once), change roles, reset, disable and enable.</summary>
public class IndexModel(UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : SitePageModel
{
    public sealed record Row(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool MustChangePassword, bool IsLockedOut);

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
        [Display(Name = "Thư điện tử")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Nhập họ tên.")]
        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")]
        [Display(Name = "Họ tên")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "Vai trò")]
        public string Role { get; set; } = Roles.Editor;
    }

    [BindProperty] public NewUserInput NewUser { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>A generated password to show once, after create or reset.</summary>
    public string? OneTimePassword { get; private set; }
    public string? OneTimeFor { get; private set; }

    public async Task OnGetAsync()
    {
        // Shown once after the redirect that follows a create or reset (post/redirect/get): TempData is read once, and
        // its cookie is encrypted with the site's Data Protection keys and HttpOnly.
        (OneTimePassword, OneTimeFor) = (TempData[OneTimePasswordKey] as string, TempData[OneTimeForKey] as string);
        await LoadAsync();
    }

    private const string OneTimePasswordKey = "OneTimePassword";
    private const string OneTimeForKey = "OneTimeFor";

    private RedirectToPageResult ShowOnce(string password, string? email)
    {
        TempData[OneTimePasswordKey] = password;
        TempData[OneTimeForKey] = email;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!Roles.All.Contains(NewUser.Role))
        {
            ModelState.AddModelError("NewUser.Role", "Vai trò không hợp lệ.");
        }

        if (ModelState.IsValid)
        {
            var password = PasswordGenerator.Generate();
            var user = new AppUser
            {
                UserName = NewUser.Email.Trim(), Email = NewUser.Email.Trim(), EmailConfirmed = true, DisplayName = NewUser.DisplayName.Trim(),
                MustChangePassword = true, CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, NewUser.Role);
                await audit.WriteAsync("user-create", "User", user.Id, $"{user.Email} ({NewUser.Role})");
                return ShowOnce(password, user.Email);
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("NewUser.Email", error.Description);
            }
        }

        await LoadAsync();
        MarkRefused();
        return Page();
    }

    /// <summary>An action refused for what it would do (409): the list again, with the reason in the error summary.</summary>
    private async Task<IActionResult> RefusedAsync(string reason)
    {
        ModelState.AddModelError(string.Empty, reason);
        await LoadAsync();
        MarkRefused(StatusCodes.Status409Conflict);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        var user = string.IsNullOrEmpty(id) || id.Length > 64 ? null : await users.FindByIdAsync(id);
        if (user is null || !Roles.All.Contains(role))
        {
            return BadRequest();
        }

        if (user.UserName == User.Identity?.Name && role != Roles.Admin)
        {
            return await RefusedAsync("Không thể tự bỏ quyền quản trị của chính mình.");
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync("user-role", "User", user.Id, $"{user.Email} → {role}");
        TempData["Flash"] = $"Đã đổi vai trò của {user.Email} thành {Roles.Label(role)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disable)
    {
        var user = string.IsNullOrEmpty(id) || id.Length > 64 ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            return BadRequest();
        }

        if (user.UserName == User.Identity?.Name)
        {
            return await RefusedAsync("Không thể tự khóa tài khoản của chính mình.");
        }

        user.IsDisabled = disable;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, disable ? DateTimeOffset.MaxValue : null);
        // A new security stamp ends the user's sessions at their next request (the stamp is checked on every one).
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(disable ? "user-disable" : "user-enable", "User", user.Id, user.Email);
        TempData["Flash"] = disable ? $"Đã khóa {user.Email}; các phiên đăng nhập của họ đã kết thúc." : $"Đã mở khóa {user.Email}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        var user = string.IsNullOrEmpty(id) || id.Length > 64 ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            return BadRequest();
        }

        var password = PasswordGenerator.Generate();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync("user-reset", "User", user.Id, user.Email);
        return ShowOnce(password, user.Email);
    }

    private async Task LoadAsync()
    {
        PageTitle = "Người dùng";
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var rows = new List<Row>();
        foreach (var u in all)
        {
            var role = (await users.GetRolesAsync(u)).FirstOrDefault() ?? "";
            rows.Add(new Row(u.Id, u.Email ?? "", u.DisplayName, role, u.IsDisabled, u.MustChangePassword, u.LockoutEnd > clock.GetUtcNow()));
        }

        Rows = rows;
    }
}
