using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages;
using KhuyenCong.Web.Pages.Products;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Endpoints.Api;

public static partial class OpenDataApi
{
    /// <summary>One data set for download: the JSON items and the same data as a table for the CSV file.</summary>
    public sealed record DataSet(string Name, string Title, object Items, DataTable Table, DateTime? UpdatedAt);

    /// <summary>The data sets offered as whole files (the programme tables are the programme page's own CSV files).</summary>
    public static readonly IReadOnlyList<(string Name, string Title)> DataSets =
    [
        ("san-pham", "Sản phẩm công nghiệp nông thôn tiêu biểu"),
        ("co-so", "Cơ sở sản xuất"),
        ("hoi-cho", "Hội chợ triển lãm và cơ sở tham gia"),
        ("van-ban", "Văn bản chính sách (thông tin mô tả)"),
    ];

    private static void MapDownloads(RouteGroupBuilder api)
    {
        api.MapGet("/downloads", DownloadsAsync).WithName("ListDownloads").WithTags("Tải về")
            .WithSummary("Danh sách tệp tải về").WithDescription("Các tệp CSV (UTF-8 có BOM, mở được bằng Excel) và JSON chứa toàn bộ một loại dữ liệu, với kích thước và thời điểm cập nhật.")
            .Produces<IReadOnlyList<ApiDownload>>();
        api.MapGet("/downloads/{file}", DownloadAsync).WithName("GetDownload").WithTags("Tải về")
            .WithSummary("Một tệp tải về").WithDescription("Tên tệp như trong danh sách tệp tải về, ví dụ san-pham.csv hoặc san-pham.json.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/json")
            .Produces<ApiProblem>(StatusCodes.Status404NotFound, ApiConventions.ProblemContentType);
    }

    /// <summary>Every file: the data sets in CSV and JSON, and the programme tables.</summary>
    public static async Task<IReadOnlyList<ApiDownload>> DownloadListAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var urls = services.GetRequiredService<SiteUrls>();
        var list = new List<ApiDownload>();
        foreach (var (name, _) in DataSets)
        {
            var set = (await BuildDataSetAsync(services, name, ct))!;
            list.Add(new ApiDownload(name + ".csv", set.Title, "csv", urls.Absolute($"{Prefix}/downloads/{name}.csv"), Csv(set.Table).Length, ApiConventions.Local(set.UpdatedAt)));
            list.Add(new ApiDownload(name + ".json", set.Title, "json", urls.Absolute($"{Prefix}/downloads/{name}.json"), JsonBytes(set).Length, ApiConventions.Local(set.UpdatedAt)));
        }

        var report = await services.GetRequiredService<ProgramProgress>().ReportAsync(ct);
        foreach (var name in ProgramTables.Names)
        {
            var table = ProgramTables.Build(name, report)!;
            list.Add(new ApiDownload($"chuong-trinh-{name}.csv", "Chương trình khuyến công: " + table.Caption, "csv", urls.Absolute(table.CsvPath),
                Csv(table).Length, ApiConventions.Local(report.ComputedAt)));
        }

