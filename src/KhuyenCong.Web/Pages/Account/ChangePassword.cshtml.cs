using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Account;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) : SitePageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Nhập mật khẩu hiện tại.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu hiện tại")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Nhập mật khẩu mới.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Mật khẩu mới phải dài từ 12 đến 256 ký tự.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu mới (ít nhất 12 ký tự; nên là một cụm từ dễ nhớ)")]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nhập lại mật khẩu mới")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsRequired { get; private set; }

    public async Task OnGetAsync()
    {
        PageTitle = "Đổi mật khẩu";
        IsRequired = (await users.GetUserAsync(User))?.MustChangePassword == true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        PageTitle = "Đổi mật khẩu";
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        IsRequired = user.MustChangePassword;
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
            if (result.Succeeded)
            {
                user.MustChangePassword = false;
                await users.UpdateAsync(user);
                await signIn.RefreshSignInAsync(user);
                await audit.WriteAsync("password-change", "User", user.Id, user.Email);
                TempData["Flash"] = "Đã đổi mật khẩu.";
                return Redirect("/quan-tri");
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", error.Description);
            }
        }

        MarkRefused();
        return Page();
    }
}
