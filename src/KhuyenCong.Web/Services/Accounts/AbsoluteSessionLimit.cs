using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Accounts;

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
