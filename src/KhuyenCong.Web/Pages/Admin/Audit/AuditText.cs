namespace KhuyenCong.Web.Pages.Admin.Audit;

/// <summary>
/// The Vietnamese words for the audit log's action codes and entity types. The codes stay English in the database
/// (stable filter values, grep-able in code); every page of the editor area shows these words instead.
/// </summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["save"] = "lưu",
        ["submit"] = "gửi duyệt",
        ["publish"] = "đăng",
        ["send-back"] = "trả lại người viết",
        ["archive"] = "gỡ khỏi trang",
        ["delete"] = "xóa",
        ["restore"] = "khôi phục phiên bản",
        ["import"] = "nhập từ tệp nội dung",
        ["scheduled-publish"] = "đăng theo lịch",
        ["scheduled-unpublish"] = "gỡ theo lịch",
        ["create"] = "thêm",
        ["update"] = "sửa",
        ["media-upload"] = "tải tệp lên",
        ["media-delete"] = "xóa tệp",
        ["user-create"] = "tạo tài khoản",
        ["user-role"] = "đổi vai trò",
        ["user-disable"] = "khóa tài khoản",
        ["user-enable"] = "mở khóa tài khoản",
        ["user-reset"] = "đặt lại mật khẩu",
        ["password-change"] = "đổi mật khẩu",
        ["login-success"] = "đăng nhập",
        ["login-failure"] = "đăng nhập không thành công",
        ["login-locked"] = "đăng nhập bị tạm khóa",
        ["logout"] = "đăng xuất",
        ["registration-status"] = "đổi trạng thái hồ sơ",
        ["registration-reply"] = "trả lời người đăng ký",
        ["registration-note"] = "ghi chú nội bộ",
        ["registration-assign"] = "phân công xử lý",
        ["registration-export-person"] = "xuất dữ liệu của người đăng ký",
        ["registration-erase-person"] = "xóa dữ liệu cá nhân theo yêu cầu",
        ["registration-export-list"] = "xuất danh sách hồ sơ",
        ["registration-erase-retention"] = "xóa dữ liệu cá nhân hết hạn lưu trữ",
        ["question-status"] = "đổi trạng thái câu hỏi",
        ["question-note"] = "ghi chú nội bộ về câu hỏi",
        ["question-assign"] = "phân công trả lời câu hỏi",
        ["question-answer"] = "trả lời câu hỏi",
        ["question-publish"] = "đăng công khai câu hỏi",
        ["question-export-person"] = "xuất dữ liệu của người hỏi",
        ["question-erase-person"] = "xóa dữ liệu cá nhân của người hỏi theo yêu cầu",
        ["question-export-list"] = "xuất danh sách câu hỏi",
        ["question-erase-retention"] = "xóa dữ liệu cá nhân của người hỏi hết hạn lưu trữ",
        ["comment-approve"] = "duyệt góp ý dự thảo",
        ["comment-reject"] = "không hiển thị góp ý dự thảo",
        ["comment-reply"] = "trả lời công khai góp ý dự thảo",
        ["comment-erase-person"] = "xóa dữ liệu cá nhân của người góp ý",
        ["comment-erase-retention"] = "xóa dữ liệu cá nhân của người góp ý hết hạn lưu trữ",
        ["mail-retry"] = "gửi lại thư",
        ["subscriber-export-person"] = "xuất dữ liệu của người nhận tin",
        ["subscriber-erase-person"] = "xóa dữ liệu của người nhận tin",
    };

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["Article"] = "tin bài",
        ["Document"] = "văn bản",
        ["Page"] = "trang",
        ["Product"] = "sản phẩm",
        ["TvSegment"] = "chuyên mục truyền hình",
        ["Showroom"] = "phòng trưng bày",
        ["Fair"] = "hội chợ",
        ["Establishment"] = "cơ sở",
        ["MediaFile"] = "tệp thư viện",
        ["User"] = "tài khoản",
        ["Registration"] = "hồ sơ đăng ký",
        ["Question"] = "câu hỏi",
        ["QaItem"] = "hỏi đáp công khai",
        ["PageFeedback"] = "phản hồi về trang",
        ["DocumentComment"] = "góp ý dự thảo",
        ["OutboxMessage"] = "thư gửi đi",
        ["MailSubscriber"] = "người nhận tin",
        ["achievement"] = "kết quả thực hiện Chương trình",
        ["program-period"] = "giai đoạn Chương trình",
    };

    /// <summary>The admin path segment of each content type that has an edit page.</summary>
    private static readonly Dictionary<string, string> EditPaths =
        KhuyenCong.Web.Services.Content.ContentTypes.All.Select(t => (t.Name, t.AdminSegment)).Append(("Establishment", "co-so"))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    public static IEnumerable<string> KnownActions => Actions.Keys;

    public static IEnumerable<string> KnownTypes => Types.Keys;

    /// <summary>An action in Vietnamese; a programme result's "delete" is a withdrawal (it stays in the history).</summary>
    public static string Action(string code, string? type = null) =>
        code == "delete" && type == "achievement" ? "rút"
        : Actions.TryGetValue(code, out var text) ? text
        : "thao tác khác";

    public static string Type(string type) => Types.TryGetValue(type, out var text) ? text : "mục khác";

    /// <summary>The edit page of a content entry, when it has one.</summary>
    public static string? EditPath(string type, string? id) =>
        id is not null && EditPaths.TryGetValue(type, out var segment) && int.TryParse(id, out _) ? $"/quan-tri/{segment}/{id}" : null;

    /// <summary>Who did it, as a person reads it: the content importer's fixed actor name is the English verb "import".</summary>
    public static string Actor(string? actor) => actor == Data.ContentImporter.Actor ? "nhập từ tệp nội dung" : actor ?? "";

    /// <summary>The id shown beside the type: content numbers, file codes and registration references, never account keys.</summary>
    public static string? VisibleId(string type, string? id) => type == "User" ? null : id;
}
