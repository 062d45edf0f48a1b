using System.ComponentModel;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints.Api;

public static partial class OpenDataApi
{
    private static void MapQuestions(RouteGroupBuilder api)
    {
        api.MapGet("/questions", QuestionsAsync).WithName("ListQuestions").WithTags("Hỏi đáp")
            .WithSummary("Danh sách hỏi đáp").WithDescription("Câu hỏi đã được trả lời và công bố (không có thông tin cá nhân của người hỏi), mới nhất trước; lọc theo lĩnh vực. Như trang /hoi-dap.")
            .Produces<ApiPage<ApiQuestion>>();
        api.MapGet("/questions/{slug}", QuestionAsync).WithName("GetQuestion").WithTags("Hỏi đáp")
            .WithSummary("Một câu hỏi và câu trả lời").WithDescription("Câu hỏi theo đường dẫn (slug), với câu trả lời dạng HTML.")
            .Produces<ApiQuestion>().Produces<ApiProblem>(StatusCodes.Status404NotFound, ApiConventions.ProblemContentType);
    }

    private static async Task<IResult> QuestionsAsync(
        HttpContext http, AppDbContext db, SiteUrls urls, TimeProvider clock,
        [FromQuery(Name = "topic"), Description("Lĩnh vực: 1–6 là sáu nội dung khuyến công của Quyết định 1625/QĐ-UBND, 0 là \"Khác\".")] string? topic,
        [AsParameters] ApiPaging paging,
        CancellationToken ct)
    {
        if (!paging.TryRead("questions", out var size, out var beforeId, out var problem)
            || !TryInt(topic, "topic", 0, 99, out var t, out problem))
        {
            return problem!;
        }

        if (t is { } number && !QuestionCatalog.IsTopic(number))
        {
            return ApiConventions.BadParameter("topic", "Lĩnh vực là một số từ 0 đến 6 (0 là \"Khác\").");
        }

        // Newest first by id (a published item keeps its id), so the cursor is the last id of the page.
        var rows = await db.QaItems.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime)
            .Where(q => t == null || q.Topic == t)
            .Where(q => beforeId == null || q.Id < beforeId)
            .OrderByDescending(q => q.Id).Take(size + 1).ToListAsync(ct);
        var page = Page(http, urls, rows, size, q => ApiConventions.Cursor("questions", q.Id), q => QuestionOf(q, urls, withAnswer: false));
        return ApiConventions.Ok(page, Latest(rows.Take(size).Select(q => q.UpdatedAt)));
    }

    private static async Task<IResult> QuestionAsync([Description("Đường dẫn (slug) của mục, như trong trường slug của danh sách.")] string slug, AppDbContext db, SiteUrls urls, TimeProvider clock, CancellationToken ct)
    {
        var q = await db.QaItems.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (q is null)
        {
            return ApiConventions.NotFound("Không có câu hỏi đang công bố với đường dẫn này.");
        }

        return ApiConventions.Ok(QuestionOf(q, urls, withAnswer: true), q.UpdatedAt);
    }

    private static ApiQuestion QuestionOf(QaItem q, SiteUrls urls, bool withAnswer) => new(
        q.Id, q.Slug, q.Title, q.Summary, urls.Absolute(SiteUrls.Qa(q.Slug)), new ApiTopicNumber(q.Topic, QuestionCatalog.TopicName(q.Topic)),
        q.QuestionText, withAnswer ? q.BodyHtml : null, ApiConventions.Local(q.PublishAt!.Value), ApiConventions.Local(q.UpdatedAt), q.IsSample);
}
