using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Pages.Program;

/// <summary>The figures on /chuong-trinh, in its charts, CSV files and /api/v1/program equal the decision's.</summary>
public sealed class ProgramPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<string> HtmlAsync(string url)
    {
        using var response = await site.Browser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The summary page with its detail page's tables appended: together they hold every figure.</summary>
    private async Task<IDocument> PageAsync()
    {
        var main = await HtmlAsync("/chuong-trinh");
        var detail = await HtmlAsync("/chuong-trinh/so-lieu");
        var article = detail[detail.IndexOf("<article", StringComparison.Ordinal)..(detail.IndexOf("</article>", StringComparison.Ordinal) + "</article>".Length)];
        return await new HtmlParser().ParseDocumentAsync(main.Insert(main.LastIndexOf("</body>", StringComparison.Ordinal), article));
    }

    private static List<long> Values(IElement row) =>
        row.QuerySelectorAll("td[data-value]").Where(td => td.GetAttribute("data-value") is { Length: > 0 })
            .Select(td => long.Parse(td.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).ToList();

    private static IElement Row(IDocument doc, string tableId, string header) =>
        doc.QuerySelectorAll($"#table-{tableId} tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == header
                                                                         || tr.QuerySelector("td")?.TextContent.Trim() == header);

    [Fact]
    public async Task The_page_takes_over_the_static_page_url_keeps_its_prose_and_the_sub_pages_still_work()
    {
        var doc = await PageAsync();
        Assert.Contains("Ai có thể được hỗ trợ?", doc.QuerySelector("#muc-tieu")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("a[href='/van-ban/quyet-dinh-1625-qd-ubnd']"));
        foreach (var sub in new[] { "/chuong-trinh/kinh-phi", "/chuong-trinh/muc-tieu", "/chuong-trinh/noi-dung-ho-tro" })
        {
            using var response = await site.Browser().GetAsync(new Uri(sub, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Every_budget_figure_on_the_page_equals_the_hand_typed_decision()
    {
        var doc = await PageAsync();
        foreach (var year in new[] { 2021, 2022, 2023, 2024, 2025 })
        {
            var f = DecisionFixture.Appendix2Total[year];
            Assert.Equal([f.National, f.Local, f.Beneficiary, f.Total], Values(Row(doc, ProgramTables.ByYear, year.ToString(CultureInfo.InvariantCulture))));
            var s = DecisionFixture.Section5[year];
            Assert.Equal([s.National, s.Local, s.Beneficiary, s.Total], Values(Row(doc, ProgramTables.Section5, year.ToString(CultureInfo.InvariantCulture))));
        }

        var p = DecisionFixture.Appendix2Total[0];
        Assert.Equal([p.National, p.Local, p.Beneficiary, p.Total], Values(Row(doc, ProgramTables.ByYear, "Cả giai đoạn")));
        var s0 = DecisionFixture.Section5[0];
        Assert.Equal([s0.National, s0.Local, s0.Beneficiary, s0.Total], Values(Row(doc, ProgramTables.Section5, "Tổng cộng")));

        foreach (var (group, g) in DecisionFixture.Appendix2Groups)
        {
            Assert.Equal([g.National, g.Local, g.Beneficiary, g.Total], Values(Row(doc, ProgramTables.ByContent, group)));
            Assert.Equal([g.Total, g.National, g.Local, g.Beneficiary], Values(Row(doc, ProgramTables.Appendix2, group)).Take(4));
        }

        foreach (var (line, l) in DecisionFixture.Appendix2Lines)
        {
            var values = Values(Row(doc, ProgramTables.Appendix2, line));
            Assert.Equal(24, values.Count);
            Assert.Equal(l.Period, values[0]);
            Assert.Equal(l.Y2021, values[4]);
        }

        var totalRow = doc.QuerySelectorAll($"#table-{ProgramTables.Appendix2} tbody tr")[0];
        Assert.Equal([p.Total, p.National, p.Local, p.Beneficiary], Values(totalRow).Take(4));
        foreach (var (year, a) in DecisionFixture.Appendix1)
        {
            var label = year == 0 ? "Tổng cộng" : year.ToString(CultureInfo.InvariantCulture);
            Assert.Equal([a.Total, a.National, a.Local, a.Beneficiary, a.Other], Values(Row(doc, ProgramTables.Appendix1, label)));
        }

        // The prose total is the decision's, written the Vietnamese way.
        Assert.Contains("175.155 triệu đồng", doc.QuerySelector("#kinh-phi")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_target_on_the_page_and_in_the_api_equals_the_decision()
    {
        var doc = await PageAsync();
        var api = await ApiAsync();
        var targets = api.RootElement.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!);
        foreach (var (code, (min, max)) in DecisionFixture.Targets)
        {
            var row = doc.QuerySelector($"#chi-tieu-{code}")!;
            Assert.Equal(min.ToString(CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[0].GetAttribute("data-value"));
            var text = row.QuerySelectorAll("td")[0].TextContent.Trim();
            Assert.Equal(max is null ? null : $"{min}–{max}", text.Contains('–', StringComparison.Ordinal) ? text : null);
            Assert.Equal(min, targets[code].GetProperty("minimum").GetInt32());
            Assert.Equal(max, targets[code].TryGetProperty("maximum", out var m) ? m.GetInt32() : null);
        }

        Assert.Equal("khoảng 20", doc.QuerySelector("#chi-tieu-chuyen-muc-truyen-hinh td")!.TextContent.Trim());
    }

    private async Task<JsonDocument> ApiAsync()
    {
        using var response = await site.Browser().GetAsync(new Uri("/api/v1/program", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_budget_equals_the_decision()
    {
        using var api = await ApiAsync();
        var budget = api.RootElement.GetProperty("budget");
        var rows = budget.GetProperty("appendix2").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        foreach (var (year, f) in DecisionFixture.Appendix2Total)
        {
            var cell = year == 0 ? rows["total"].GetProperty("period") : rows["total"].GetProperty("years").GetProperty(year.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(f, (cell.GetProperty("total").GetInt64(), cell.GetProperty("national").GetInt64(), cell.GetProperty("local").GetInt64(), cell.GetProperty("beneficiary").GetInt64()));
        }

        foreach (var (group, g) in DecisionFixture.Appendix2Groups)
        {
            var cell = rows[group].GetProperty("period");
            Assert.Equal(g, (cell.GetProperty("total").GetInt64(), cell.GetProperty("national").GetInt64(), cell.GetProperty("local").GetInt64(), cell.GetProperty("beneficiary").GetInt64()));
        }

        var byYear = budget.GetProperty("byYear").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        foreach (var (year, s) in DecisionFixture.Section5)
        {
            var a = byYear[year == 0 ? "total" : year.ToString(CultureInfo.InvariantCulture)].GetProperty("amounts");
            Assert.Equal(s, (a.GetProperty("national").GetInt64(), a.GetProperty("local").GetInt64(), a.GetProperty("beneficiary").GetInt64(), a.GetProperty("total").GetInt64()));
        }

        var past = budget.GetProperty("results2016To2020").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        foreach (var (year, r) in DecisionFixture.Appendix1)
        {
            var a = past[year == 0 ? "total" : year.ToString(CultureInfo.InvariantCulture)].GetProperty("amounts");
            Assert.Equal(r, (a.GetProperty("total").GetInt64(), a.GetProperty("national").GetInt64(), a.GetProperty("local").GetInt64(), a.GetProperty("beneficiary").GetInt64(), a.GetProperty("other").GetInt64()));
        }

        Assert.True(api.RootElement.GetProperty("sourceMismatches").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Each_chart_is_well_formed_accessible_svg_with_a_table_holding_the_same_numbers()
    {
        // The SVG exactly as served (not as an HTML parser repaired it) must be well-formed XML.
        // The by-year chart is on the summary, the by-content one on the detail page.
        var html = await site.Browser().GetStringAsync(new Uri("/chuong-trinh", UriKind.Relative))
                   + await site.Browser().GetStringAsync(new Uri("/chuong-trinh/so-lieu", UriKind.Relative));
        var doc = await new HtmlParser().ParseDocumentAsync(html);
        var svgs = new List<string>();
        for (var at = html.IndexOf("<svg", StringComparison.Ordinal); at >= 0; at = html.IndexOf("<svg", at + 1, StringComparison.Ordinal))
        {
            svgs.Add(html[at..(html.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length)]);
        }

        Assert.Equal(2, svgs.Count);
        var tables = new Dictionary<string, string> { ["chart-by-year"] = ProgramTables.ByYear, ["chart-by-content"] = ProgramTables.ByContent };
        foreach (var svg in svgs)
        {
            var xml = XDocument.Parse(svg);
            XNamespace ns = "http://www.w3.org/2000/svg";
            var root = xml.Root!;
            Assert.Equal("img", root.Attribute("role")!.Value);
            var labelledBy = root.Attribute("aria-labelledby")!.Value.Split(' ');
            Assert.Equal(root.Element(ns + "title")!.Attribute("id")!.Value, labelledBy[0]);
            Assert.Equal(root.Element(ns + "desc")!.Attribute("id")!.Value, labelledBy[1]);
            Assert.False(string.IsNullOrWhiteSpace(root.Element(ns + "desc")!.Value));
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);

            // Each bar's segments are the three source columns of the table row, its total the total column.
            var table = doc.QuerySelector("#table-" + tables[root.Attribute("id")!.Value])!;
            var rows = table.QuerySelectorAll("tbody tr").Take(root.Elements(ns + "g").Count()).ToList();
            var bars = root.Elements(ns + "g").ToList();
            Assert.True(bars.Count >= 5);
            for (var i = 0; i < bars.Count; i++)
            {
                var segments = bars[i].Elements(ns + "rect").Select(r => long.Parse(r.Attribute("data-value")!.Value, CultureInfo.InvariantCulture)).ToList();
                var values = Values(rows[i]);
                Assert.Equal(values.Take(3), segments);
                Assert.Equal(long.Parse(bars[i].Attribute("data-total")!.Value, CultureInfo.InvariantCulture), segments.Sum());
                var widths = bars[i].Elements(ns + "rect").Select(r => double.Parse(r.Attribute("width")!.Value, CultureInfo.InvariantCulture)).ToList();
                Assert.All(widths, w => Assert.True(w >= 0));
            }
        }
    }

    [Fact]
    public async Task Every_table_has_a_csv_download_with_the_same_rows()
    {
        var doc = await PageAsync();
        // The plan table belongs to a period added later; the decision's period has every other table.
        foreach (var name in ProgramTables.Names.Where(n => n != ProgramTables.Plan))
        {
            var link = doc.QuerySelector($"a[href='/chuong-trinh/du-lieu/{name}.csv']");
            Assert.NotNull(link);
            using var response = await site.Browser().GetAsync(new Uri($"/chuong-trinh/du-lieu/{name}.csv", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
            var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
            var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var table = doc.QuerySelector($"#table-{name}");
            Assert.NotNull(table);
            Assert.Equal(table.QuerySelectorAll("tbody tr").Length + 1, lines.Length);
        }

        var csv = await site.Browser().GetStringAsync(new Uri($"/chuong-trinh/du-lieu/{ProgramTables.ByYear}.csv", UriKind.Relative));
        Assert.Contains("2021,3715,4297,24095,32105", csv, StringComparison.Ordinal);
        using var unknown = await site.Browser().GetAsync(new Uri("/chuong-trinh/du-lieu/khong-co.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_page_notes_the_mismatches_of_the_source_with_their_location()
    {
        var doc = await PageAsync();
        var section = doc.QuerySelector("#sai-lech")!;
        var text = section.TextContent;
        Assert.Contains("content/program/budget-2021-2025.csv", text, StringComparison.Ordinal);
        Assert.Contains("dòng VI.6", text, StringComparison.Ordinal);
        Assert.Contains("content/program/budget-by-year.csv", text, StringComparison.Ordinal);
        // The flagged cell of the by-year table is marked where it is shown.
        var flagged = Row(doc, ProgramTables.ByYear, "2021").QuerySelectorAll("td.flagged");
        Assert.Single(flagged);
        Assert.Equal("32105", flagged[0].GetAttribute("data-value"));
    }
}
