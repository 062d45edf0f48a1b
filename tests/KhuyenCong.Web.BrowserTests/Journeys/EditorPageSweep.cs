using KhuyenCong.Web.BrowserTests.Infrastructure;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>
/// The checks every editor-area page passes, with a signed-in page: axe at the desktop and phone sizes, nothing wider
/// than a 360-px screen, and the Nu Html Checker on the HTML the server sends (fetched with the page's own cookies).
/// </summary>
internal static class EditorPageSweep
{
    /// <summary>Every problem found on the pages, one line each; empty when all pass.</summary>
    public static async Task<List<string>> ProblemsAsync(IPage signedIn, IReadOnlyList<string> urls, string folder)
    {
        Directory.CreateDirectory(folder);
        var problems = new List<string>();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var size in new[] { BrowserGate.Desktop, BrowserGate.Phone })
        {
            await signedIn.SetViewportSizeAsync(size.Width, size.Height);
            foreach (var url in urls)
            {
                await signedIn.GotoAsync(url);
                var violations = (await Accessibility.AxeTests.RunAxeAsync(signedIn)).GetProperty("violations");
                if (violations.GetArrayLength() > 0)
                {
                    problems.Add(Accessibility.AxeTests.Describe(url, $"{size.Width}x{size.Height}", violations));
                }

                if (size == BrowserGate.Phone)
                {
                    var overflow = await signedIn.EvaluateAsync<System.Text.Json.JsonElement>(PhoneTests.OverflowScript);
                    if (overflow.GetProperty("scrollWidth").GetInt32() > overflow.GetProperty("clientWidth").GetInt32())
                    {
                        problems.Add($"{url} scrolls sideways at 360 px; past the edge: {string.Join(", ", overflow.GetProperty("wide").EnumerateArray())}");
                    }
                }
                else
                {
                    var response = await signedIn.Context.APIRequest.GetAsync(url);
                    var file = Path.Combine(folder, $"page-{files.Count}.html");
                    await File.WriteAllBytesAsync(file, await response.BodyAsync());
                    files[Path.GetFileName(file)] = url;
                }
            }
        }

        await signedIn.SetViewportSizeAsync(BrowserGate.Desktop.Width, BrowserGate.Desktop.Height);
        problems.AddRange(await Html.HtmlValidityTests.ErrorsAsync(files, folder));
        return problems;
    }
}
