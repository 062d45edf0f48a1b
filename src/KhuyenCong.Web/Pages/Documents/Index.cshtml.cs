using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Documents;

/// <summary>
/// Policy documents with filters by kind, year and issuer and a keyword search without diacritics. The
/// programme holds tens of documents, so one query loads them and the filters run in memory.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public class IndexModel(AppDbContext db, TimeProvider clock) : SitePageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Title, string Slug, string Kind, string? Number, string Issuer, DateTime? IssuedOn, bool InForce, string Summary, bool HasFile);

    [FromQuery(Name = "loai")] public string? Kind { get; set; }
    [FromQuery(Name = "nam")] public string? Year { get; set; }
    [FromQuery(Name = "co-quan")] public string? Issuer { get; set; }
    [FromQuery(Name = "tu-khoa")] public string? Keyword { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<string> Issuers { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public bool IsFiltered => !string.IsNullOrEmpty(Kind) || !string.IsNullOrEmpty(Year) || !string.IsNullOrEmpty(Issuer) || !string.IsNullOrWhiteSpace(Keyword);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        int? year = null;
        if (!TryParsePage(trang, out var page)
            || Kind?.Length > 100 || Issuer?.Length > 200 || Keyword?.Length > SearchQuery.MaxQueryLength)
        {
            return BadInput();
        }

        if (!string.IsNullOrEmpty(Year))
        {
            if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1945 or > 2100)
            {
                return BadInput();
            }

            year = y;
        }

        var all = await db.Documents.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime)
            .OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Title)
            .Select(d => new Row(d.Title, d.Slug, d.Kind, d.Number, d.Issuer, d.IssuedOn, d.InForce, d.Summary, d.FileName != null))
            .ToListAsync(ct);
        var vi = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);
        Kinds = all.Select(d => d.Kind).Distinct().Order(vi).ToList();
        Issuers = all.Select(d => d.Issuer).Distinct().Order(vi).ToList();
        Years = all.Where(d => d.IssuedOn is not null).Select(d => d.IssuedOn!.Value.Year).Distinct().OrderDescending().ToList();

        var terms = SearchQuery.Terms(Keyword);
        var filtered = all.Where(d =>
                (string.IsNullOrEmpty(Kind) || d.Kind == Kind)
                && (string.IsNullOrEmpty(Issuer) || d.Issuer == Issuer)
                && (year is null || d.IssuedOn?.Year == year)
                && (terms.Count == 0 || MatchesAll(d, terms)))
            .ToList();
        Total = filtered.Count;
        Pager = new Pager(page, PageSize, Total, n => Link(n));
        if (Pager.IsBeyondEnd && page > 1)
        {
            return NotFound();
        }

        Rows = filtered.Skip(Pager.Skip).Take(PageSize).ToList();
        Section = "documents";
        PageTitle = "Văn bản chính sách";
        MetaDescription = "Văn bản pháp luật và chính sách về khuyến công: nghị định, thông tư, quyết định, chỉ thị, kế hoạch.";
        CanonicalPath = IsFiltered ? Link(page) : Pager.Link(page);
        Breadcrumbs.Add(("Văn bản", null));
        return Page();
    }

    private static bool MatchesAll(Row d, IReadOnlyList<string> terms)
    {
        var words = TextFolding.Tokens(string.Join(' ', d.Title, d.Number, d.Kind, d.Issuer, d.Summary)).ToHashSet(StringComparer.Ordinal);
        return terms.Select((t, i) => i == terms.Count - 1 ? words.Any(w => w.StartsWith(t, StringComparison.Ordinal)) : words.Contains(t)).All(x => x);
    }

    public string Link(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("loai", Kind);
        Add("nam", Year);
        Add("co-quan", Issuer);
        Add("tu-khoa", Keyword);
        if (page > 1)
        {
            query.Add($"trang={page}");
        }

        return query.Count == 0 ? "/van-ban" : "/van-ban?" + string.Join('&', query);
    }
}
