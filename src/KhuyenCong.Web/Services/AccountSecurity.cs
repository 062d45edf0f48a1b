using System.Collections.Concurrent;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;

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

/// <summary>
/// Session checks on every request that carries a sign-in cookie: the 30-minute sliding session may not outlive
/// 8 hours from sign-in, and the cookie's security stamp must still be the account's. Sign-out, a password change,
/// a reset, a role change and disabling all renew the stamp, so every copy of an older cookie is dead at once.
/// </summary>
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

        if (!await HasCurrentStampAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // The periodic refresh of the principal (roles, name) stays Identity's.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>One lookup by primary key; later lookups of the same user in the request come from the context.</summary>
    private static async Task<bool> HasCurrentStampAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirst(claimType)?.Value;
        var id = context.Principal is null ? null : users.GetUserId(context.Principal);
        if (string.IsNullOrEmpty(stamp) || string.IsNullOrEmpty(id))
        {
            return false;
        }

        var user = await users.FindByIdAsync(id);
        return user is { IsDisabled: false } && string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }
}

/// <summary>
/// The sign-in defence besides Identity's lockout (5 failures lock an account for 15 minutes). Failed sign-ins are
/// counted in a sliding window per client IP and submitted name (a tight limit, so one attacker cannot lock
/// anybody else out by it) and per client IP alone (a limit only a flood reaches, so staff behind one address keep
/// signing in while another account is attacked). A name with no account gets exactly the answers and the work an
/// account gets: a password hash is checked against a dummy hash, and Identity's lockout rule is replayed in memory,
/// so neither the time nor the message tells whether an address has an account.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public const int MaxFailuresPerIpAndName = 10;
    public const int MaxFailuresPerIp = 300;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Past this many keys, expired ones are swept (the maps cannot grow without bound).</summary>
    private const int SweepAbove = 20_000;

    private static readonly AppUser Nobody = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UnknownAccount> unknown = new(StringComparer.Ordinal);
    private string? dummyHash;

    public bool IsBlocked(string ip, string userName) =>
        Count("ip:" + ip) >= MaxFailuresPerIp || Count("ip+user:" + ip + "\n" + Key(userName)) >= MaxFailuresPerIpAndName;

    public void RecordFailure(string ip, string userName)
    {
        Add("ip:" + ip);
        Add("ip+user:" + ip + "\n" + Key(userName));
    }

    /// <summary>The same password work as checking a real account's password (same hasher, same cost).</summary>
    public void VerifyDummy(IPasswordHasher<AppUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var hash = dummyHash ??= hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }

    /// <summary>Whether a name without an account is "locked out", as an account would be after the same failures.</summary>
    public bool IsUnknownLockedOut(string userName) =>
        unknown.TryGetValue(Key(userName), out var state) && state.IsLockedOut(clock.GetUtcNow());

    /// <summary>A failure for a name without an account; true when it now counts as locked out (Identity's rule).</summary>
    public bool RecordUnknownFailure(string userName)
    {
        var now = clock.GetUtcNow();
        var lockout = identity.Value.Lockout;
        if (unknown.Count > SweepAbove)
        {
            foreach (var (key, old) in unknown)
            {
                if (old.IsStale(now, lockout.DefaultLockoutTimeSpan))
                {
                    unknown.TryRemove(key, out _);
                }
            }
        }

        return unknown.GetOrAdd(Key(userName), _ => new UnknownAccount()).Fail(now, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan);
    }

    private static string Key(string userName) => userName.Trim().ToUpperInvariant();

    private void Add(string key)
    {
        if (failures.Count > SweepAbove)
        {
            foreach (var queueKey in failures.Keys)
            {
                if (Count(queueKey) == 0)
                {
                    failures.TryRemove(queueKey, out _);
                }
            }
        }

        failures.GetOrAdd(key, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(clock.GetUtcNow());
    }

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

    /// <summary>Identity's counter for a name with no account: N failures lock it for the lockout time, then it starts over.</summary>
    private sealed class UnknownAccount
    {
        private readonly Lock gate = new();
        private int failed;
        private DateTimeOffset lockedUntil;
        private DateTimeOffset lastFailure;

        public bool IsLockedOut(DateTimeOffset now)
        {
            lock (gate)
            {
                return lockedUntil > now;
            }
        }

        public bool IsStale(DateTimeOffset now, TimeSpan lockout)
        {
            lock (gate)
            {
                return lockedUntil <= now && now - lastFailure > lockout;
            }
        }

        public bool Fail(DateTimeOffset now, int maxFailures, TimeSpan lockout)
        {
            lock (gate)
            {
                lastFailure = now;
                if (lockedUntil > now)
                {
                    return true;
                }

                if (++failed >= maxFailures)
                {
                    failed = 0;
                    lockedUntil = now + lockout;
                    return true;
                }

                return false;
            }
        }
    }
}
