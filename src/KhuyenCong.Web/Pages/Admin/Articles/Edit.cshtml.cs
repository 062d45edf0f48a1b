using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Articles;

public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : ContentEditModel<Article, EditModel.ArticleExtra>(db, publisher, markdown, clock)
{
    public sealed class ArticleInput
    {
        [Display(Name = "Chuyên mục")] public int? TopicId { get; set; }

        [StringLength(500, ErrorMessage = "Từ khóa tối đa 500 ký tự.")]
        [Display(Name = "Từ khóa (cách nhau bằng dấu phẩy)")]
        public string? Tags { get; set; }

        [Range(1, 6, ErrorMessage = "Chọn một nội dung của Chương trình.")]
        [Display(Name = "Nội dung Chương trình")]
        public int? ProgramArea { get; set; }

        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")][Display(Name = "Tác giả")] public string? Author { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")][Display(Name = "Nguồn")] public string? Source { get; set; }
        [Display(Name = "Tin nổi bật trên trang chủ")] public bool IsFeatured { get; set; }

        [StringLength(64, ErrorMessage = "Mã ảnh không hợp lệ.")]
        [Display(Name = "Ảnh đại diện")]
        public string? FeaturedImage { get; set; }

        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        [Display(Name = "Mô tả ảnh đại diện (bắt buộc khi có ảnh)")]
        public string? FeaturedImageAlt { get; set; }
    }

    /// <summary>The tag names of the form, cleaned (at most 10, each up to 60 characters, no repeats).</summary>
    public sealed record ArticleExtra(IReadOnlyList<string> TagNames);

    /// <summary>The six contents of the programme (<see cref="ProgramContents"/>), as the form offers them.</summary>
    public static readonly IReadOnlyList<(int Number, string Name)> ProgramAreas = [.. ProgramContents.All.Select(c => (c.Number, c.NumberedTitle))];

    [BindProperty] public ArticleInput Extra { get; set; } = new();

    /// <summary>The form's image fields, filled with the media picker.</summary>
    protected override IReadOnlyList<ImageTarget> ImageTargets =>
    [
        new("anh-dai-dien", "Ảnh đại diện", "Extra.FeaturedImage", Extra.FeaturedImage, m =>
        {
            Extra.FeaturedImage = m.StorageName;
            Extra.FeaturedImageAlt = m.AltText;
        }),
    ];
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    protected override IQueryable<Article> Items => Db.Articles.Include(a => a.Tags);
    protected override Article Create() => new() { Title = "", Slug = "" };

    protected override async Task LoadExtraAsync(Article? item, CancellationToken ct)
    {
        Topics = await Db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            Extra = new ArticleInput
            {
                TopicId = item.TopicId, Tags = string.Join(", ", item.Tags.Select(t => t.Name)), ProgramArea = item.ProgramArea,
                Author = item.Author, Source = item.Source, IsFeatured = item.IsFeatured,
                FeaturedImage = item.FeaturedImage, FeaturedImageAlt = item.FeaturedImageAlt,
            };
        }
    }

    protected override async Task<ArticleExtra> ParseExtraAsync(CancellationToken ct)
    {
        if (Extra.TopicId is { } topicId && !Topics.Any(t => t.Id == topicId))
        {
            ModelState.AddModelError("Extra.TopicId", "Chuyên mục không tồn tại.");
        }

        if (!string.IsNullOrWhiteSpace(Extra.FeaturedImage))
        {
            if (!await Db.MediaFiles.AnyAsync(m => m.StorageName == Extra.FeaturedImage && m.Kind == MediaKind.Image, ct))
            {
                ModelState.AddModelError("Extra.FeaturedImage", "Không tìm thấy ảnh này trong thư viện.");
            }

            if (string.IsNullOrWhiteSpace(Extra.FeaturedImageAlt))
            {
                ModelState.AddModelError("Extra.FeaturedImageAlt", "Nhập mô tả ảnh cho người không xem được ảnh.");
            }
        }

        return new ArticleExtra((Extra.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length is > 0 and <= 60).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList());
    }

    protected override void ApplyExtra(Article item, ArticleExtra extra)
    {
        item.TopicId = Extra.TopicId;
        item.ProgramArea = Extra.ProgramArea;
        item.Author = Extra.Author;
        item.Source = Extra.Source;
        item.IsFeatured = Extra.IsFeatured;
        item.FeaturedImage = string.IsNullOrWhiteSpace(Extra.FeaturedImage) ? null : Extra.FeaturedImage.Trim();
        item.FeaturedImageAlt = item.FeaturedImage is null ? null : Extra.FeaturedImageAlt?.Trim();
        var names = extra.TagNames;
        item.Tags.RemoveAll(t => !names.Any(n => Slugifier.Slugify(n) == t.Slug));
        foreach (var name in names)
        {
            var slug = Slugifier.Slugify(name);
            if (item.Tags.Any(t => t.Slug == slug))
            {
                continue;
            }

            var tag = Db.Tags.Local.FirstOrDefault(t => t.Slug == slug) ?? Db.Tags.FirstOrDefault(t => t.Slug == slug) ?? new Tag { Name = name, Slug = slug };
            item.Tags.Add(tag);
        }
    }
}
