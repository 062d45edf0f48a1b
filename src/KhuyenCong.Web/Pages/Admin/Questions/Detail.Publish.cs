using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Questions;

/// <summary>
/// Publishing a question as a public question-and-answer item (publishers only): the public title and question
/// without personal data, the saved answer, through the content publisher; the question then reads "published".
/// </summary>
public partial class DetailModel
{
    /// <summary>Public addresses under /hoi-dap that a published item's slug may not take.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "dat-cau-hoi", "da-gui", "tra-cuu", "chinh-sach-du-lieu", "rss",
    };

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct)
    {
        if (!CanPublish)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Question.ConsentPublish)
        {
            return Invalid("tieu-de-cong-khai", "Người hỏi không đồng ý đăng công khai câu hỏi này.");
        }

        if (Question.AnsweredAt is null || Question.AnswerMarkdown.Length == 0)
        {
            return Invalid("tieu-de-cong-khai", "Cần lưu câu trả lời trước khi đăng công khai.");
        }

        var titleProblem = FormText.Clean(PublicTitle, "Tiêu đề công khai", 300, false, out var title);
        if (titleProblem is not null || title.Length == 0)
        {
            return Invalid("tieu-de-cong-khai", titleProblem ?? "Nhập tiêu đề công khai.");
        }

        var textProblem = FormText.Clean(PublicText, "Câu hỏi công khai", 4000, true, out var text);
        if (textProblem is not null || text.Length == 0)
        {
            return Invalid("cau-hoi-cong-khai", textProblem ?? "Nhập nội dung câu hỏi công khai (đã bỏ thông tin cá nhân).");
        }

        var now = Now;
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var item = Published;
        if (item is null)
        {
            var taken = await Db.QaItems.Select(q => q.Slug).ToListAsync(ct);
            var slugs = taken.Concat(ReservedSlugs).ToHashSet(StringComparer.Ordinal);
            item = new QaItem { Title = title, Slug = Slugifier.Unique(Slugifier.Slugify(title).Length == 0 ? Question.Reference : title, slugs.Contains) };
            Db.QaItems.Add(item);
        }

        item.Title = title;
        item.QuestionText = text;
        item.BodyMarkdown = Question.AnswerMarkdown;
        item.Topic = Question.Topic;
        item.Status = ContentStatus.Published;
        item.PublishAt ??= now;
        item.UnpublishAt = null;
        item.UpdatedAt = now;
        item.UpdatedBy = User.Identity?.Name;
        await Publisher.SaveAsync(item, User.Identity?.Name ?? "?", "publish", "Từ câu hỏi " + Question.Reference, ct);
        Question.QaItemId = item.Id;
        Question.AddEvent(QuestionEventKind.Published, now, Audit.CurrentActor, SiteUrls.Qa(item.Slug));
        if (Question.Status != QuestionStatus.Published)
        {
            Question.MoveTo(QuestionStatus.Published, now, Audit.CurrentActor);
        }

        Question.UpdatedAt = now;
        Audit.Add("question-publish", Type.EntityName, Question.Reference, SiteUrls.Qa(item.Slug));
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The publisher evicted before this transaction committed: evict again now that the item is visible.
        await ContentChanges.AnnounceAsync(Db, HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(), ct);
        return Done("Đã đăng câu hỏi và câu trả lời tại " + SiteUrls.Qa(item.Slug) + ".");
    }
}
