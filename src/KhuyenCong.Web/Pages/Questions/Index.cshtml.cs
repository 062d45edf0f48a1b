using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>Published questions and answers (no personal data), newest first, by topic, with paging.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 20;

    public sealed record Card(string Title, string Slug, string Summary, int Topic, DateTime PublishAt);

    public IReadOnlyList<Card> Items { get; private set; } = [];
    public IReadOnlyList<(int Number, string Name, int Count)> Topics { get; private set; } = [];
    public int? Topic { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "chu-de")] string? chuDe, [FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        if (!TryParsePage(trang, out var page))
        {
            return BadInput();
        }

        if (!string.IsNullOrEmpty(chuDe))
        {
            if (chuDe.Length > 2 || !int.TryParse(chuDe, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || !QuestionCatalog.IsTopic(t))
            {
                return BadInput();
            }

            Topic = t;
        }

        var published = db.QaItems.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime);
        var counts = await published.GroupBy(q => q.Topic).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Topics = QuestionCatalog.Topics.Select(t => (t.Number, t.Name, counts.GetValueOrDefault(t.Number))).ToList();
        var query = Topic is { } topic ? published.Where(q => q.Topic == topic) : published;
        var basePath = Topic is null ? "/hoi-dap" : "/hoi-dap?chu-de=" + Topic.Value.ToString(CultureInfo.InvariantCulture);
        Pager = new Pager(page, PageSize, await query.CountAsync(ct),
            n => n == 1 ? basePath : basePath + (Topic is null ? "?" : "&") + "trang=" + n.ToString(CultureInfo.InvariantCulture));
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Items = await query.OrderByDescending(q => q.PublishAt).ThenByDescending(q => q.Id).Skip(Pager.Skip).Take(PageSize)
            .Select(q => new Card(q.Title, q.Slug, q.Summary, q.Topic, q.PublishAt!.Value)).ToListAsync(ct);
        Section = "qa";
        PageTitle = (Topic is null ? "Hỏi đáp" : "Hỏi đáp: " + QuestionCatalog.TopicName(Topic.Value)) + (page > 1 ? $" – trang {page}" : "");
        MetaDescription = "Câu hỏi của doanh nghiệp, hợp tác xã, hộ kinh doanh về chính sách khuyến công và câu trả lời của Sở Công Thương.";
        CanonicalPath = Pager.Link(page);
        Breadcrumbs.Add(("Hỏi đáp", Topic is null ? null : "/hoi-dap"));
        if (Topic is not null)
        {
            Breadcrumbs.Add((QuestionCatalog.TopicName(Topic.Value), null));
        }

        return Page();
    }
}
