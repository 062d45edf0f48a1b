using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Fairs;

/// <summary>Fairs: upcoming and ongoing first (soonest first), then the archive of past fairs by year.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock, ProgramProgress progress) : SitePageModel
{
    public sealed record Row(string Title, string Slug, DateTime StartsOn, DateTime EndsOn, DateTime? RegistrationDeadline,
        string Venue, string HostProvince, FairLevel Level, string Summary, bool IsSample, FairPhase Phase);

    public IReadOnlyList<Row> Current { get; private set; } = [];
    public IReadOnlyList<IGrouping<int, Row>> PastByYear { get; private set; } = [];
    /// <summary>The programme period shown today, for the fairs and participations targets.</summary>
    public ProgramReport Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = db.Fairs.AsNoTracking().Published(now);
        var all = (await published
            .Select(f => new { f.Title, f.Slug, f.StartsOn, f.EndsOn, f.RegistrationDeadline, f.Venue, f.HostProvince, f.Level, f.Summary, f.IsSample })
            .ToListAsync(ct))
            .Select(f => new Row(f.Title, f.Slug, f.StartsOn, f.EndsOn, f.RegistrationDeadline, f.Venue, f.HostProvince, f.Level, f.Summary, f.IsSample,
                FairSchedule.PhaseOf(f.StartsOn, f.EndsOn, f.RegistrationDeadline, now)))
            .ToList();
        Current = all.Where(f => f.Phase != FairPhase.Past).OrderBy(f => f.StartsOn).ThenBy(f => f.Title, StringComparer.Ordinal).ToList();
        PastByYear = all.Where(f => f.Phase == FairPhase.Past).OrderByDescending(f => f.StartsOn)
            .GroupBy(f => f.StartsOn.Year).OrderByDescending(g => g.Key).ToList();
        Programme = await progress.ReportAsync(ct);
        Section = "fairs";
        PageTitle = "Hội chợ triển lãm";
        MetaDescription = "Hội chợ, triển lãm hàng công nghiệp nông thôn: lịch sắp diễn ra, cách đăng ký tham gia, kết quả các kỳ đã tổ chức.";
        CanonicalPath = "/hoi-cho";
        Breadcrumbs.Add(("Hội chợ", null));
        return Page();
    }
}
