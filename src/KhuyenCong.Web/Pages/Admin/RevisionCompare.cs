using System.Globalization;
using System.Text.Json;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>
/// Turns two revision snapshots into what an editor recognises: the form's Vietnamese field labels, values as the form
/// shows them (Vietnam time, status and group names, the names of linked items), and a word-level diff of text.
/// The field labels and kinds are in RevisionCompare.Fields.cs, the word diff in RevisionCompare.Diff.cs.
/// </summary>
public static partial class RevisionCompare
{
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
