using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Web.Models;

/// <summary>An editor account. No self-registration: admins create accounts, the first one by a command.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    /// <summary>Set for generated passwords: the user must choose their own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Publisher = "Publisher";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Admin, Publisher, Editor];

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Publisher => "Biên tập viên duyệt bài",
        Editor => "Biên tập viên",
        _ => role,
    };
}
