namespace KhuyenCong.Web.Models;

/// <summary>Append-only record of who changed what.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Detail { get; set; }
    /// <summary>Client IP of the request that caused it, when there was one.</summary>
    public string? Ip { get; set; }
}
