using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Content;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>The fields every content type's edit form has; <see cref="Parse"/> checks them and returns what to store.</summary>
public class ContentInput
{
    [Required(ErrorMessage = "Nhập tiêu đề.")]
    [StringLength(300, ErrorMessage = "Tiêu đề tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "Đường dẫn tối đa 200 ký tự.")]
    [Display(Name = "Đường dẫn (để trống để tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [StringLength(1000, ErrorMessage = "Tóm tắt tối đa 1.000 ký tự.")]
    [Display(Name = "Tóm tắt")]
    public string? Summary { get; set; }

    [StringLength(MarkdownRenderer.MaxInputChars, ErrorMessage = "Nội dung quá dài.")]
    [Display(Name = "Nội dung (Markdown)")]
    public string? Body { get; set; }

    [Display(Name = "Thời điểm đăng (giờ Việt Nam)")]
    public string? PublishAt { get; set; }

    [Display(Name = "Thời điểm gỡ (tùy chọn)")]
    public string? UnpublishAt { get; set; }

    [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề SEO (tùy chọn)")]
    public string? SeoTitle { get; set; }

    [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
    [Display(Name = "Mô tả SEO (tùy chọn)")]
    public string? SeoDescription { get; set; }

    [StringLength(500, ErrorMessage = "Ghi chú tối đa 500 ký tự.")]
    [Display(Name = "Ghi chú cho lần lưu này / lý do trả lại")]
    public string? Note { get; set; }

    /// <summary>The form as it shows a stored item.</summary>
    public static ContentInput From(RoutedContent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ContentInput
        {
            Title = item.Title, Slug = item.Slug, Summary = item.Summary, Body = item.BodyMarkdown.ReplaceLineEndings("\n"),
            PublishAt = ShowcaseForms.MomentInput(item.PublishAt), UnpublishAt = ShowcaseForms.MomentInput(item.UnpublishAt),
            SeoTitle = item.SeoTitle, SeoDescription = item.SeoDescription,
        };
    }

    /// <summary>
    /// Checks the common fields for <paramref name="step"/> (errors go to <paramref name="state"/> under "Input.…")
    /// and renders the body once: the check is the rendering the publisher stores. Null when the body was refused.
    /// </summary>
    public ParsedContent? Parse(ModelStateDictionary state, MarkdownRenderer markdown, WorkflowAction step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(markdown);
        var publishAt = ShowcaseForms.Moment(state, PublishAt, "Input.PublishAt");
        var unpublishAt = ShowcaseForms.Moment(state, UnpublishAt, "Input.UnpublishAt");
        if (unpublishAt is not null && publishAt is not null && unpublishAt <= publishAt)
        {
            state.AddModelError("Input.UnpublishAt", "Thời điểm gỡ phải sau thời điểm đăng.");
        }

        var slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug.Trim();
        if (slug is not null && !Slugifier.IsValid(slug))
        {
            state.AddModelError("Input.Slug", "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: dao-tao-nghe.");
        }

        if (step == WorkflowAction.SendBack && string.IsNullOrWhiteSpace(Note))
        {
            state.AddModelError("Input.Note", "Ghi rõ lý do trả lại để người viết biết cần sửa gì.");
        }

        try
        {
            // Browsers send textarea lines as CR LF; stored text uses LF (a CR would come back as &#xD; in the form).
            var body = markdown.Render(ContentPublisher.Nfc((Body ?? "").ReplaceLineEndings("\n")));
            return new ParsedContent(this, slug ?? Slugifier.Slugify(Title), body, publishAt, unpublishAt);
        }
        catch (MarkdownRejectedException ex)
        {
            state.AddModelError("Input.Body", ex.Message);
            return null;
        }
    }
}

/// <summary>The common fields as <see cref="ContentInput.Parse"/> read them: the slug to use, the rendered body, the two moments.</summary>
public sealed record ParsedContent(ContentInput Input, string Slug, RenderedMarkdown Body, DateTime? PublishAt, DateTime? UnpublishAt)
{
    /// <summary>Writes the common fields and the workflow step's status, dates and review note onto <paramref name="item"/>.</summary>
    public void ApplyTo(RoutedContent item, WorkflowAction step, bool isNew, DateTime now, string? user)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Title = Input.Title.Trim();
        item.Slug = Slug;
        item.Summary = Input.Summary?.Trim().ReplaceLineEndings("\n") ?? "";
        item.BodyMarkdown = Body.Source;
        item.SeoTitle = Input.SeoTitle;
        item.SeoDescription = Input.SeoDescription;
        item.UnpublishAt = UnpublishAt;
        item.Status = Workflow.Next(item.Status, step, isNew);
        item.PublishAt = PublishAt ?? (item.Status == ContentStatus.Published ? item.PublishAt ?? now : item.PublishAt);
        item.UpdatedAt = now;
        item.UpdatedBy = user;
        item.ReviewNote = step == WorkflowAction.SendBack ? Input.Note : step == WorkflowAction.Submit ? null : item.ReviewNote;
        if (item.Status != ContentStatus.Published)
        {
            item.WentLiveAt = null;
        }
    }
}
