using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Web.Services.Accounts;

/// <summary>Refuses passwords from a list of the most common ones (and the user's own e-mail or name).</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    // Lower-cased; a password that folds to one of these, or only repeats one, is refused.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "passwordpassword",
        "qwertyuiop12", "qwertyuiopas", "qwerty123456", "1q2w3e4r5t6y", "111111111111", "000000000000",
        "abc123456789", "abcdefghijkl", "iloveyou1234", "admin1234567", "administrator", "adminadmin12",
        "matkhau12345", "matkhau123456", "matkhaumoi123", "khuyencong123", "khuyencong2021", "khuyencong2025",
        "bentre123456", "vinhlong12345", "congthuong123", "socongthuong1", "123456abcdef", "welcome12345",
        "letmein12345", "changeme1234", "trustno11234", "football1234", "baseball1234", "superman1234",
        "princess1234", "sunshine1234", "dragon123456", "monkey123456", "master123456", "hello1234567",
        "vietnam12345", "vietnam123456", "anhyeuem1234", "em yeu anh 1", "hanoi1234567", "saigon123456",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var folded = TextFolding.Fold(password ?? "");
        var local = (user.Email ?? "").Split('@')[0].ToLowerInvariant();
        var isCommon = Common.Contains(folded) || folded.Distinct().Count() <= 2
            || (local.Length >= 4 && folded.Contains(local, StringComparison.Ordinal));
        return Task.FromResult(isCommon
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Mật khẩu quá phổ biến hoặc dễ đoán; hãy chọn một cụm từ khác." })
            : IdentityResult.Success);
    }
}
