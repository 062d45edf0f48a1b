using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Endpoints;

/// <summary>The programme as open data: /api/v1/program (JSON) and a CSV file for every table of /chuong-trinh.</summary>
public static class ProgramData
{
    public const string ApiPath = "/api/v1/program";

    public static void MapProgramData(this IEndpointRouteBuilder app)
    {
        app.MapMethods(ApiPath, [HttpMethods.Get, HttpMethods.Head], ApiAsync).CacheOutput(PublicCache.Policy)
            .RequireRateLimiting(Api.OpenDataApi.RateLimitPolicy)
            .AddEndpointFilter(async (ctx, next) =>
            {
                Api.ApiConventions.AddCors(ctx.HttpContext.Response);
                ctx.HttpContext.Response.Headers.CacheControl = Api.ApiConventions.CacheControl;
                return await next(ctx);
            })
            .WithName("GetProgram").WithTags("Chương trình khuyến công").WithGroupName(Api.OpenDataApi.DocumentName)
            .WithSummary("Chương trình khuyến công")
            .WithDescription("Chương trình khuyến công của tỉnh (Quyết định 1625/QĐ-UBND): các giai đoạn, chỉ tiêu và tiến độ, kinh phí (triệu đồng) theo năm và theo nội dung. Như trang /chuong-trinh.");
        app.MapGet("/chuong-trinh/du-lieu/{name}.csv", CsvAsync).CacheOutput(PublicCache.Policy);
    }

    private static async Task<IResult> CsvAsync(string name, ProgramProgress progress, CancellationToken ct)
    {
        if (!ProgramTables.Names.Contains(name))
        {
            return Results.NotFound();
        }

        var table = ProgramTables.Build(name, await progress.ReportAsync(ct))!;
        // UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese letters correctly.
        var bytes = CsvWriter.Utf8(table.ToCsv());
        return Results.File(bytes, "text/csv; charset=utf-8", $"chuong-trinh-khuyen-cong-{name}.csv");
    }

    private static async Task<IResult> ApiAsync(ProgramProgress progress, SiteUrls urls, CancellationToken ct)
    {
        var r = await progress.ReportAsync(ct);
        static object Money(IEnumerable<ProgramFigure> cells) => cells.ToDictionary(f => f.Source, f => f.Amount);
        object Rows(string table) => r.Rows(table).Select(row => new
        {
            code = row.RowCode,
            kind = row.RowKind,
            title = row.RowTitle,
            period = row.Year is null && table == "appendix2" ? Money(r.Figures.Where(f => f.Table == table && f.RowCode == row.RowCode && f.Year == null)) : null,
            years = table == "appendix2"
                ? ProgramSource.Years.ToDictionary(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture), y => Money(r.Figures.Where(f => f.Table == table && f.RowCode == row.RowCode && f.Year == y)))
                : null,
            amounts = table != "appendix2" ? Money(r.Figures.Where(f => f.Table == table && f.RowCode == row.RowCode)) : null,
        }).ToList();

        return Api.ApiConventions.Ok(new
        {
            decision = r.Period?.DecisionNumber is null ? null : new
            {
                number = r.Period.DecisionNumber, date = r.Period.DecisionDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                issuer = "UBND tỉnh Bến Tre", url = r.Period.DecisionSlug is null ? null : urls.Absolute(SiteUrls.Document(r.Period.DecisionSlug)),
            },
            period = r.Period is null ? null : new
            {
                code = r.Period.Code, title = r.Period.Title, from = r.Period.FirstYear, to = r.Period.LastYear,
                startsOn = r.Period.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                endsOn = r.Period.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                status = r.HasEnded ? "ended" : r.NotStarted ? "upcoming" : "current",
            },
            periods = r.Calendar?.Periods.Select(p => new
            {
                code = p.Code, title = p.Title, from = p.FirstYear, to = p.LastYear, resultsOnly = p.ResultsOnly,
                status = r.Calendar.HasEnded(p) ? "ended" : p.StartsOn > r.Calendar.Today ? "upcoming" : "current",
            }),
            unit = "million VND",
            computedAt = r.ComputedAt,
            targets = r.Targets.Select(p => new
            {
                code = p.Target.Code,
                content = p.Target.Content,
                title = p.Target.Title,
                unit = p.Target.Unit,
                minimum = p.Target.Minimum,
                maximum = p.Target.Maximum,
                approximate = p.Target.IsApproximate,
                budgetLine = p.Target.BudgetLine,
                measure = p.Target.Measure,
                source = p.Target.Source,
                progress = new
                {
                    achieved = p.Achieved,
                    computed = p.Computed,
                    entered = p.Manual,
                    percent = p.Percent,
                    byYear = r.Years.ToDictionary(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture), p.InYear),
                    cumulative = r.Years.ToDictionary(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Through),
                },
            }),
            budget = new
            {
                appendix2 = Rows("appendix2"),
                byYear = Rows("section5"),
                results2016To2020 = Rows("appendix1"),
                plan = Rows("plan"),
            },
            sourceMismatches = r.Issues.Select(i => new { file = "content/" + i.File, line = i.Line, location = i.Location, expected = i.Expected, printed = i.Printed, message = i.Message }),
        }, r.ComputedAt, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        });
    }
}
