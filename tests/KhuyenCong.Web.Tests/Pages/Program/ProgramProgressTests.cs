using System.Globalization;
using System.Net;
using System.Text.Json;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Pages.Program;

/// <summary>Progress computed from published content follows publishing and withdrawing, on the page and in the API.</summary>
public sealed class ProgramProgressTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] Years = ["2021", "2022", "2023", "2024", "2025"];

    internal static async Task<Dictionary<string, (long Achieved, Dictionary<string, long> ByYear)>> ProgressAsync(HttpClient client)
    {
        var json = await client.GetStringAsync(new Uri("/api/v1/program", UriKind.Relative));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("targets").EnumerateArray().ToDictionary(
            t => t.GetProperty("code").GetString()!,
            t => (t.GetProperty("progress").GetProperty("achieved").GetInt64(),
                t.GetProperty("progress").GetProperty("byYear").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64())));
    }

    internal static async Task<long> PageAchievedAsync(HttpClient client, string code)
    {
        var doc = await client.GetHtmlAsync("/chuong-trinh");
        return long.Parse(doc.QuerySelector($"#chi-tieu-{code}")!.QuerySelectorAll("td")[1].GetAttribute("data-value")!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Publishing_and_withdrawing_an_article_moves_the_articles_target_on_the_cached_page_and_api()
    {
        var client = site.Browser();
        var before = await ProgressAsync(client);
        var pageBefore = await PageAchievedAsync(client, "bai-viet");
        Assert.Equal(before["bai-viet"].Achieved, pageBefore);

        var article = await site.NewArticleAsync("Bài mới về khuyến công năm 2023", publishAt: new DateTime(2023, 5, 10, 2, 0, 0, DateTimeKind.Utc));
        await site.NewArticleAsync("Bài năm 2020 không tính", publishAt: new DateTime(2020, 6, 1, 2, 0, 0, DateTimeKind.Utc));
        var after = await ProgressAsync(client);
        Assert.Equal(before["bai-viet"].Achieved + 1, after["bai-viet"].Achieved);
        Assert.Equal(before["bai-viet"].ByYear["2023"] + 1, after["bai-viet"].ByYear["2023"]);
        Assert.Equal(pageBefore + 1, await PageAchievedAsync(client, "bai-viet"));

        article.Status = ContentStatus.Draft;
        await site.SaveAsync(article);
        Assert.Equal(before["bai-viet"].Achieved, (await ProgressAsync(client))["bai-viet"].Achieved);
        Assert.Equal(pageBefore, await PageAchievedAsync(client, "bai-viet"));
    }

    [Fact]
    public async Task An_article_counts_in_its_year_in_Vietnam_time_at_the_edges_of_the_years_and_of_the_period()
    {
        var client = site.Browser();
        var before = await ProgressAsync(client);
        // 31/12/2022 17:30 UTC is 00:30 on 1/1/2023 in Vietnam (UTC+7): a 2023 article; 16:30 UTC is still 2022.
        await site.NewArticleAsync("Bài đầu năm 2023 giờ Việt Nam", publishAt: new DateTime(2022, 12, 31, 17, 30, 0, DateTimeKind.Utc));
        await site.NewArticleAsync("Bài cuối năm 2022 giờ Việt Nam", publishAt: new DateTime(2022, 12, 31, 16, 30, 0, DateTimeKind.Utc));
        // The period starts on 1/1/2021 in Vietnam: 31/12/2020 17:00 UTC is in it, 16:59 UTC is not.
        await site.NewArticleAsync("Bài lúc kỳ bắt đầu", publishAt: new DateTime(2020, 12, 31, 17, 0, 0, DateTimeKind.Utc));
        await site.NewArticleAsync("Bài trước kỳ một phút", publishAt: new DateTime(2020, 12, 31, 16, 59, 0, DateTimeKind.Utc));
        var after = (await ProgressAsync(client))["bai-viet"];
        long Added(string year) => after.ByYear.GetValueOrDefault(year) - before["bai-viet"].ByYear.GetValueOrDefault(year);
        Assert.Equal(1, Added("2021"));
        Assert.Equal(1, Added("2022"));
        Assert.Equal(1, Added("2023"));
        Assert.Equal(3, after.Achieved - before["bai-viet"].Achieved);
    }

    private static readonly string[] RoundYears = ["2022", "2024"];

    [Fact]
    public async Task Tv_segments_fairs_participations_showrooms_rounds_and_products_are_counted_when_published()
    {
        var client = site.Browser();
        var before = await ProgressAsync(client);
        var published = DateTime.UtcNow.AddDays(-1);
        var fair = new Fair
        {
            Title = "Hội chợ CNNT 2023", Slug = "hoi-cho-cnnt-2023", Status = ContentStatus.Published, PublishAt = published,
            StartsOn = new DateTime(2023, 10, 5), EndsOn = new DateTime(2023, 10, 9), Level = FairLevel.Provincial,
        };
        await site.WithDbAsync(async (db, sp) =>
        {
            var establishments = Enumerable.Range(1, 3).Select(i => new Establishment { Name = "Cơ sở mẫu " + i, Slug = $"co-so-mau-{i}-" + Guid.NewGuid().ToString("N")[..6] }).ToList();
            db.AddRange(establishments);
            db.Add(new TvSegment { Title = "Chuyên mục 1", Slug = "chuyen-muc-1", Status = ContentStatus.Published, PublishAt = published, AirDate = new DateTime(2022, 3, 1, 5, 0, 0, DateTimeKind.Utc) });
            db.Add(new TvSegment { Title = "Chuyên mục nháp", Slug = "chuyen-muc-nhap", Status = ContentStatus.Draft, AirDate = new DateTime(2022, 3, 1, 5, 0, 0, DateTimeKind.Utc) });
            fair.Participants =
            [
                new FairParticipation { Establishment = establishments[0], ProgrammeSupported = true },
                new FairParticipation { Establishment = establishments[1], ProgrammeSupported = true },
                new FairParticipation { Establishment = establishments[2], ProgrammeSupported = false },
            ];
            db.Add(fair);
            db.Add(new Showroom { Title = "Phòng trưng bày", Slug = "phong-trung-bay", Status = ContentStatus.Published, PublishAt = published, YearSupported = 2024 });
            Product Product(string slug, params (CertificationLevel Level, int Year)[] certs) => new()
            {
                Title = slug, Slug = slug, Status = ContentStatus.Published, PublishAt = published, Group = CnntGroup.ProcessedFood,
                Certifications = certs.Select(c => new ProductCertification { Level = c.Level, RoundYear = c.Year }).ToList(),
            };
            db.AddRange(
                Product("keo-dua-a", (CertificationLevel.Provincial, 2022)),
                Product("keo-dua-b", (CertificationLevel.Provincial, 2022), (CertificationLevel.Regional, 2023)),
                Product("banh-phong-c", (CertificationLevel.Provincial, 2024)),
                Product("chieu-d", (CertificationLevel.Provincial, 2019)),
                Product("thach-dua-e", (CertificationLevel.Regional, 2023)));
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
            return 0;
        });

        var after = await ProgressAsync(client);
        void Gained(string code, long total, params (string Year, long N)[] years)
        {
            Assert.Equal(before[code].Achieved + total, after[code].Achieved);
            foreach (var y in Years)
            {
                var expected = years.Where(x => x.Year == y).Sum(x => x.N);
                Assert.Equal(before[code].ByYear[y] + expected, after[code].ByYear[y]);
            }
        }

        Gained("chuyen-muc-truyen-hinh", 1, ("2022", 1));
        Gained("hoi-cho", 1, ("2023", 1));
        Gained("tham-gia-hoi-cho", 2, ("2023", 2));
        Gained("phong-trung-bay", 1, ("2024", 1));
        // Rounds are distinct years: a round the starting content already holds is not counted twice.
        var newRounds = RoundYears.Where(y => before["binh-chon-cap-tinh"].ByYear[y] == 0).Select(y => (y, 1L)).ToArray();
        Gained("binh-chon-cap-tinh", newRounds.Length, newRounds);
        Assert.Equal(1L, after["binh-chon-cap-tinh"].ByYear["2022"]);
        Assert.Equal(1L, after["binh-chon-cap-tinh"].ByYear["2024"]);
        Gained("san-pham-cap-tinh", 3, ("2022", 2), ("2024", 1));
        Assert.Equal(before["hoi-cho"].Achieved + 1, await PageAchievedAsync(client, "hoi-cho"));

        // Withdrawing the fair withdraws its participations too.
        await site.WithDbAsync(async (db, sp) =>
        {
            var f = await db.Fairs.FindAsync(fair.Id);
            f!.Status = ContentStatus.Draft;
            await db.SaveChangesAsync();
            await sp.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ContentPublisher.CacheTag, default);
            return 0;
        });
        var withdrawn = await ProgressAsync(client);
        Assert.Equal(before["hoi-cho"].Achieved, withdrawn["hoi-cho"].Achieved);
        Assert.Equal(before["tham-gia-hoi-cho"].Achieved, withdrawn["tham-gia-hoi-cho"].Achieved);
        Assert.Equal(before["hoi-cho"].Achieved, await PageAchievedAsync(client, "hoi-cho"));
    }

    [Fact]
    public async Task Percent_is_of_the_lower_bound_and_the_page_draws_a_meter_without_inline_style()
    {
        var doc = await site.Browser().GetHtmlAsync("/chuong-trinh");
        var meter = doc.QuerySelector("#chi-tieu-may-moc-tien-tien meter")!;
        Assert.Equal("0", meter.GetAttribute("min"));
        Assert.Equal("100", meter.GetAttribute("max"));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        Assert.Empty(doc.QuerySelectorAll("style"));
        Assert.Null(doc.QuerySelector("#chi-tieu-san-pham-cap-tinh meter"));
        using var response = await site.Browser().GetAsync(new Uri("/chuong-trinh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
