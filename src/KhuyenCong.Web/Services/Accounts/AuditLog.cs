using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Accounts;

/// <summary>Writes append-only audit entries with who, what, when and from which IP.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public string CurrentActor =>
        http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "hệ thống";

    public string? CurrentIp => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Adds an entry to the context; it is saved with the caller's changes.</summary>
    public AuditEntry Add(string action, string entityType, string? entityId, string? detail = null, string? actor = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor ?? CurrentActor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
            Ip = CurrentIp,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Adds and saves at once (logins, user changes).</summary>
    public async Task WriteAsync(string action, string entityType, string? entityId, string? detail = null, string? actor = null, CancellationToken ct = default)
    {
        Add(action, entityType, entityId, detail, actor);
        await db.SaveChangesAsync(ct);
    }
}
