using System.Globalization;
using System.Net;
using System.Text.Json;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Tests.Pages.TvSegments;

public sealed class TvSegmentsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_list_shows_episodes_and_progress_toward_twenty_segments()
    {
        var client = site.Browser();
        var before = await client.GetHtmlAsync("/truyen-hinh");
        var countBefore = before.QuerySelectorAll(".media-card").Length;
        var one = await site.TvSegmentAsync(episode: 7);
        await site.TvSegmentAsync(episode: 8, status: ContentStatus.Draft);

        var doc = await client.GetHtmlAsync("/truyen-hinh");
        Assert.Equal(countBefore + 1, doc.QuerySelectorAll(".media-card").Length);
        var card = doc.QuerySelectorAll(".media-card").First(c => c.TextContent.Contains(one.Title, StringComparison.Ordinal));
        Assert.Contains("Kỳ 7", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("15/10/2021", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("01:30", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("img[alt='Người thợ cắt kẹo dừa']"));
        // The target and the count are the programme's (segments aired inside 2021–2025), the same as /chuong-trinh.
        var counted = (await KhuyenCong.Web.Tests.Pages.Program.ProgramProgressTests.ProgressAsync(client))["chuyen-muc-truyen-hinh"].Achieved;
        var progress = doc.QuerySelector("progress")!;
        Assert.Equal("20", progress.GetAttribute("max"));
        // The bar stops at its maximum once the target is reached; the label keeps the real count.
        Assert.Equal(Math.Min(counted, 20).ToString(CultureInfo.InvariantCulture), progress.GetAttribute("value"));
        var label = doc.GetElementById(progress.GetAttribute("aria-labelledby")!)!;
        Assert.Contains($"{counted}/20", label.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hosted_video_plays_with_a_captions_track_and_the_full_transcript_on_the_page()
    {
        var tv = await site.TvSegmentAsync(episode: 2, video: "0123456789abcdef");
        var doc = await site.Browser().GetHtmlAsync("/truyen-hinh/" + tv.Slug);

        var video = doc.QuerySelector("video")!;
        Assert.True(video.HasAttribute("controls"));
        Assert.Equal("none", video.GetAttribute("preload"));
        Assert.StartsWith("/media/", video.GetAttribute("poster"), StringComparison.Ordinal);
        Assert.Equal("/media/0123456789abcdef.mp4", video.QuerySelector("source")!.GetAttribute("src"));
        var track = video.QuerySelector("track")!;
        Assert.Equal("captions", track.GetAttribute("kind"));
        Assert.Equal("vi", track.GetAttribute("srclang"));
        Assert.True(track.HasAttribute("default"));
        Assert.Equal($"/truyen-hinh/{tv.Slug}.vtt", track.GetAttribute("src"));

        var transcript = doc.QuerySelector(".transcript")!.TextContent;
        Assert.Contains("Xin chào quý vị khán giả.", transcript, StringComparison.Ordinal);
        Assert.Contains("cơ sở kẹo dừa <ngon> & nổi tiếng", transcript, StringComparison.Ordinal);
        Assert.Contains("Dòng không có mốc thời gian.", transcript, StringComparison.Ordinal);
        Assert.Contains("[01:10]", transcript, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("iframe"));

        var data = JsonLd(doc, "VideoObject");
        Assert.Equal(tv.Title, data.GetProperty("name").GetString());
        Assert.Equal("PT1M30S", data.GetProperty("duration").GetString());
        Assert.Equal("2021-10-15T00:00:00+07:00", data.GetProperty("uploadDate").GetString());
        Assert.Equal("https://khuyencong.test/media/0123456789abcdef.mp4", data.GetProperty("contentUrl").GetString());
        Assert.StartsWith("https://khuyencong.test/media/", data.GetProperty("thumbnailUrl")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Cảm ơn quý vị đã theo dõi.", data.GetProperty("transcript").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(data.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task An_external_video_is_a_link_card_without_frames_or_third_party_scripts()
    {
        var tv = await site.TvSegmentAsync(episode: 3, externalUrl: "https://thbt.vn/video/ky-3");
        var doc = await site.Browser().GetHtmlAsync("/truyen-hinh/" + tv.Slug);

        Assert.Null(doc.QuerySelector("video"));
        Assert.Empty(doc.QuerySelectorAll("iframe"));
        Assert.All(doc.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal));
        var card = doc.QuerySelector("a.video-link-card")!;
        Assert.Equal("https://thbt.vn/video/ky-3", card.GetAttribute("href"));
        Assert.NotNull(card.QuerySelector("img[alt='Người thợ cắt kẹo dừa']"));
        Assert.Equal("https://thbt.vn/video/ky-3", JsonLd(doc, "VideoObject").GetProperty("embedUrl").GetString());
        Assert.Contains("Xin chào quý vị khán giả.", doc.QuerySelector(".transcript")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_captions_track_is_valid_webvtt_built_from_the_transcript_cues()
    {
        var tv = await site.TvSegmentAsync(episode: 4, video: "0123456789abcdef");
        using var response = await site.Browser().GetAsync(new Uri($"/truyen-hinh/{tv.Slug}.vtt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vtt", response.Content.Headers.ContentType!.MediaType);
        var cues = WebVttParser.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(3, cues.Count);
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromSeconds(5)), (cues[0].Start, cues[0].End));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(70)), (cues[1].Start, cues[1].End));
        Assert.Equal((TimeSpan.FromSeconds(70), TimeSpan.FromSeconds(90)), (cues[2].Start, cues[2].End));
        Assert.Equal("Hôm nay chúng ta đến với cơ sở kẹo dừa &lt;ngon&gt; &amp; nổi tiếng. Dòng không có mốc thời gian.", cues[1].Text);
        Assert.Equal("Cảm ơn quý vị đã theo dõi.", cues[2].Text);
    }

    [Fact]
    public async Task Unpublished_and_unknown_segments_are_not_found_nor_their_captions()
    {
        var draft = await site.TvSegmentAsync(episode: 5, status: ContentStatus.Draft);
        var client = site.Browser();
        foreach (var url in new[] { "/truyen-hinh/" + draft.Slug, $"/truyen-hinh/{draft.Slug}.vtt", "/truyen-hinh/khong-co", "/truyen-hinh/khong-co.vtt" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
    }

    internal static JsonElement JsonLd(AngleSharp.Html.Dom.IHtmlDocument doc, string type)
    {
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            using var json = JsonDocument.Parse(script.TextContent);
            if (json.RootElement.TryGetProperty("@type", out var t) && t.GetString() == type)
            {
                return json.RootElement.Clone();
            }
        }

        throw new Xunit.Sdk.XunitException($"no JSON-LD of type {type}");
    }
}

/// <summary>A small WebVTT reader for the tests: header, cue timings (increasing, start before end) and text.</summary>
public static class WebVttParser
{
    public sealed record Cue(TimeSpan Start, TimeSpan End, string Text);

    public static List<Cue> Parse(string vtt)
    {
        ArgumentNullException.ThrowIfNull(vtt);
        var blocks = vtt.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(blocks[0] == "WEBVTT" || blocks[0].StartsWith("WEBVTT ", StringComparison.Ordinal) || blocks[0].StartsWith("WEBVTT\n", StringComparison.Ordinal), "missing WEBVTT header");
        var cues = new List<Cue>();
        foreach (var block in blocks.Skip(1))
        {
            var lines = block.Split('\n');
            var timing = lines[0].Contains("-->", StringComparison.Ordinal) ? 0 : 1;
            var parts = lines[timing].Split(" --> ");
            Assert.Equal(2, parts.Length);
            var start = TimeSpan.ParseExact(parts[0], @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
            var end = TimeSpan.ParseExact(parts[1].Split(' ')[0], @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
            Assert.True(start < end, $"cue {lines[timing]} ends before it starts");
            Assert.True(cues.Count == 0 || start >= cues[^1].Start, "cue start times must not decrease");
            var text = string.Join("\n", lines.Skip(timing + 1));
            Assert.DoesNotContain("-->", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<", text, StringComparison.Ordinal);
            cues.Add(new Cue(start, end, text));
        }

        return cues;
    }
}
