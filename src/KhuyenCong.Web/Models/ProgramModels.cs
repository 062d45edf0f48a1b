namespace KhuyenCong.Web.Models;

/// <summary>A target of the 2021–2025 programme (imported from content/program/targets.yml).</summary>
public class ProgramTarget
{
    public int Id { get; set; }
    /// <summary>The <see cref="ProgramPeriod.Code"/> the target belongs to.</summary>
    public string PeriodCode { get; set; } = "2021-2025";
    public required string Code { get; set; }
    /// <summary>Programme content number 1–6 (mục IV.1–IV.6 of the decision).</summary>
    public int Content { get; set; }
    public required string Title { get; set; }
    public required string Unit { get; set; }
    /// <summary>The target, or the lower bound of a range; null for an indicator without a target.</summary>
    public int? Minimum { get; set; }
    /// <summary>The upper bound when the decision gives a range (90–100).</summary>
    public int? Maximum { get; set; }
    /// <summary>The decision says "khoảng" (about).</summary>
    public bool IsApproximate { get; set; }
    public string? BudgetLine { get; set; }
    /// <summary>"manual" or a computed measure (see <see cref="ProgramMeasures"/>).</summary>
    public required string Measure { get; set; }
    public string Source { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>One figure of a budget table of the decision, exactly as printed (million VND).</summary>
public class ProgramFigure
{
    public int Id { get; set; }
    /// <summary>The <see cref="ProgramPeriod.Code"/> the figure belongs to.</summary>
    public string PeriodCode { get; set; } = "2021-2025";
    /// <summary>"appendix2" (2021–2025 by line), "section5" (by year), "appendix1" (2016–2020 results), "plan" (a later period's budget lines).</summary>
    public required string Table { get; set; }
    /// <summary>"total", a group ("I"), a line ("I.1"), or a year ("2021") in the by-year tables.</summary>
    public required string RowCode { get; set; }
    /// <summary>"total", "group", "line" or "year".</summary>
    public required string RowKind { get; set; }
    public string RowTitle { get; set; } = "";
    public int RowOrder { get; set; }
    /// <summary>Null for the whole period.</summary>
    public int? Year { get; set; }
    /// <summary>"total", "national", "local", "beneficiary" or "other".</summary>
    public required string Source { get; set; }
    public long Amount { get; set; }
    /// <summary>The cell as printed ("-" where the decision prints a dash).</summary>
    public required string Printed { get; set; }
    /// <summary>File and line it was read from.</summary>
    public required string SourceFile { get; set; }
    public int SourceLine { get; set; }
}

/// <summary>An arithmetic (or wording) mismatch found in the decision's own figures by the importer.</summary>
public class ProgramSourceIssue
{
    public int Id { get; set; }
    public required string File { get; set; }
    public int Line { get; set; }
    /// <summary>Which row and column, in words.</summary>
    public required string Location { get; set; }
    public long Expected { get; set; }
    public long Printed { get; set; }
    /// <summary>How the expected value was obtained (Vietnamese).</summary>
    public required string Message { get; set; }
}

/// <summary>The imported programme data set: one row with the hash of content/program/, so re-imports are idempotent.</summary>
public class ProgramDataset
{
    public int Id { get; set; }
    public required string SourceHash { get; set; }
    public DateTime ImportedAt { get; set; }
}

/// <summary>Progress toward a target entered by an editor, with its evidence.</summary>
public class Achievement
{
    public int Id { get; set; }
    public required string TargetCode { get; set; }
    /// <summary>Vietnam calendar day, stored as midnight of that date.</summary>
    public DateTime Date { get; set; }
    public int Quantity { get; set; }
    public string Note { get; set; } = "";
    /// <summary>An http(s) link or a site path (e.g. /van-ban/... or /media/...).</summary>
    public string? EvidenceUrl { get; set; }
    public int? EvidenceDocumentId { get; set; }
    public Document? EvidenceDocument { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    /// <summary>Withdrawn entries stay (with their history) but no longer count.</summary>
    public bool IsDeleted { get; set; }
    public List<AchievementChange> Changes { get; set; } = [];
}

/// <summary>One change of an achievement: who, when, what, and the values after it.</summary>
public class AchievementChange
{
    public int Id { get; set; }
    public int AchievementId { get; set; }
    public Achievement? Achievement { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    /// <summary>"create", "update" or "delete".</summary>
    public required string Action { get; set; }
    /// <summary>The values after the change, in words (target, date, quantity, note, evidence).</summary>
    public required string Snapshot { get; set; }
}

public static class ProgramMeasures
{
    public const string Manual = "manual";
    public const string Articles = "articles";
    public const string TvSegments = "tv-segments";
    public const string Fairs = "fairs";
    public const string FairParticipations = "fair-participations";
    public const string Showrooms = "showrooms";
    public const string SelectionRounds = "selection-rounds";
    public const string CertifiedProducts = "certified-products";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Manual, Articles, TvSegments, Fairs, FairParticipations, Showrooms, SelectionRounds, CertifiedProducts };

    public static string Label(string measure) => measure switch
    {
        Articles => "tin bài đăng trên trang trong giai đoạn",
        TvSegments => "chuyên mục truyền hình phát sóng trong giai đoạn",
        Fairs => "hội chợ cấp tỉnh đã tổ chức xong trong giai đoạn",
        FairParticipations => "lượt tham gia hội chợ được Chương trình hỗ trợ, ở các hội chợ đã kết thúc trong giai đoạn",
        Showrooms => "phòng trưng bày được hỗ trợ trong các năm của giai đoạn",
        SelectionRounds => "kỳ bình chọn cấp tỉnh trong giai đoạn của sản phẩm trên trang",
        CertifiedProducts => "sản phẩm trên trang được công nhận cấp tỉnh trong giai đoạn",
        _ => "nhập bởi biên tập viên",
    };
}

public static class ProgramSources
{
    public const string Total = "total";
    public const string National = "national";
    public const string Local = "local";
    public const string Beneficiary = "beneficiary";
    public const string Other = "other";

    public static string Label(string source) => source switch
    {
        National => "Kinh phí khuyến công quốc gia",
        Local => "Kinh phí khuyến công địa phương",
        Beneficiary => "Vốn đối ứng của đơn vị thụ hưởng",
        Other => "Nguồn khác",
        _ => "Tổng kinh phí",
    };
}
