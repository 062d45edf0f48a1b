using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Documents;

public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : ContentEditModel<Document, EditModel.DocumentExtra>(db, publisher, markdown, clock)
{
    public sealed class DocumentInput
    {
        [Required(ErrorMessage = "Nhập loại văn bản.")][StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")]
        [Display(Name = "Loại văn bản (Quyết định, Nghị định, Thông tư…)")] public string Kind { get; set; } = "";
        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")][Display(Name = "Số, ký hiệu")] public string? Number { get; set; }
        [Required(ErrorMessage = "Nhập cơ quan ban hành.")][StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        [Display(Name = "Cơ quan ban hành")] public string Issuer { get; set; } = "";
        [Display(Name = "Ngày ban hành")] public string? IssuedOn { get; set; }
        [Display(Name = "Ngày có hiệu lực")] public string? EffectiveOn { get; set; }
        [Display(Name = "Còn hiệu lực")] public bool InForce { get; set; } = true;
        [StringLength(64, ErrorMessage = "Mã tệp không hợp lệ.")]
        [Display(Name = "Tệp đính kèm (mã tệp PDF trong thư viện)")] public string? MediaFile { get; set; }
        [Display(Name = "Bắt đầu lấy ý kiến (giờ Việt Nam)")] public string? CommentOpens { get; set; }
        [Display(Name = "Hết hạn lấy ý kiến (giờ Việt Nam)")] public string? CommentCloses { get; set; }
        [StringLength(20_000, ErrorMessage = "Tối đa 20.000 ký tự.")]
        [Display(Name = "Tổng hợp ý kiến đã nhận và việc tiếp thu (Markdown, đăng sau khi hết hạn)")] public string? CommentSummary { get; set; }
    }

    /// <summary>The form's dates and comment period as read, and the attached PDF from the library (null: keep the file).</summary>
    public sealed record DocumentExtra(DateTime? IssuedOn, DateTime? EffectiveOn, DateTime? CommentOpens, DateTime? CommentCloses, MediaFile? Attachment);

    [BindProperty] public DocumentInput Extra { get; set; } = new();

    protected override IQueryable<Document> Items => Db.Documents;
    protected override Document Create() => new() { Title = "", Slug = "", Kind = "", Issuer = "" };

    protected override Task LoadExtraAsync(Document? item, CancellationToken ct)
    {
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            Extra = new DocumentInput
            {
                Kind = item.Kind, Number = item.Number, Issuer = item.Issuer, InForce = item.InForce,
                IssuedOn = item.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EffectiveOn = item.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CommentOpens = ShowcaseForms.MomentInput(item.CommentOpensAt), CommentCloses = ShowcaseForms.MomentInput(item.CommentClosesAt),
                CommentSummary = item.CommentSummaryMarkdown.ReplaceLineEndings("\n"),
            };
        }

        return Task.CompletedTask;
    }

    protected override async Task<DocumentExtra> ParseExtraAsync(CancellationToken ct)
    {
        var issued = ShowcaseForms.Day(ModelState, Extra.IssuedOn, "Extra.IssuedOn");
        var effective = ShowcaseForms.Day(ModelState, Extra.EffectiveOn, "Extra.EffectiveOn");
        var commentOpens = ShowcaseForms.Moment(ModelState, Extra.CommentOpens, "Extra.CommentOpens", dayAlone: true);
        var commentCloses = ShowcaseForms.Moment(ModelState, Extra.CommentCloses, "Extra.CommentCloses", dayAlone: true);
        if ((commentOpens is null) != (commentCloses is null) && ModelState.IsValid)
        {
            ModelState.AddModelError(commentOpens is null ? "Extra.CommentOpens" : "Extra.CommentCloses",
                "Dự thảo lấy ý kiến cần cả thời điểm bắt đầu và thời điểm hết hạn (để trống cả hai nếu không lấy ý kiến).");
        }
        else if (commentOpens is not null && commentCloses <= commentOpens)
        {
            ModelState.AddModelError("Extra.CommentCloses", "Thời điểm hết hạn lấy ý kiến phải sau thời điểm bắt đầu.");
        }

        if (FormText.Clean(Extra.CommentSummary, "Tổng hợp ý kiến", 20_000, true, out _) is { } summaryProblem)
        {
            ModelState.AddModelError("Extra.CommentSummary", summaryProblem);
        }

        MediaFile? attachment = null;
        if (!string.IsNullOrWhiteSpace(Extra.MediaFile))
        {
            attachment = await Db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.StorageName == Extra.MediaFile.Trim() && m.Kind == MediaKind.Pdf, ct);
            if (attachment is null)
            {
                ModelState.AddModelError("Extra.MediaFile", "Không tìm thấy tệp PDF này trong thư viện.");
            }
        }

        return new DocumentExtra(issued, effective, commentOpens, commentCloses, attachment);
    }

    protected override void ApplyExtra(Document item, DocumentExtra extra)
    {
        item.Kind = Extra.Kind.Trim();
        item.Number = string.IsNullOrWhiteSpace(Extra.Number) ? null : Extra.Number.Trim();
        item.Issuer = Extra.Issuer.Trim();
        item.IssuedOn = extra.IssuedOn;
        item.EffectiveOn = extra.EffectiveOn;
        item.InForce = Extra.InForce;
        item.CommentOpensAt = extra.CommentOpens;
        item.CommentClosesAt = extra.CommentCloses;
        item.CommentSummaryMarkdown = (Extra.CommentSummary ?? "").Trim().ReplaceLineEndings("\n");
        if (extra.Attachment is { } attachment)
        {
            item.FileName = "media:" + attachment.StorageName + ".pdf";
            item.FileContentType = "application/pdf";
            item.FileSize = attachment.Size;
        }
    }
}
