using System.Net;
using System.Text.Json.Nodes;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Tests.Api;

/// <summary>
/// <c>/api/v1/questions</c>: the published questions and answers of /hoi-dap, newest first, by topic, paged to the
/// end; drafts, scheduled items and withdrawn ones never appear, and nothing of the asker does.
/// </summary>
public sealed class QuestionsApiTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<QaItem> QaAsync(string title, int topic, ContentStatus status = ContentStatus.Published, DateTime? publishAt = null)
    {
        var item = new QaItem
        {
            Title = title, Slug = global::KhuyenCong.Web.Services.Content.Slugifier.Slugify(title) + "-" + Guid.NewGuid().ToString("N")[..6],
            Summary = "Tóm tắt " + title, QuestionText = "Câu hỏi: " + title + "?", BodyMarkdown = "**Trả lời** cho " + title + ".",
            Topic = topic, Status = status, PublishAt = publishAt ?? DateTime.UtcNow.AddMinutes(-5),
        };
        await site.SaveAsync(item);
        return item;
    }

    private static async Task<List<JsonNode>> AllAsync(HttpClient client, string url, ApiSchemas schemas)
    {
        var items = new List<JsonNode>();
        for (string? next = url; next is not null;)
        {
            var response = await client.GetAsync(next);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{next}: {(int)response.StatusCode} {body}");
            schemas.AssertValid("/api/v1/questions", 200, body);
            var page = JsonNode.Parse(body)!;
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            next = page["next"]?.GetValue<string>() is { } link ? new Uri(link).PathAndQuery : null;
            Assert.True(items.Count < 100, "paging never ends");
        }

        return items;
    }

    [Fact]
    public async Task Published_questions_page_to_the_end_by_topic_and_nothing_unpublished_appears()
    {
        var first = await QaAsync("Hỏi về hỗ trợ máy móc thiết bị", 2);
        var second = await QaAsync("Hỏi về hội chợ triển lãm", 4);
        var third = await QaAsync("Hỏi về đào tạo nghề", 2);
        var draft = await QaAsync("Hỏi đáp còn nháp", 2, ContentStatus.Draft);
        var later = await QaAsync("Hỏi đáp hẹn giờ", 2, ContentStatus.Published, DateTime.UtcNow.AddDays(3));
        var client = site.CreateClient();
        var schemas = await ApiSchemas.LoadAsync(client);

        var all = await AllAsync(client, "/api/v1/questions?limit=2", schemas);
        Assert.Equal([third.Slug, second.Slug, first.Slug], all.Select(i => (string)i["slug"]!));
        Assert.All(all, i => Assert.Null(i["answerHtml"]));
        Assert.DoesNotContain(all, i => (string)i["slug"]! == draft.Slug || (string)i["slug"]! == later.Slug);

        var topic2 = await AllAsync(client, "/api/v1/questions?topic=2", schemas);
        Assert.Equal([third.Slug, first.Slug], topic2.Select(i => (string)i["slug"]!));
        Assert.All(topic2, i => Assert.Equal(2, (int)i["topic"]!["number"]!));

        var one = await client.GetAsync("/api/v1/questions/" + second.Slug);
        var body = await one.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        schemas.AssertValid("/api/v1/questions/{slug}", 200, body);
        var node = JsonNode.Parse(body)!;
        Assert.Contains("<strong>Trả lời</strong>", (string)node["answerHtml"]!, StringComparison.Ordinal);
        Assert.Equal("https://khuyencong.test/hoi-dap/" + second.Slug, (string)node["url"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/questions/" + draft.Slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/questions/" + later.Slug)).StatusCode);

        // Withdrawn: gone from the list and its page at once (the publisher evicts the cached answers).
        second.Status = ContentStatus.Draft;
        await site.SaveAsync(second);
        Assert.DoesNotContain(await AllAsync(client, "/api/v1/questions", schemas), i => (string)i["slug"]! == second.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/questions/" + second.Slug)).StatusCode);
    }

    [Theory]
    [InlineData("topic", "7")]
    [InlineData("topic", "-1")]
    [InlineData("topic", "hai")]
    [InlineData("limit", "0")]
    [InlineData("cursor", "khong-phai-con-tro")]
    public async Task Bad_values_are_400_problems_naming_the_parameter(string parameter, string value)
    {
        var response = await site.CreateClient().GetAsync($"/api/v1/questions?{parameter}={Uri.EscapeDataString(value)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["parameter"]!);
    }
}
