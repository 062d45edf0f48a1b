using System.Net;
using System.Text.Json;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Program;

/// <summary>The site's clock two days before the end of 2021–2025 (30/12/2025, 10:00 in Vietnam); tests move it on.</summary>
public sealed class PeriodEndSiteFactory : SiteFactory
{
    public PeriodEndSiteFactory() => Clock = new ManualClock(new DateTimeOffset(2025, 12, 30, 3, 0, 0, TimeSpan.Zero));
}

/// <summary>The programme as periods: what runs is offered, what ended shows its final results, never a closed programme as open.</summary>
public sealed class ProgramPeriodTests(PeriodEndSiteFactory site) : IClassFixture<PeriodEndSiteFactory>
{
    private async Task EvictAsync() => await site.WithDbAsync(async (_, sp) =>
    {
        await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
        return 0;
    });

    [Fact]
    public async Task Across_31_December_2025_the_programme_home_and_registration_turn_from_open_to_final_results()
    {
        var client = site.Browser();
        var running = await client.GetHtmlAsync("/chuong-trinh");
        var status = running.QuerySelector(".program-status")!.TextContent;
        Assert.Contains("Chương trình đang thực hiện", status, StringComparison.Ordinal);
        Assert.DoesNotContain("đã kết thúc", status, StringComparison.Ordinal);
        Assert.Contains("Tiến độ các chỉ tiêu, giai đoạn 2021–2025", running.QuerySelector("#progress-caption")!.TextContent, StringComparison.Ordinal);
        var home = await client.GetHtmlAsync("/");
        var hero = home.QuerySelector(".hero")!;
        Assert.Contains("giai đoạn 2021–2025", hero.TextContent, StringComparison.Ordinal);
        Assert.Contains("đến hết ngày 31/12/2025", hero.TextContent, StringComparison.Ordinal);
        Assert.Equal("Đăng ký nhận hỗ trợ", hero.QuerySelector("a[href='/dang-ky-ho-tro']")!.TextContent.Trim());
        var start = (await client.GetHtmlAsync("/dang-ky-ho-tro")).MainText();
        Assert.Contains("hỗ trợ từ Chương trình khuyến công tỉnh Bến Tre giai đoạn 2021–2025", start, StringComparison.Ordinal);
        Assert.Contains("1625/QĐ-UBND", start, StringComparison.Ordinal);
        Assert.Contains("90–100 cơ sở", start, StringComparison.Ordinal);
        Assert.Contains("70.500 triệu đồng", start, StringComparison.Ordinal);
        Assert.DoesNotContain("không còn nhận hồ sơ", start, StringComparison.Ordinal);

        // Two days later (1 January 2026, 10:00 in Vietnam) the programme has ended.
        site.Clock!.Advance(TimeSpan.FromDays(2));
        await EvictAsync();
        var ended = await client.GetHtmlAsync("/chuong-trinh");
        var text = ended.MainText();
        Assert.Contains("Chương trình đã kết thúc ngày 31/12/2025", text, StringComparison.Ordinal);
        Assert.Contains("kết quả cuối cùng", text, StringComparison.Ordinal);
        Assert.Contains("giai đoạn mới đang được chuẩn bị", text, StringComparison.Ordinal);
        Assert.Contains("Kết quả cuối cùng các chỉ tiêu, giai đoạn 2021–2025", ended.QuerySelector("#progress-caption")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("đang thực hiện", ended.QuerySelector(".program-status")!.TextContent, StringComparison.Ordinal);
        // Final results per year and in total, with the decision's own mismatches still noted.
        var detail = await client.GetHtmlAsync("/chuong-trinh/so-lieu");
        Assert.NotNull(detail.QuerySelector($"#table-{ProgramTables.ProgressByYear}"));
        Assert.Contains("Lũy kế đến hết 2025", detail.QuerySelector($"#table-{ProgramTables.ProgressByYear}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", detail.QuerySelector($"#table-{ProgramTables.ProgressByYear} thead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("dòng VI.6", detail.QuerySelector("#sai-lech")!.TextContent, StringComparison.Ordinal);

        hero = (await client.GetHtmlAsync("/")).QuerySelector(".hero")!;
        Assert.Contains("đã kết thúc ngày 31/12/2025", hero.TextContent, StringComparison.Ordinal);
        Assert.Contains("giai đoạn mới đang được chuẩn bị", hero.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng ký nhận hỗ trợ", hero.TextContent, StringComparison.Ordinal);
        Assert.Equal("Đăng ký nhu cầu hỗ trợ", hero.QuerySelector("a[href='/dang-ky-ho-tro']")!.TextContent.Trim());

        var closed = await client.GetHtmlAsync("/dang-ky-ho-tro");
        start = closed.MainText();
        Assert.Contains("giai đoạn 2021–2025 đã kết thúc ngày 31/12/2025 và không còn nhận hồ sơ", start, StringComparison.Ordinal);
        Assert.Contains("đăng ký nhu cầu hỗ trợ", start, StringComparison.Ordinal);
        Assert.DoesNotContain("90–100 cơ sở", start, StringComparison.Ordinal);
        Assert.Equal("Đăng ký nhu cầu hỗ trợ khuyến công", closed.QuerySelector("h1")!.TextContent.Trim());

        site.Clock.Advance(TimeSpan.FromDays(-2));
        await EvictAsync();
    }

    [Fact]
    public async Task An_administrator_adds_the_next_period_with_checked_figures_and_the_site_follows_it()
    {
        const string url = "/quan-tri/chuong-trinh/giai-doan";
        var editor = await site.SignInAsync(Roles.Editor);
        using (var refused = await editor.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/loi/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var admin = await site.SignInAsync(Roles.Admin);
        Dictionary<string, string> Form(string starts = "01/01/2026", string budget = "I.1 | Máy móc thiết bị | 1.000 | 2.000 | 7.000 | 10.000\ntong | Tổng | 1.000 | 2.000 | 7.000 | 10.000") => new()
        {
            ["Input.Title"] = "Chương trình khuyến công tỉnh Vĩnh Long giai đoạn 2026–2030",
            ["Input.DecisionNumber"] = "99/QĐ-UBND", ["Input.DecisionDate"] = "15/03/2026",
            ["Input.StartsOn"] = starts, ["Input.EndsOn"] = "31/12/2030", ["Input.Summary"] = "Giai đoạn mới của chương trình khuyến công.",
            ["Input.Targets"] = "hoi-cho-2026-2030 | Hội chợ triển lãm hàng CNNT được tổ chức | hội chợ | 3 | | fairs\nmay-moc-2026-2030 | Cơ sở được hỗ trợ máy móc | cơ sở | 120",
            ["Input.Budget"] = budget,
            ["Input.SupportLines"] = "may-moc | 120 cơ sở | 10.000 triệu đồng",
        };

        using (var bad = await admin.PostFormAsync(url, Form(budget: "I.1 | Máy móc thiết bị | 1.000 | 2.000 | 7.000 | 11.000\ntong | Tổng | 1.000 | 2.000 | 7.000 | 12.000"), url))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("KCQG + KCĐP + vốn đối ứng = 10.000, nhưng tổng ghi 11.000", body, StringComparison.Ordinal);
            Assert.Contains("tổng các dòng = 11.000, nhưng ghi 12.000", body, StringComparison.Ordinal);
        }

        using (var overlap = await admin.PostFormAsync(url, Form(starts: "01/06/2025"), url))
        {
            Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
            Assert.Contains("trùng với giai đoạn 2021–2025", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await site.WithDbAsync((db, _) => db.ProgramPeriods.CountAsync(p => p.Origin == ProgramPeriodOrigins.Admin)));
        using (var ok = await admin.PostFormAsync(url, Form(), url))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        try
        {
            // Before the new period starts, 2021–2025 still runs; on 2 January 2026 the new period is the programme.
            var client = site.Browser();
            Assert.Contains("giai đoạn 2021–2025", (await client.GetHtmlAsync("/chuong-trinh")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            site.Clock!.Advance(TimeSpan.FromDays(3));
            await EvictAsync();
            var page = await client.GetHtmlAsync("/chuong-trinh");
            Assert.Contains("giai đoạn 2026–2030", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Chương trình đang thực hiện", page.MainText(), StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#chi-tieu-hoi-cho-2026-2030"));
            Assert.Null(page.QuerySelector("#chi-tieu-hoi-cho"));
            Assert.Contains("10.000", page.QuerySelector($"#table-{ProgramTables.Plan}")!.TextContent, StringComparison.Ordinal);
            var past = await client.GetHtmlAsync("/chuong-trinh/giai-doan/2021-2025");
            Assert.Contains("Chương trình đã kết thúc ngày 31/12/2025", past.MainText(), StringComparison.Ordinal);
            Assert.NotNull(past.QuerySelector("#chi-tieu-hoi-cho"));
            await client.GetHtmlAsync("/chuong-trinh/giai-doan/2031-2035", HttpStatusCode.NotFound);

            var start = (await client.GetHtmlAsync("/dang-ky-ho-tro")).MainText();
            Assert.Contains("hỗ trợ từ Chương trình khuyến công tỉnh Vĩnh Long giai đoạn 2026–2030", start, StringComparison.Ordinal);
            Assert.Contains("120 cơ sở", start, StringComparison.Ordinal);
            Assert.DoesNotContain("90–100 cơ sở", start, StringComparison.Ordinal);
            var hero = (await client.GetHtmlAsync("/")).QuerySelector(".hero")!;
            Assert.Contains("giai đoạn 2026–2030", hero.TextContent, StringComparison.Ordinal);

            using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/program", UriKind.Relative)));
            Assert.Equal("2026-2030", api.RootElement.GetProperty("period").GetProperty("code").GetString());
            Assert.Equal("current", api.RootElement.GetProperty("period").GetProperty("status").GetString());
        }
        finally
        {
            await site.WithDbAsync(async (db, _) =>
            {
                await db.ProgramTargets.Where(t => t.PeriodCode == "2026-2030").ExecuteDeleteAsync();
                await db.ProgramFigures.Where(f => f.PeriodCode == "2026-2030").ExecuteDeleteAsync();
                return await db.ProgramPeriods.Where(p => p.Code == "2026-2030").ExecuteDeleteAsync();
            });
            site.Clock!.Advance(TimeSpan.FromDays(-3));
            await EvictAsync();
        }
    }
}

/// <summary>Progress counts only what happened inside the period and has already happened (real clock: December 2026).</summary>
public sealed class ProgramPeriodRuleTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Fairs_of_2026_and_2027_and_years_after_the_period_are_not_counted_on_the_page_the_lists_or_the_api()
    {
        var client = site.Browser();
        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/program", UriKind.Relative)));
        var root = api.RootElement;
        Assert.Equal(2021, root.GetProperty("period").GetProperty("from").GetInt32());
        Assert.Equal(2025, root.GetProperty("period").GetProperty("to").GetInt32());
        foreach (var t in root.GetProperty("targets").EnumerateArray())
        {
            var years = t.GetProperty("progress").GetProperty("byYear").EnumerateObject().Select(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal([2021, 2022, 2023, 2024, 2025], years);
            Assert.Equal(t.GetProperty("progress").GetProperty("achieved").GetInt64(), t.GetProperty("progress").GetProperty("byYear").EnumerateObject().Sum(p => p.Value.GetInt64()));
        }

        // The starting content holds the two provincial fairs of 2021 and 2025 the news and the TV segments report;
        // the fairs of 2027 and the regional fairs do not count toward "02 hội chợ".
        var progress = await ProgramProgressTests.ProgressAsync(client);
        Assert.Equal(2, progress["hoi-cho"].Achieved);
        Assert.Equal(1, progress["hoi-cho"].ByYear["2021"]);
        Assert.Equal(1, progress["hoi-cho"].ByYear["2025"]);
        Assert.Equal(2, await ProgramProgressTests.PageAchievedAsync(client, "hoi-cho"));

        // A provincial fair held in 2026 is outside 2021–2025; so are its participations and a showroom of 2026.
        await site.WithDbAsync(async (db, sp) =>
        {
            var est = new Establishment { Name = "Cơ sở 2026", Slug = "co-so-2026-" + Guid.NewGuid().ToString("N")[..6] };
            db.Add(new Fair
            {
                Title = "Hội chợ năm 2026", Slug = "hoi-cho-nam-2026", Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddDays(-30),
                Level = FairLevel.Provincial, StartsOn = new DateTime(2026, 3, 1), EndsOn = new DateTime(2026, 3, 5),
                Participants = [new FairParticipation { Establishment = est, ProgrammeSupported = true }],
            });
            db.Add(new Showroom { Title = "Phòng trưng bày 2026", Slug = "phong-trung-bay-2026", Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddDays(-30), YearSupported = 2026 });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
            return 0;
        });
        var after = await ProgramProgressTests.ProgressAsync(client);
        Assert.Equal(progress["hoi-cho"].Achieved, after["hoi-cho"].Achieved);
        Assert.Equal(progress["tham-gia-hoi-cho"].Achieved, after["tham-gia-hoi-cho"].Achieved);
        Assert.Equal(progress["phong-trung-bay"].Achieved, after["phong-trung-bay"].Achieved);

        // The list pages show the programme's own target and count.
        var fairs = await client.GetHtmlAsync("/hoi-cho");
        Assert.Contains("2/2", fairs.GetElementById("fairs-progress-label")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{after["tham-gia-hoi-cho"].Achieved}/90", fairs.GetElementById("participations-progress-label")!.TextContent, StringComparison.Ordinal);
        var showrooms = await client.GetHtmlAsync("/phong-trung-bay");
        Assert.Contains($"{after["phong-trung-bay"].Achieved}/20", showrooms.GetElementById("showrooms-progress-label")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("đã kết thúc ngày 31/12/2025", showrooms.GetElementById("showrooms-progress-label")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fair_that_has_not_ended_is_not_held_and_an_achievement_after_the_period_does_not_count()
    {
        var client = site.Browser();
        var before = await ProgramProgressTests.ProgressAsync(client);
        await site.WithDbAsync(async (db, sp) =>
        {
            db.Add(new Achievement { TargetCode = "tu-van", Date = new DateTime(2026, 2, 1), Quantity = 5, Note = "Sau giai đoạn", EvidenceUrl = "/", CreatedBy = "test" });
            db.Add(new Achievement { TargetCode = "tu-van", Date = new DateTime(2025, 12, 31), Quantity = 3, Note = "Ngày cuối", EvidenceUrl = "/", CreatedBy = "test" });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
            return 0;
        });
        var after = await ProgramProgressTests.ProgressAsync(client);
        Assert.Equal(before["tu-van"].Achieved + 3, after["tu-van"].Achieved);
        Assert.Equal(before["tu-van"].ByYear["2025"] + 3, after["tu-van"].ByYear["2025"]);
    }
}

/// <summary>On 16/10/2025 the 2025 fair (14–18/10) is under way: it is not held yet; on 20/10 it is.</summary>
public sealed class DuringFairSiteFactory : SiteFactory
{
    public DuringFairSiteFactory() => Clock = new ManualClock(new DateTimeOffset(2025, 10, 16, 3, 0, 0, TimeSpan.Zero));
}

public sealed class ProgramFairHeldTests(DuringFairSiteFactory site) : IClassFixture<DuringFairSiteFactory>
{
    [Fact]
    public async Task A_fair_counts_as_held_only_after_its_last_day()
    {
        var client = site.Browser();
        var during = await ProgramProgressTests.ProgressAsync(client);
        Assert.Equal(0, during["hoi-cho"].ByYear["2025"]);
        Assert.Equal(1, during["hoi-cho"].Achieved);
        site.Clock!.Advance(TimeSpan.FromDays(4));
        await site.WithDbAsync(async (_, sp) =>
        {
            await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
            return 0;
        });
        var after = await ProgramProgressTests.ProgressAsync(client);
        Assert.Equal(1, after["hoi-cho"].ByYear["2025"]);
        Assert.Equal(2, after["hoi-cho"].Achieved);
    }
}

/// <summary>The programme page stays light on a phone: summary first, the long tables on the detail page.</summary>
public sealed class ProgramPageWeightTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_summary_page_is_under_60_KB_and_every_table_is_in_a_labelled_focusable_region()
    {
        var client = site.Browser();
        var html = await client.GetStringAsync(new Uri("/chuong-trinh", UriKind.Relative));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) <= 60 * 1024, $"/chuong-trinh is {System.Text.Encoding.UTF8.GetByteCount(html)} bytes");
        foreach (var url in ProgramContents.All.Select(c => c.Path).Prepend("/chuong-trinh/so-lieu").Prepend("/chuong-trinh"))
        {
            var doc = await client.GetHtmlAsync(url);
            Assert.NotEmpty(doc.QuerySelectorAll("table"));
            foreach (var table in doc.QuerySelectorAll("main table"))
            {
                var region = table.ParentElement!;
                Assert.Equal("region", region.GetAttribute("role"));
                Assert.Equal("0", region.GetAttribute("tabindex"));
                Assert.True(region.HasAttribute("aria-label") || region.HasAttribute("aria-labelledby"), url);
            }
        }

        // The progress table reflows on a phone: every figure cell names its column.
        var page = await client.GetHtmlAsync("/chuong-trinh");
        Assert.All(page.QuerySelectorAll("#table-tien-do tbody td"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));
        // The summary comes before the tables.
        var summary = page.QuerySelector("#tom-tat")!;
        Assert.True(summary.CompareDocumentPosition(page.QuerySelector("table")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }
}
