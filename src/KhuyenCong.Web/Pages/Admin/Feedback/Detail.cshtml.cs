using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Feedback;

/// <summary>The answers about one page: counts and every comment, newest first.</summary>
public class DetailModel(AppDbContext db) : SitePageModel
{
    public const int MaxComments = 1000;

    public string Label { get; private set; } = "";
    public string? Path { get; private set; }
    public int Yes { get; private set; }
    public int No { get; private set; }
    public IReadOnlyList<PageFeedback> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken ct)
    {
        if (!PageFeedbacks.Types.TryGetValue(type, out var entity))
        {
            // Another kind of page (a static page, a showroom…) carries no feedback form: nothing to list.
            if (type.Length > 40 || !type.All(c => c is (>= 'a' and <= 'z') or '-'))
            {
                return NotFound();
            }

            entity = (type, type);
        }

        var rows = db.PageFeedback.AsNoTracking().Where(f => f.ContentType == entity.Entity && f.ContentId == id);
        Yes = await rows.CountAsync(f => f.Useful, ct);
        No = await rows.CountAsync(f => !f.Useful, ct);
        Path = await rows.OrderByDescending(f => f.At).Select(f => f.Path).FirstOrDefaultAsync(ct);
        Comments = await rows.Where(f => f.Comment != null).OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(MaxComments).ToListAsync(ct);
        Label = entity.Label;
        PageTitle = "Phản hồi: " + (Path ?? entity.Label);
        return Page();
    }
}
