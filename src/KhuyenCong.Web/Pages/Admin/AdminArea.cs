using System.Security.Claims;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KhuyenCong.Web.Pages.Admin;

public static class Policies
{
    public const string Staff = "Staff";
    public const string Publishers = "Publishers";
    public const string Admins = "Admins";
    public const string LoginRateLimit = "login";
}

/// <summary>What keeps the editor area private: no caching anywhere, and a forced password change.</summary>
public static class AdminArea
{
    public static bool IsPrivatePath(PathString path) =>
        path.StartsWithSegments("/quan-tri") || path.StartsWithSegments("/dang-nhap")
        || path.StartsWithSegments("/dang-xuat") || path.StartsWithSegments("/doi-mat-khau");

    /// <summary>Cache-Control: no-store on every admin and account response.</summary>
    public sealed class NoStoreFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            // Exactly what the antiforgery component sets on a page with a form: anything else it rewrites, logging a warning.
            context.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
            context.HttpContext.Response.Headers.Pragma = "no-cache";
            return next();
        }
    }

    /// <summary>A user holding a generated password may do nothing in the admin area but change it.</summary>
    public sealed class PasswordChangeGate(RequestDelegate next)
    {
        // The user store (and its database context) is resolved only for a signed-in request to the editor area,
        // not for every anonymous page.
        public async Task InvokeAsync(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.User.Identity?.IsAuthenticated == true && context.Request.Path.StartsWithSegments("/quan-tri")
                && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
                && await context.RequestServices.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id) is { MustChangePassword: true })
            {
                context.Response.Redirect("/doi-mat-khau");
                return;
            }

            await next(context);
        }
    }
}
