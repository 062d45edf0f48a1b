using System.ComponentModel;

namespace KhuyenCong.Web.Endpoints.Api;

// The shapes of the open-data API. Field names are stable: new fields may be added, none renamed or removed.
// Dates with a time are ISO 8601 with the +07:00 offset; calendar days are yyyy-MM-dd.

[Description("Một kích thước của ảnh, ở hai định dạng.")]
public sealed record ApiImageVariant(
    [property: Description("Chiều rộng (điểm ảnh).")] int Width,
    [property: Description("Địa chỉ tuyệt đối của tệp WebP.")] string Webp,
    [property: Description("Địa chỉ tuyệt đối của tệp JPEG.")] string Jpeg);

[Description("Một ảnh với văn bản thay thế và các kích thước đã tạo sẵn.")]
public sealed record ApiImage(
    [property: Description("Địa chỉ tuyệt đối của bản JPEG lớn nhất.")] string Src,
    [property: Description("Văn bản thay thế (mô tả ảnh).")] string Alt,
    int? Width, int? Height, string? Caption,
    [property: Description("Các kích thước của ảnh (WebP và JPEG).")] IReadOnlyList<ApiImageVariant> Variants);

[Description("Liên kết tới một mục khác của trang.")]
public sealed record ApiRef(string Slug, string Name, [property: Description("Trang công khai của mục.")] string Url);

[Description("Một địa bàn hành chính như khi ghi nhận, và đơn vị hiện nay bao trùm nó.")]
public sealed record ApiPlaceRef(string Code, string Name, [property: Description("Tên đầy đủ kèm cấp trên, như khi ghi nhận.")] string AsRecorded, [property: Description("“nay thuộc …” khi đơn vị không còn.")] string? NowPartOf);

[Description("Tin bài.")]
public sealed record ApiArticle(
    int Id, string Slug, string Title, string Summary, string Url,
    [property: Description("Thời điểm đăng (ISO 8601, múi giờ +07:00).")] DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt, ApiRef? Topic, IReadOnlyList<ApiRef> Tags, string? Author, string? Source,
    [property: Description("Nội dung mẫu (minh họa), không phải tin thật.")] bool IsSample,
    ApiImage? Image,
    [property: Description("Nội dung HTML (chỉ ở trang chi tiết).")] string? BodyHtml);

[Description("Văn bản chính sách.")]
public sealed record ApiDocument(
    int Id, string Slug, string Title, string Summary, string Url,
    [property: Description("Loại văn bản: Quyết định, Nghị định, Thông tư…")] string Kind,
    [property: Description("Số, ký hiệu, ví dụ “1625/QĐ-UBND”.")] string? Number,
    [property: Description("Cơ quan ban hành.")] string Issuer,
    DateOnly? IssuedOn, DateOnly? EffectiveOn,
    [property: Description("Còn hiệu lực.")] bool InForce,
    [property: Description("Tệp đính kèm, khi có.")] string? FileUrl, string? FileContentType, long? FileSizeBytes,
    DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool IsSample, string? BodyHtml);

[Description("Một lần sản phẩm được bình chọn tiêu biểu.")]
public sealed record ApiCertification(
    [property: Description("Cấp: tinh, khu-vuc, quoc-gia.")] string Level, string LevelName, int RoundYear, string? DecisionNumber, DateOnly? DecisionDate, string? Issuer);

[Description("Sản phẩm công nghiệp nông thôn tiêu biểu.")]
public sealed record ApiProduct(
    int Id, string Slug, string Title, string Summary, string Url,
    [property: Description("Nhóm (mã như ở /san-pham): thu-cong-my-nghe, che-bien-thuc-pham, co-khi, khac.")] string Group,
    string GroupName, bool IsSet, ApiRef? Establishment, ApiPlaceRef? Place,
    IReadOnlyList<ApiCertification> Certifications, int? OcopStars, int? OcopYear,
    DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool IsSample, ApiImage? Image, IReadOnlyList<ApiImage> Gallery);

[Description("Một giá trị của bộ lọc và số sản phẩm nó cho (với các bộ lọc khác đang chọn), như ở /san-pham.")]
public sealed record ApiFacetValue(string Code, string Label, int Count, bool Selected);

[Description("Các bộ lọc của danh sách sản phẩm và số đếm của từng giá trị.")]
public sealed record ApiProductFacets(
    IReadOnlyList<ApiFacetValue> Group, IReadOnlyList<ApiFacetValue> Level, IReadOnlyList<ApiFacetValue> Year,
    IReadOnlyList<ApiFacetValue> Place, IReadOnlyList<ApiFacetValue> Kind);

[Description("Một trang sản phẩm, với tổng số và số đếm của các bộ lọc.")]
public sealed record ApiProductPage(IReadOnlyList<ApiProduct> Items, string? Next, int Limit, int Total, ApiProductFacets Facets);

[Description("Cơ sở sản xuất có sản phẩm hoặc phòng trưng bày được công bố. Thông tin liên hệ chỉ có khi cơ sở đồng ý công khai.")]
public sealed record ApiEstablishment(
    int Id, string Slug, string Name, string Url,
    [property: Description("Loại hình (mã như ở /co-so): doanh-nghiep, hop-tac-xa, to-hop-tac, ho-kinh-doanh, khac.")] string Kind,
    string KindName, ApiPlaceRef? Place, string Description,
    [property: Description("Cơ sở đồng ý công khai thông tin liên hệ.")] bool ContactPublished,
    string? Address, string? Representative, string? Phone, string? Email, string? Website,
    IReadOnlyList<ApiRef> Products, bool IsSample, DateTimeOffset UpdatedAt);

