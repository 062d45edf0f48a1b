using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

[Collection(BrowserGateDefinition.Name)]
public sealed partial class ShowcaseJourneyTests(BrowserGate gate)
{
    [BrowserFact]
    public async Task Visitor_plays_the_sample_tv_segment_with_captions()
    {
        var segment = await SegmentWithVideoAsync();
        await using var context = await gate.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, true);

        await page.GotoAsync("/");
        await Journey.MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Truyền hình", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chuyên mục truyền hình");
        await page.Locator($"main a[href='{segment}']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(segment) + "$"));

        var video = page.Locator("video");
        await Expect(video).ToBeVisibleAsync();
        await Expect(video).ToHaveAttributeAsync("preload", "none");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bản ghi lời" })).ToBeVisibleAsync();

        var track = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const video = document.querySelector('video');
              const element = video.querySelector('track');
              const track = element.track;
              track.mode = 'showing';
              for (let i = 0; i < 150 && !(track.cues && track.cues.length > 0); i++) {
                await new Promise(r => setTimeout(r, 100));
              }
              return { kind: track.kind, language: track.language, readyState: element.readyState,
                       cues: track.cues ? track.cues.length : 0, first: track.cues && track.cues.length ? track.cues[0].text : '',
                       starts: track.cues ? Array.from(track.cues).map(c => c.startTime) : [] };
            }
            """);
        Assert.Equal("captions", track.GetProperty("kind").GetString());
        Assert.Equal("vi", track.GetProperty("language").GetString());
        Assert.Equal(2, track.GetProperty("readyState").GetInt32()); // HTMLTrackElement.LOADED
        Assert.True(track.GetProperty("cues").GetInt32() > 0, "the captions track has no cues");
        Assert.False(string.IsNullOrWhiteSpace(track.GetProperty("first").GetString()));
        var starts = track.GetProperty("starts").EnumerateArray().Select(s => s.GetDouble()).ToList();
        Assert.Equal(starts.Order().ToList(), starts);

        var played = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const video = document.querySelector('video');
              video.muted = true;
              let error = '';
              // A play() that never settles must fail the test, not hang it.
              const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('play() did not settle within 10 s')), 10000));
              try { await Promise.race([video.play(), timeout]); } catch (e) { error = String(e); }
              for (let i = 0; i < 100 && video.currentTime < 0.3; i++) {
                await new Promise(r => setTimeout(r, 100));
              }
              const time = video.currentTime;
              video.pause();
              return { time, error, mediaError: video.error ? video.error.code : 0 };
            }
            """);
        Assert.True(played.GetProperty("time").GetDouble() > 0,
            $"the video did not play: {played.GetProperty("error").GetString()} (media error {played.GetProperty("mediaError").GetInt32()})");

        await watch.AssertCleanAsync();
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Visitor_downloads_a_fair_calendar_file(bool javaScript)
    {
        await using var context = await gate.NewContextAsync(javaScript: javaScript);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, javaScript);

        await page.GotoAsync("/");
        await Journey.MainMenu(page).GetByRole(AriaRole.Link, new() { Name = "Hội chợ", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội chợ triển lãm");
        var first = page.Locator("main li.card .card-title a").First;
        var title = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Thêm vào lịch (tệp .ics)" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT\r\n", text, StringComparison.Ordinal);
        Assert.Matches("\r\nDTSTART;VALUE=DATE:[0-9]{8}\r\n", text);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        var summary = unfolded.Split("\r\n").Single(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal))["SUMMARY:".Length..];
        Assert.Equal(title, summary.Replace("\\,", ",", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));

        await watch.AssertCleanAsync();
    }

    /// <summary>The first TV segment on the list whose page has a hosted video (the sample MP4).</summary>
    private async Task<string> SegmentWithVideoAsync()
    {
        var client = await gate.HttpAsync();
        var list = await client.GetStringAsync(new Uri("/truyen-hinh", UriKind.Relative));
        foreach (var link in SegmentLink().Matches(list).Select(m => m.Groups[1].Value).Distinct())
        {
            if ((await client.GetStringAsync(new Uri(link, UriKind.Relative))).Contains("<video", StringComparison.Ordinal))
            {
                return link;
            }
        }

        throw new InvalidOperationException("No TV segment with a hosted video on /truyen-hinh");
    }

    [GeneratedRegex("href=\"(/truyen-hinh/[a-z0-9-]+)\"")]
    private static partial Regex SegmentLink();
}
