using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>The snapshot fields the revision pages know: which are compared, how each is read, and its form label.</summary>
public static partial class RevisionCompare
{
    /// <summary>Bookkeeping that changes on every save or is derived from other fields.</summary>
    private static readonly HashSet<string> NotCompared = new(StringComparer.Ordinal)
    {
        nameof(RoutedContent.Id), nameof(RoutedContent.UpdatedAt), nameof(RoutedContent.UpdatedBy), nameof(RoutedContent.SourceHash),
        nameof(RoutedContent.BodyHtml), nameof(Fair.ResultsHtml), nameof(Document.CommentSummaryHtml), nameof(Product.HighestLevel), nameof(Product.LatestRoundYear),
    };

    /// <summary>Free text the editor types: compared word by word.</summary>
    private static readonly HashSet<string> TextFields = new(StringComparer.Ordinal)
    {
        nameof(RoutedContent.BodyMarkdown), nameof(RoutedContent.Title), nameof(RoutedContent.Summary), nameof(RoutedContent.SeoTitle),
        nameof(RoutedContent.SeoDescription), nameof(RoutedContent.FeaturedImageAlt), nameof(RoutedContent.ReviewNote),
        nameof(TvSegment.Transcript), nameof(Fair.HowToApply), nameof(Fair.ResultsMarkdown),
        nameof(Document.CommentSummaryMarkdown), nameof(QaItem.QuestionText),
    };

    /// <summary>Dates without a time of day, stored as the day itself (not as a UTC instant).</summary>
    private static readonly HashSet<string> Days = new(StringComparer.Ordinal)
    {
        nameof(Document.IssuedOn), nameof(Document.EffectiveOn), nameof(TvSegment.AirDate), nameof(Fair.StartsOn),
        nameof(Fair.EndsOn), nameof(Fair.RegistrationDeadline),
    };

