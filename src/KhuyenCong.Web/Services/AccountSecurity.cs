using System.Collections.Concurrent;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Web.Services;

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

/// <summary>Identity's messages in Vietnamese (the ones editors can meet).</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải có ít nhất {length} ký tự." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mật khẩu hiện tại không đúng." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Địa chỉ {email} đã có tài khoản." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập {userName} đã có." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"Địa chỉ thư điện tử “{email}” không hợp lệ." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Tên đăng nhập “{userName}” không hợp lệ." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Không thực hiện được thao tác với tài khoản." };
}

/// <summary>The sliding 30-minute session may not outlive 8 hours from sign-in, however active the user is.</summary>
public static class AbsoluteSessionLimit
{
    public static readonly TimeSpan Limit = TimeSpan.FromHours(8);

    /// <summary>Remembers the first sign-in time in the ticket; renewals keep it.</summary>
    public static Task StampSignInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.Properties.Items.TryAdd("kc.signin", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (context.Properties.IssuedUtc is { } issued && context.Properties.Items.TryGetValue("kc.signin", out var first)
            && DateTimeOffset.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var signedIn)
            && clock.GetUtcNow() - signedIn > Limit)
        {
            context.RejectPrincipal();
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

/// <summary>
/// Counts failed sign-ins per IP and per user name in a sliding window; past the limit the login answers 429.
/// Complements Identity's lockout (per account) and the rate limiter (all requests per IP).
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailuresPerName = 10;
    public const int MaxFailuresPerIp = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string ip, string userName) => Count("ip:" + ip) >= MaxFailuresPerIp || Count("user:" + userName.ToUpperInvariant()) >= MaxFailuresPerName;

    public void RecordFailure(string ip, string userName)
    {
        Add("ip:" + ip);
        Add("user:" + userName.ToUpperInvariant());
    }

    private void Add(string key) => failures.GetOrAdd(key, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(clock.GetUtcNow());

    private int Count(string key)
    {
        if (!failures.TryGetValue(key, out var queue))
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow() - Window;
        while (queue.TryPeek(out var oldest) && oldest < cutoff)
        {
            queue.TryDequeue(out _);
        }

        return queue.Count;
    }
}
