using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Pages.Admin.QaItems;

/// <summary>A public question and answer: the title, the question as shown, the answer (body) and the topic.</summary>
public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : ContentEditModel<QaItem, EditModel.QaExtra>(db, publisher, markdown, clock)
{
    public sealed class QaInput
    {
        [Display(Name = "Lĩnh vực")] public string? Topic { get; set; }
        [Display(Name = "Câu hỏi (như hiển thị công khai, không có thông tin cá nhân)")] public string? QuestionText { get; set; }
    }

    /// <summary>The topic's number and the question's cleaned text.</summary>
    public sealed record QaExtra(int Topic, string QuestionText);

    [BindProperty] public QaInput Extra { get; set; } = new();

    protected override IQueryable<QaItem> Items => Db.QaItems;
    protected override QaItem Create() => new() { Title = "", Slug = "" };

    protected override Task LoadExtraAsync(QaItem? item, CancellationToken ct)
    {
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            Extra = new QaInput { Topic = item.Topic.ToString(CultureInfo.InvariantCulture), QuestionText = item.QuestionText.ReplaceLineEndings("\n") };
        }

        return Task.CompletedTask;
    }

    protected override Task<QaExtra> ParseExtraAsync(CancellationToken ct)
    {
        var topic = 0;
        if (Extra.Topic is not { Length: > 0 and <= 2 } || !int.TryParse(Extra.Topic, NumberStyles.None, CultureInfo.InvariantCulture, out topic) || !QuestionCatalog.IsTopic(topic))
        {
            ModelState.AddModelError("Extra.Topic", "Chọn một lĩnh vực trong danh sách.");
        }

        if (FormText.Clean(Extra.QuestionText, "Câu hỏi", 4000, true, out var questionText) is { } problem)
        {
            ModelState.AddModelError("Extra.QuestionText", problem);
        }

        return Task.FromResult(new QaExtra(topic, questionText));
    }

    protected override void ApplyExtra(QaItem item, QaExtra extra)
    {
        item.Topic = extra.Topic;
        item.QuestionText = extra.QuestionText;
    }

    /// <summary>The form's own addresses under /hoi-dap cannot be an item's slug.</summary>
    protected override async Task<bool> SlugTakenAsync(string slug, CancellationToken ct) =>
        Questions.DetailModel.ReservedSlugs.Contains(slug) || await base.SlugTakenAsync(slug, ct);
}
