using System.Globalization;
using System.Text.Json;
using DiffPlex;
using DiffPlex.Chunkers;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>
/// Turns two revision snapshots into what an editor recognises: the form's Vietnamese field labels, values as the form
/// shows them (Vietnam time, status and group names, the names of linked items), and a word-level diff of text.
/// </summary>
public static class RevisionCompare
{
    public enum Change
    {
        Same,
        Deleted,
        Inserted,
    }

    public sealed record Segment(string Text, Change Change);

    /// <summary>A changed field shown as before/after values.</summary>
    public sealed record ValueChange(string Label, string Before, string After);

    /// <summary>A changed text field shown as a word-level diff.</summary>
    public sealed record TextChange(string Label, IReadOnlyList<Segment> Diff);

    /// <summary>The names of the items a snapshot links to by id or code.</summary>
    public sealed class Names
    {
        public Dictionary<int, string> Topics { get; } = [];
        public Dictionary<int, string> Places { get; } = [];
        public Dictionary<int, string> Establishments { get; } = [];
        public Dictionary<int, string> Pages { get; } = [];
        public Dictionary<int, string> Products { get; } = [];
        public Dictionary<string, string> Media { get; } = new(StringComparer.Ordinal);
    }

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

    /// <summary>Ids and codes a snapshot links to, by kind, so the caller can load their names in one query each.</summary>
    public static (HashSet<int> Topics, HashSet<int> Places, HashSet<int> Establishments, HashSet<int> Pages, HashSet<int> Products, HashSet<string> Media)
        References(params IReadOnlyDictionary<string, JsonElement>[] snapshots)
    {
        var result = (Topics: new HashSet<int>(), Places: new HashSet<int>(), Establishments: new HashSet<int>(), Pages: new HashSet<int>(),
            Products: new HashSet<int>(), Media: new HashSet<string>(StringComparer.Ordinal));
        foreach (var s in snapshots)
        {
            AddInt(s, nameof(Article.TopicId), result.Topics);
            AddInt(s, nameof(Product.PlaceId), result.Places);
            AddInt(s, nameof(Product.EstablishmentId), result.Establishments);
            AddInt(s, nameof(Page.ParentId), result.Pages);
            if (s.TryGetValue("Products", out var products) && products.ValueKind == JsonValueKind.Array)
            {
                result.Products.UnionWith(products.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Number).Select(p => p.GetInt32()));
            }

            if (s.TryGetValue("Participants", out var participants) && participants.ValueKind == JsonValueKind.Array)
            {
                result.Establishments.UnionWith(participants.EnumerateArray().Select(p => Int(p, "EstablishmentId")).OfType<int>());
            }

            foreach (var key in new[] { nameof(RoutedContent.FeaturedImage), nameof(TvSegment.VideoFile) })
            {
                if (s.TryGetValue(key, out var media) && media.ValueKind == JsonValueKind.String)
                {
                    result.Media.Add(media.GetString()!);
                }
            }

            if (s.TryGetValue("Gallery", out var gallery) && gallery.ValueKind == JsonValueKind.Array)
            {
                result.Media.UnionWith(gallery.EnumerateArray().Select(g => Str(g, "Media")).OfType<string>());
            }
        }

