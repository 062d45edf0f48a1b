namespace KhuyenCong.Web.Models;

/// <summary>
/// Which node runs a periodic job (the scheduler, registration retention) until when: every node's timer fires,
/// and only the node that takes the lease with one conditional update runs the pass, so a job runs once per
/// cluster, not once per node. A node that stops holding it (crash, stop) is replaced when the lease expires.
/// Mapped in Data/AppDbContext.Jobs.cs.
/// </summary>
public class JobLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}
