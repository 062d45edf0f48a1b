using System.ComponentModel.DataAnnotations;

namespace KhuyenCong.Web.Services.Accounts;

/// <summary>Section "Audit": how long audit entries are kept.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    [Range(30, 3650)] public int RetentionDays { get; set; } = 730;
}
