using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Questions;

/// <summary>The fixed lists of "Hỏi đáp": topics (the programme's six contents plus "Khác"), statuses, consent version.</summary>
public static class QuestionCatalog
{
    /// <summary>Version of the privacy notice and consent text of the question form, stored with each question.</summary>
    public const string ConsentVersion = "2026-12-hd1";
    public const int OtherTopic = 0;

    /// <summary>The six contents of decision 1625/QĐ-UBND (defined once, with the article editor) and "Khác".</summary>
    public static IReadOnlyList<(int Number, string Name)> Topics { get; } =
        [.. Pages.Admin.Articles.EditModel.ProgramAreas, (OtherTopic, "Khác")];

    public static bool IsTopic(int number) => Topics.Any(t => t.Number == number);

    public static string TopicName(int number) => Topics.FirstOrDefault(t => t.Number == number).Name ?? "Khác";

    public static string StatusName(QuestionStatus status) => status switch
    {
        QuestionStatus.Received => "Đã tiếp nhận",
        QuestionStatus.InProgress => "Đang xử lý",
        QuestionStatus.Answered => "Đã trả lời",
        QuestionStatus.Published => "Đã trả lời và đăng công khai",
        QuestionStatus.Closed => "Đã đóng",
        _ => status.ToString(),
    };

    /// <summary>The statuses staff may move a question to from each status (publishing has its own button).</summary>
    public static readonly IReadOnlyDictionary<QuestionStatus, QuestionStatus[]> NextStatuses = new Dictionary<QuestionStatus, QuestionStatus[]>
    {
        [QuestionStatus.Received] = [QuestionStatus.InProgress, QuestionStatus.Closed],
        [QuestionStatus.InProgress] = [QuestionStatus.Received, QuestionStatus.Closed],
        [QuestionStatus.Answered] = [QuestionStatus.InProgress, QuestionStatus.Closed],
        [QuestionStatus.Published] = [QuestionStatus.Closed],
        [QuestionStatus.Closed] = [QuestionStatus.InProgress],
    };

    /// <summary>How the code shared with registrations names and handles a question.</summary>
    public static readonly TriageType<QuestionStatus> Triage = new(
        "HD", "question", nameof(Question), "câu hỏi", "người hỏi", "/quan-tri/cau-hoi/", StatusName, NextStatuses,
        "hoi-dap", "/hoi-dap/tra-cuu");
}