[Description("Phòng trưng bày sản phẩm.")]
public sealed record ApiShowroom(
    int Id, string Slug, string Title, string Summary, string Url, string Address, ApiPlaceRef? Place, ApiRef? Establishment,
    string? OpeningHours, int? YearSupported, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool IsSample,
    ApiImage? Image, IReadOnlyList<ApiImage> Gallery);

[Description("Chương trình truyền hình, với toàn văn lời thoại.")]
public sealed record ApiTvSegment(
    int Id, string Slug, string Title, string Summary, string Url, int EpisodeNumber, DateOnly? AirDate, string Channel,
    int DurationSeconds, ApiRef? Topic,
    [property: Description("Tệp video MP4 lưu tại trang, khi có.")] string? VideoUrl,
    [property: Description("Liên kết tới video ở nơi khác, khi có.")] string? ExternalUrl,
    [property: Description("Phụ đề WebVTT dựng từ lời thoại.")] string CaptionsUrl,
    [property: Description("Toàn văn lời thoại.")] string Transcript,
    DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool IsSample, ApiImage? Image);

[Description("Cơ sở tham gia hội chợ.")]
public sealed record ApiFairParticipant(string Name, [property: Description("Trang của cơ sở, khi có.")] string? Url, string? Booth, [property: Description("Được chương trình khuyến công hỗ trợ.")] bool ProgrammeSupported);

[Description("Hội chợ triển lãm.")]
public sealed record ApiFair(
    int Id, string Slug, string Title, string Summary, string Url,
    [property: Description("Trạng thái theo ngày hôm nay: sap-dien-ra, dang-nhan-dang-ky, dang-dien-ra, da-ket-thuc.")] string Status,
    string StatusName, string Level, string LevelName, DateOnly StartsOn, DateOnly EndsOn, DateOnly? RegistrationDeadline,
    string Venue, string Address, string HostProvince, string Organiser, string? FundingLine,
    [property: Description("Lịch iCalendar (.ics) của hội chợ.")] string CalendarUrl,
    IReadOnlyList<ApiFairParticipant> Participants, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, bool IsSample,
    ApiImage? Image, IReadOnlyList<ApiImage> Gallery);

[Description("Đơn vị hành chính với thời gian tồn tại và đơn vị kế thừa.")]
public sealed record ApiPlace(
    string Code, string Name, [property: Description("province, district hoặc commune.")] string Level, string? ParentCode,
    DateOnly? ValidFrom, DateOnly? ValidTo, [property: Description("Còn tồn tại hôm nay.")] bool Valid,
    [property: Description("Đơn vị kế thừa trực tiếp, khi đã sáp nhập.")] string? SuccessorCode,
    [property: Description("Đơn vị hôm nay bao trùm đơn vị này (chính nó khi còn tồn tại).")] string CurrentCode,
    string AsRecorded, string? NowPartOf);

[Description("Chuyên mục tin.")]
public sealed record ApiTopic(int Id, string Slug, string Name, string Description, string Url);

[Description("Thẻ tin bài.")]
public sealed record ApiTag(int Id, string Slug, string Name, string Url);

[Description("Một kết quả tìm kiếm (như ở /tim-kiem).")]
public sealed record ApiSearchHit(
    [property: Description("Loại: article, document, product, establishment, showroom, fair, tv, page.")] string Kind,
    int ItemId, string Title, [property: Description("Đoạn trích quanh từ khóa.")] string Snippet, string Url, DateTimeOffset PublishedAt);

[Description("Một trang kết quả tìm kiếm, với tổng số và số kết quả của từng loại.")]
public sealed record ApiSearchPage(IReadOnlyList<ApiSearchHit> Items, string? Next, int Limit, int Total, IReadOnlyDictionary<string, int> KindCounts);

[Description("Một tệp tải về toàn bộ.")]
public sealed record ApiDownload(string Name, string Title, string Format, string Url, long SizeBytes, DateTimeOffset? UpdatedAt);

[Description("Lĩnh vực của một câu hỏi: số của nội dung khuyến công (1–6, Quyết định 1625/QĐ-UBND) hoặc 0 là \"Khác\".")]
public sealed record ApiTopicNumber(int Number, string Name);

[Description("Câu hỏi đã được trả lời và công bố, không có thông tin cá nhân của người hỏi.")]
public sealed record ApiQuestion(
    int Id, string Slug, string Title, string Summary, string Url, ApiTopicNumber Topic,
    [property: Description("Câu hỏi như được công bố (văn bản thuần, giữ xuống dòng).")] string Question,
    [property: Description("Câu trả lời dạng HTML (chỉ ở trang chi tiết).")] string? AnswerHtml,
    [property: Description("Thời điểm công bố (ISO 8601, múi giờ +07:00).")] DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    [property: Description("Nội dung mẫu (minh họa), không phải câu hỏi thật.")] bool IsSample);
