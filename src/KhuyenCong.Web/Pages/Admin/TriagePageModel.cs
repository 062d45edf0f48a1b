using System.Globalization;
using System.Text.Json;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>
/// Shared by the triage pages of registrations and questions: the staff who may be assigned, a refused field,
/// the flash message after a change, and the person's data as JSON.
/// </summary>
public abstract class TriagePageModel : SitePageModel
{
    public IReadOnlyList<AppUser> Staff { get; private set; } = [];

    protected static readonly JsonSerializerOptions PersonJson = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>"Name (address)", or the address when the account has no name.</summary>
    public static string Name(AppUser user) => string.IsNullOrEmpty(user?.DisplayName) ? user?.Email ?? "" : $"{user.DisplayName} ({user.Email})";

    /// <summary>The enabled accounts of <paramref name="roles"/>, by name.</summary>
    protected async Task LoadStaffAsync(UserManager<AppUser> users, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        var staff = new Dictionary<string, AppUser>();
        foreach (var role in roles)
        {
            foreach (var u in await users.GetUsersInRoleAsync(role))
            {
                if (!u.IsDisabled)
                {
                    staff[u.Id] = u;
                }
            }
        }

        Staff = staff.Values.OrderBy(Name, StringComparer.Ordinal).ToList();
    }

    protected PageResult Invalid(string field, string message)
    {
        ModelState.AddModelError(field, message);
        PageTitle = "Lỗi: " + PageTitle;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Back to the record's page (<paramref name="path"/> + id) with the message shown once.</summary>
    protected RedirectResult Done(string path, long id, string message)
    {
        TempData["Flash"] = message;
        return Redirect(path + id.ToString(CultureInfo.InvariantCulture));
    }
}
