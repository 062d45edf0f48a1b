using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Registrations;

/// <summary>Counts of registrations by support line, place and month (Vietnam time).</summary>
public class StatsModel(AppDbContext db) : SitePageModel
{
    public int Total { get; private set; }
    public IReadOnlyList<(string Name, int Count)> ByLine { get; private set; } = [];
    public IReadOnlyList<(string Name, int Count)> ByPlace { get; private set; } = [];
    public IReadOnlyList<(string Month, int Count)> ByMonth { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageTitle = "Thống kê đăng ký hỗ trợ";
        var rows = await db.Registrations.AsNoTracking().Select(r => new { r.SupportLines, r.PlaceName, r.SubmittedAt }).ToListAsync(ct);
        Total = rows.Count;
        ByLine = RegistrationCatalog.Lines
            .Select(l => (l.Name, rows.Count(r => r.SupportLines.Contains("|" + l.Code + "|", StringComparison.Ordinal)))).ToList();
        ByPlace = rows.GroupBy(r => r.PlaceName ?? "(không rõ)").Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        ByMonth = rows.GroupBy(r => VietnamTime.ToLocal(r.SubmittedAt).ToString("MM/yyyy", CultureInfo.InvariantCulture))
            .Select(g => (g.Key, g.Count())).OrderBy(x => x.Key[3..], StringComparer.Ordinal).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
    }
}