        return result;
    }

    /// <summary>Every field that differs between the two snapshots, text fields as word diffs, in the form's order.</summary>
    public static (IReadOnlyList<ValueChange> Values, IReadOnlyList<TextChange> Texts) Compare(
        IReadOnlyDictionary<string, JsonElement> before, IReadOnlyDictionary<string, JsonElement> after, Names names)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var order = Labels.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var values = new List<ValueChange>();
        var texts = new List<TextChange>();
        foreach (var field in before.Keys.Union(after.Keys).Where(f => !NotCompared.Contains(f))
                     .OrderBy(f => order.GetValueOrDefault(f, int.MaxValue)).ThenBy(f => f, StringComparer.Ordinal))
        {
            var a = Display(field, before.GetValueOrDefault(field), names);
            var b = Display(field, after.GetValueOrDefault(field), names);
            if (a == b)
            {
                continue;
            }

            if (TextFields.Contains(field))
            {
                texts.Add(new TextChange(Label(field), WordDiff(a, b)));
            }
            else
            {
                values.Add(new ValueChange(Label(field), a.Length == 0 ? "(trống)" : a, b.Length == 0 ? "(trống)" : b));
            }
        }

        return (values, texts);
    }

    /// <summary>A snapshot value as the editor sees it in the form or on the site.</summary>
    public static string Display(string field, JsonElement value, Names names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "";
        }

        switch (field)
        {
            case nameof(RoutedContent.Status) when value.ValueKind == JsonValueKind.Number:
                return Workflow.Label((ContentStatus)value.GetInt32());
            case nameof(Product.Group) when value.ValueKind == JsonValueKind.Number:
                return Product.GroupLabel((CnntGroup)value.GetInt32());
            case nameof(Fair.Level) when value.ValueKind == JsonValueKind.Number:
                return FairSchedule.LevelLabel((FairLevel)value.GetInt32());
            case nameof(Article.ProgramArea) when value.ValueKind == JsonValueKind.Number:
                return Articles.EditModel.ProgramAreas.FirstOrDefault(p => p.Number == value.GetInt32()).Name ?? value.ToString();
            case nameof(QaItem.Topic) when value.ValueKind == JsonValueKind.Number:
                return Services.Questions.QuestionCatalog.TopicName(value.GetInt32());
            case nameof(Article.TopicId) when value.ValueKind == JsonValueKind.Number:
                return Name(names.Topics, value.GetInt32(), "chuyên mục");
            case nameof(Product.PlaceId) when value.ValueKind == JsonValueKind.Number:
                return Name(names.Places, value.GetInt32(), "địa bàn");
            case nameof(Product.EstablishmentId) when value.ValueKind == JsonValueKind.Number:
                return Name(names.Establishments, value.GetInt32(), "cơ sở");
            case nameof(Page.ParentId) when value.ValueKind == JsonValueKind.Number:
                return Name(names.Pages, value.GetInt32(), "trang");
            case nameof(TvSegment.DurationSeconds) when value.ValueKind == JsonValueKind.Number:
                var seconds = value.GetInt32();
                return seconds == 0 ? "" : $"{seconds / 60}:{seconds % 60:00}";
            case nameof(Document.FileSize) when value.ValueKind == JsonValueKind.Number:
                return $"{value.GetInt64() / 1024.0:N0} KB".Replace(',', '.');
            case nameof(RoutedContent.FeaturedImage) or nameof(TvSegment.VideoFile) when value.ValueKind == JsonValueKind.String:
                return MediaName(names, value.GetString()!);
            case "Products" when value.ValueKind == JsonValueKind.Array:
                return Lines(value.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Number).Select(p => Name(names.Products, p.GetInt32(), "sản phẩm")).Order(StringComparer.Ordinal));
            case "Participants" when value.ValueKind == JsonValueKind.Array:
                return Lines(value.EnumerateArray().Select(p =>
                    Join(Int(p, "EstablishmentId") is { } id ? Name(names.Establishments, id, "cơ sở") : "",
                        Str(p, "Booth") is { Length: > 0 } booth ? "gian hàng " + booth : null,
                        Bool(p, "ProgrammeSupported") == true ? "được Chương trình hỗ trợ" : null)));
            case "Gallery" when value.ValueKind == JsonValueKind.Array:
                return Lines(value.EnumerateArray().Select(g =>
                    Join(Str(g, "Media") is { } m ? MediaName(names, m) : "", Str(g, "Alt") is { Length: > 0 } alt ? "mô tả: " + alt : null, Str(g, "Caption"))));
            case "Certifications" when value.ValueKind == JsonValueKind.Array:
                return Lines(value.EnumerateArray().Select(c =>
                    Join(Int(c, "Level") is { } level ? Product.LevelLabel((CertificationLevel)level) : "", Int(c, "RoundYear")?.ToString(CultureInfo.InvariantCulture),
                        Str(c, "DecisionNumber") is { Length: > 0 } number ? "quyết định " + number : null,
                        Date(c, "DecisionDate") is { } day ? "ngày " + VietnamTime.Day(day) : null, Str(c, "Issuer"))));
            case "WhereToBuy" when value.ValueKind == JsonValueKind.Array:
                return Lines(value.EnumerateArray().Select(w => Join(Str(w, "Name"), Str(w, "Address"), Str(w, "Phone"), Str(w, "Url"))));
            case "Support" when value.ValueKind == JsonValueKind.Array:
                return Lines(value.EnumerateArray().Select(s => Join(Str(s, "Project"), Int(s, "Year")?.ToString(CultureInfo.InvariantCulture), Str(s, "Kind"))));
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => "Có",
            JsonValueKind.False => "Không",
            JsonValueKind.String when Days.Contains(field) && value.TryGetDateTime(out var day) => VietnamTime.Day(day),
            JsonValueKind.String when Instants.Contains(field) && value.TryGetDateTime(out var at) =>
                VietnamTime.DateAndTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString())),
            _ => value.ToString(),
        };
    }

    /// <summary>
    /// A word-level diff (DiffPlex with a word chunker that also splits at line ends, so a changed word marks that word,
    /// not its whole line); neighbouring pieces of the same kind are merged.
    /// </summary>
    public static IReadOnlyList<Segment> WordDiff(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, Words);
        var segments = new List<Segment>();
        var oldAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldAt < block.DeleteStartA; oldAt++)
            {
                Add(segments, result.PiecesOld[oldAt], Change.Same);
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                Add(segments, result.PiecesOld[block.DeleteStartA + i], Change.Deleted);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                Add(segments, result.PiecesNew[block.InsertStartB + i], Change.Inserted);
            }

            oldAt = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldAt < result.PiecesOld.Count; oldAt++)
        {
            Add(segments, result.PiecesOld[oldAt], Change.Same);
        }

        return segments;
    }

    private static readonly DelimiterChunker Words = new([' ', '\t', '\r', '\n', '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '“', '”']);

    private static void Add(List<Segment> segments, string text, Change change)
    {
        if (segments.Count > 0 && segments[^1].Change == change)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new Segment(text, change));
        }
    }

    private static string Name(Dictionary<int, string> names, int id, string kind) =>
        names.TryGetValue(id, out var name) ? name : $"({kind} đã xóa, số {id})";

    private static string MediaName(Names names, string code) =>
        names.Media.TryGetValue(code, out var name) ? $"{name} ({code})" : code;

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines.Where(l => l.Length > 0));

    /// <summary>Joins the non-empty parts with commas (no stray separator when a part is missing).</summary>
    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static void AddInt(IReadOnlyDictionary<string, JsonElement> snapshot, string key, HashSet<int> into)
    {
        if (snapshot.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            into.Add(value.GetInt32());
        }
    }

    private static int? Int(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static string? Str(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static DateTime? Date(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTime(out var d) ? d : null;
}
