using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SitePage = KhuyenCong.Web.Models.Page;

namespace KhuyenCong.Web.Pages.Admin.StaticPages;

public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : ContentEditModel<SitePage, EditModel.PageExtra>(db, publisher, markdown, clock)
{
    public sealed class PageInput
    {
        [Display(Name = "Trang cha")] public int? ParentId { get; set; }
        [Range(0, 1000, ErrorMessage = "Thứ tự từ 0 đến 1.000.")][Display(Name = "Thứ tự")] public int SortOrder { get; set; }
        [Display(Name = "Ngôn ngữ")] public string Language { get; set; } = "vi";
    }

    /// <summary>The chosen parent's path (null for a top-level page): the page's path is it plus the slug.</summary>
    public sealed record PageExtra(string? ParentPath)
    {
        public string PathOf(string slug) => ParentPath is null ? slug : ParentPath + "/" + slug;
    }

    [BindProperty] public PageInput Extra { get; set; } = new();
    public IReadOnlyList<(int Id, string Path, string Title)> Parents { get; private set; } = [];

    protected override IQueryable<SitePage> Items => Db.Pages;
    protected override SitePage Create() => new() { Title = "", Slug = "", Path = "" };

    protected override async Task LoadExtraAsync(SitePage? item, CancellationToken ct)
    {
        var id = item?.Id ?? 0;
        var prefix = item is null ? "\u0001" : item.Path + "/";
        Parents = (await Db.Pages.AsNoTracking().Where(p => p.Id != id && !p.Path.StartsWith(prefix)).OrderBy(p => p.Path)
            .Select(p => new { p.Id, p.Path, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Path, p.Title)).ToList();
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            Extra = new PageInput { ParentId = item.ParentId, SortOrder = item.SortOrder, Language = item.Language };
        }
    }

    protected override Task<PageExtra> ParseExtraAsync(CancellationToken ct)
    {
        if (Extra.ParentId is { } parentId && !Parents.Any(p => p.Id == parentId))
        {
            ModelState.AddModelError("Extra.ParentId", "Trang cha không hợp lệ (không thể chọn chính trang này hoặc trang con của nó).");
        }

        if (Extra.Language is not ("vi" or "en"))
        {
            ModelState.AddModelError("Extra.Language", "Chọn tiếng Việt hoặc tiếng Anh.");
        }

        return Task.FromResult(ChosenParent());
    }

    private PageExtra ChosenParent() =>
        new(Extra.ParentId is { } parentId && Parents.FirstOrDefault(p => p.Id == parentId) is { Path: { } parentPath } ? parentPath : null);

    protected override async Task<string?> DeleteProblemAsync(SitePage item, CancellationToken ct) =>
        await Db.Pages.AnyAsync(p => p.ParentId == item.Id, ct)
            ? "Không xóa được: trang này còn trang con. Hãy chuyển các trang con sang trang cha khác hoặc xóa chúng trước."
            : null;

    protected override async Task<bool> SlugTakenAsync(string slug, CancellationToken ct)
    {
        var id = Item?.Id ?? 0;
        var path = ChosenParent().PathOf(slug);
        return await Db.Pages.AnyAsync(p => p.Path == path && p.Id != id, ct);
    }

    protected override void ApplyExtra(SitePage item, PageExtra extra)
    {
        var oldPath = item.Path;
        item.ParentId = Extra.ParentId;
        item.SortOrder = Extra.SortOrder;
        item.Language = Extra.Language;
        item.Path = extra.PathOf(item.Slug);
        if (oldPath.Length > 0 && oldPath != item.Path)
        {
            // Children follow their parent's new address.
            foreach (var child in Db.Pages.Where(p => p.Path.StartsWith(oldPath + "/")).ToList())
            {
                child.Path = item.Path + child.Path[oldPath.Length..];
            }
        }
    }
}