    /// <summary>Moments stored in UTC and shown in Vietnam time.</summary>
    private static readonly HashSet<string> Instants = new(StringComparer.Ordinal)
    {
        nameof(RoutedContent.PublishAt), nameof(RoutedContent.UnpublishAt), nameof(RoutedContent.CreatedAt), nameof(RoutedContent.WentLiveAt),
        nameof(Document.CommentOpensAt), nameof(Document.CommentClosesAt),
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(RoutedContent.Title)] = "Tiêu đề",
        [nameof(RoutedContent.Slug)] = "Đường dẫn",
        [nameof(RoutedContent.Summary)] = "Tóm tắt",
        [nameof(RoutedContent.BodyMarkdown)] = "Nội dung",
        [nameof(RoutedContent.Status)] = "Trạng thái",
        [nameof(RoutedContent.PublishAt)] = "Thời điểm đăng",
        [nameof(RoutedContent.UnpublishAt)] = "Thời điểm gỡ",
        [nameof(RoutedContent.CreatedAt)] = "Ngày tạo",
        [nameof(RoutedContent.WentLiveAt)] = "Lần đầu hiển thị trên trang",
        [nameof(RoutedContent.FeaturedImage)] = "Ảnh đại diện",
        [nameof(RoutedContent.FeaturedImageAlt)] = "Mô tả ảnh đại diện",
        [nameof(RoutedContent.SeoTitle)] = "Tiêu đề SEO",
        [nameof(RoutedContent.SeoDescription)] = "Mô tả SEO",
        [nameof(RoutedContent.IsSample)] = "Dữ liệu mẫu (minh họa)",
        [nameof(RoutedContent.ReviewNote)] = "Ghi chú của người duyệt",
        [nameof(RoutedContent.SourcePath)] = "Tệp nội dung nguồn",
        [nameof(Article.TopicId)] = "Chuyên mục",
        ["Tags"] = "Từ khóa",
        [nameof(Article.ProgramArea)] = "Nội dung Chương trình",
        [nameof(Article.Author)] = "Tác giả",
        [nameof(Article.Source)] = "Nguồn",
        [nameof(Article.IsFeatured)] = "Tin nổi bật trên trang chủ",
        [nameof(Document.Kind)] = "Loại văn bản",
        [nameof(Document.Number)] = "Số, ký hiệu",
        [nameof(Document.Issuer)] = "Cơ quan ban hành",
        [nameof(Document.IssuedOn)] = "Ngày ban hành",
        [nameof(Document.EffectiveOn)] = "Ngày có hiệu lực",
        [nameof(Document.InForce)] = "Còn hiệu lực",
        [nameof(Document.FileName)] = "Tệp đính kèm",
        [nameof(Document.FileContentType)] = "Kiểu tệp đính kèm",
        [nameof(Document.FileSize)] = "Dung lượng tệp đính kèm",
        [nameof(Document.CommentOpensAt)] = "Bắt đầu lấy ý kiến",
        [nameof(Document.CommentClosesAt)] = "Hết hạn lấy ý kiến",
        [nameof(Document.CommentSummaryMarkdown)] = "Tổng hợp, tiếp thu ý kiến",
        [nameof(QaItem.Topic)] = "Lĩnh vực",
        [nameof(QaItem.QuestionText)] = "Câu hỏi",
        [nameof(Page.ParentId)] = "Trang cha",
        [nameof(Page.Path)] = "Đường dẫn trang",
        [nameof(Page.SortOrder)] = "Thứ tự",
        [nameof(Page.Language)] = "Ngôn ngữ",
        [nameof(TvSegment.EpisodeNumber)] = "Kỳ số",
        [nameof(TvSegment.AirDate)] = "Ngày phát sóng",
        [nameof(TvSegment.Channel)] = "Kênh, đài phát sóng",
        [nameof(TvSegment.DurationSeconds)] = "Thời lượng",
        [nameof(TvSegment.VideoFile)] = "Video trong thư viện",
        [nameof(TvSegment.ExternalUrl)] = "Liên kết video trên trang khác",
        [nameof(TvSegment.Transcript)] = "Bản ghi lời",
        [nameof(Product.IsSet)] = "Là bộ sản phẩm",
        [nameof(Product.Group)] = "Nhóm sản phẩm",
        [nameof(Product.EstablishmentId)] = "Cơ sở",
        [nameof(Product.PlaceId)] = "Địa bàn",
        [nameof(Product.OcopStars)] = "Số sao OCOP",
        [nameof(Product.OcopYear)] = "Năm đánh giá OCOP",
        ["Certifications"] = "Chứng nhận sản phẩm CNNT tiêu biểu",
        ["Gallery"] = "Bộ ảnh",
        ["WhereToBuy"] = "Nơi mua",
        ["Support"] = "Hỗ trợ khuyến công đã nhận",
        [nameof(Showroom.Address)] = "Địa chỉ",
        [nameof(Showroom.OpeningHours)] = "Giờ mở cửa",
        [nameof(Showroom.YearSupported)] = "Năm được hỗ trợ",
        ["Products"] = "Sản phẩm trưng bày",
        [nameof(Fair.Organiser)] = "Đơn vị tổ chức",
        [nameof(Fair.HostProvince)] = "Tỉnh, thành đăng cai",
        [nameof(Fair.Level)] = "Cấp",
        [nameof(Fair.StartsOn)] = "Ngày bắt đầu",
        [nameof(Fair.EndsOn)] = "Ngày kết thúc",
        [nameof(Fair.Venue)] = "Địa điểm",
        [nameof(Fair.RegistrationDeadline)] = "Hạn đăng ký",
        [nameof(Fair.HowToApply)] = "Cách đăng ký tham gia",
        [nameof(Fair.FundingLine)] = "Nguồn kinh phí",
        [nameof(Fair.ResultsMarkdown)] = "Báo cáo kết quả",
        ["Participants"] = "Cơ sở tham gia",
    };

    /// <summary>The form's label of a snapshot field; an unknown field keeps a readable form of its name.</summary>
    public static string Label(string field) => Labels.TryGetValue(field, out var label) ? label : field;
}