        return list;
    }

    private static async Task<IResult> DownloadsAsync(HttpContext http, CancellationToken ct) =>
        ApiConventions.Ok(await DownloadListAsync(http.RequestServices, ct), null);

    private static async Task<IResult> DownloadAsync([Description("Tên tệp, ví dụ san-pham.csv.")] string file, HttpContext http, CancellationToken ct)
    {
        var dot = file.LastIndexOf('.');
        var (name, format) = dot < 0 ? (file, "") : (file[..dot], file[(dot + 1)..]);
        var set = format is "csv" or "json" ? await BuildDataSetAsync(http.RequestServices, name, ct) : null;
        if (set is null)
        {
            return ApiConventions.NotFound("Không có tệp tải về với tên này; xem /api/v1/downloads.");
        }

        http.Response.Headers.CacheControl = ApiConventions.CacheControl;
        var bytes = format == "csv" ? Csv(set.Table) : JsonBytes(set);
        var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 12)) + "\"", isWeak: true);
        DateTimeOffset? modified = set.UpdatedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
        return format == "csv"
            ? Results.File(bytes, "text/csv; charset=utf-8", $"khuyen-cong-{name}.csv", false, modified, tag)
            : Results.File(bytes, "application/json; charset=utf-8", $"khuyen-cong-{name}.json", false, modified, tag);
    }

    /// <summary>UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese letters (as the programme's CSV files).</summary>
    private static byte[] Csv(DataTable table) => CsvWriter.Utf8(table.ToCsv());

    private static byte[] JsonBytes(DataSet set) => JsonSerializer.SerializeToUtf8Bytes(set.Items, set.Items.GetType(), ApiConventions.Json);

    private static string Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Text(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The whole data set, with the same live rules and shapes as the list endpoints.</summary>
    public static async Task<DataSet?> BuildDataSetAsync(IServiceProvider services, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<AppDbContext>();
        var urls = services.GetRequiredService<SiteUrls>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var title = DataSets.Where(d => d.Name == name).Select(d => d.Title).FirstOrDefault();
        if (title is null)
        {
            return null;
        }

        var places = await PlaceHistory.LoadAsync(db, ct);
        switch (name)
        {
            case "san-pham":
            {
                var ids = await db.Products.AsNoTracking().Published(now).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
                var items = await ProductItemsAsync(db, urls, places, now, ids, ct);
                var table = new DataTable(name, title,
                    ["Mã số", "Tên sản phẩm", "Nhóm", "Bộ sản phẩm", "Cơ sở", "Địa bàn", "Nay thuộc", "Chứng nhận", "Sao OCOP", "Năm OCOP", "Địa chỉ trang", "Cập nhật"],
                    items.Select(p => (IReadOnlyList<TableCell>)[
                        TableCell.Of(p.Id), p.Title, p.GroupName, p.IsSet ? "Có" : "Không", p.Establishment?.Name ?? "", p.Place?.AsRecorded ?? "",
                        p.Place?.NowPartOf ?? "", string.Join("; ", p.Certifications.Select(c => $"{c.LevelName} {c.RoundYear}")),
                        p.OcopStars is { } s ? TableCell.Of(s) : "", p.OcopYear is { } y ? TableCell.Of(y) : "", p.Url, Text(p.UpdatedAt)]).ToList());
                return new DataSet(name, title, items, table, Latest(items.Select(i => i.UpdatedAt.UtcDateTime)));
            }

            case "co-so":
            {
                var rows = await Seo.Producers(db, now).AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
                var products = await ProducerProductsAsync(db, now, rows.Select(e => e.Id).ToList(), ct);
                var items = rows.Select(e => EstablishmentOf(e, urls, places, now, products)).ToList();
                var table = new DataTable(name, title,
                    ["Mã số", "Tên cơ sở", "Loại hình", "Địa bàn", "Nay thuộc", "Địa chỉ", "Người đại diện", "Điện thoại", "Thư điện tử", "Trang web", "Sản phẩm", "Địa chỉ trang", "Cập nhật"],
                    items.Select(e => (IReadOnlyList<TableCell>)[
                        TableCell.Of(e.Id), e.Name, e.KindName, e.Place?.AsRecorded ?? "", e.Place?.NowPartOf ?? "", e.Address ?? "", e.Representative ?? "",
                        e.Phone ?? "", e.Email ?? "", e.Website ?? "", string.Join("; ", e.Products.Select(p => p.Name)), e.Url, Text(e.UpdatedAt)]).ToList());
                return new DataSet(name, title, items, table, Latest(rows.Select(e => e.UpdatedAt)));
            }

            case "hoi-cho":
            {
                var fairs = await db.Fairs.AsNoTracking().Published(now).OrderBy(f => f.Id).ToListAsync(ct);
                var participants = await ParticipantsAsync(db, urls, now, fairs.Select(f => f.Id).ToList(), ct);
                var images = await Showcase.ImagesAsync(db, fairs.SelectMany(f => f.Gallery.Select(g => g.Media).Prepend(f.FeaturedImage)), ct);
                var items = fairs.Select(f => FairOf(f, urls, images, participants, now)).ToList();
                // One row per participant (a fair without participants has one row with the participant columns empty).
                var table = new DataTable(name, title,
                    ["Mã số", "Hội chợ", "Trạng thái", "Cấp", "Khai mạc", "Bế mạc", "Địa điểm", "Tỉnh đăng cai", "Đơn vị tổ chức", "Cơ sở tham gia", "Gian hàng", "Được khuyến công hỗ trợ", "Địa chỉ trang"],
                    items.SelectMany(f => (f.Participants.Count == 0 ? [null] : f.Participants.Select(p => (ApiFairParticipant?)p)).Select(p => (IReadOnlyList<TableCell>)[
                        TableCell.Of(f.Id), f.Title, f.StatusName, f.LevelName, Text(f.StartsOn), Text(f.EndsOn), f.Venue, f.HostProvince, f.Organiser,
                        p?.Name ?? "", p?.Booth ?? "", p is null ? "" : p.ProgrammeSupported ? "Có" : "Không", f.Url])).ToList());
                return new DataSet(name, title, items, table, Latest(fairs.Select(f => f.UpdatedAt)));
            }

            default:
            {
                var docs = await db.Documents.AsNoTracking().Published(now).OrderBy(d => d.Id).ToListAsync(ct);
                var items = docs.Select(d => DocumentOf(d, urls, body: false)).ToList();
                var table = new DataTable(name, title,
                    ["Mã số", "Tên văn bản", "Loại", "Số, ký hiệu", "Cơ quan ban hành", "Ngày ban hành", "Ngày hiệu lực", "Còn hiệu lực", "Tệp đính kèm", "Địa chỉ trang", "Cập nhật"],
                    items.Select(d => (IReadOnlyList<TableCell>)[
                        TableCell.Of(d.Id), d.Title, d.Kind, d.Number ?? "", d.Issuer, Text(d.IssuedOn), Text(d.EffectiveOn), d.InForce ? "Có" : "Không",
                        d.FileUrl ?? "", d.Url, Text(d.UpdatedAt)]).ToList());
                return new DataSet(name, title, items, table, Latest(docs.Select(d => d.UpdatedAt)));
            }
        }
    }
}
