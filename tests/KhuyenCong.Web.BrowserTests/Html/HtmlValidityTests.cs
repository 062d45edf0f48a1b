using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace KhuyenCong.Web.BrowserTests.Html;

/// <summary>
/// Every page type, as the server sends it, passes the Nu Html Checker (vnu.jar) with zero errors. The pages are
/// saved to files and checked in one java run (the checker's start-up dominates its cost); warnings are printed.
/// </summary>
[Collection(BrowserGateDefinition.Name)]
public sealed class HtmlValidityTests(BrowserGate gate, ITestOutputHelper output)
{
    [BrowserFact(Needs.HtmlChecker)]
    public async Task Every_page_type_is_valid_html()
    {
        Prerequisites.Require(Needs.HtmlChecker);
        var http = await gate.HttpAsync();
        var folder = Directory.CreateDirectory(Path.Combine(gate.WorkFolder, "html")).FullName;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pageType in PageTypes.Names)
        {
            var url = await gate.UrlOfAsync(pageType);
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(pageType == "not-found" ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
            var file = Path.Combine(folder, $"{pageType}.html");
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            files[Path.GetFileName(file)] = $"{pageType} ({url})";
        }

        var errors = await ErrorsAsync(files, folder, output);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML error(s) from the Nu Html Checker:\n{string.Join('\n', errors)}");
    }

    /// <summary>
    /// The Nu Html Checker's errors for saved pages (file name → what to call it in a message), in one java run;
    /// warnings go to the output when one is given.
    /// </summary>
    internal static async Task<List<string>> ErrorsAsync(IReadOnlyDictionary<string, string> files, string folder, ITestOutputHelper? output = null)
    {
        var report = await CheckAsync(files.Keys.Select(f => Path.Combine(folder, f)));
        var errors = new List<string>();
        foreach (var message in report.GetProperty("messages").EnumerateArray())
        {
            var type = message.GetProperty("type").GetString();
            var isWarning = type == "info" && message.TryGetProperty("subType", out var sub) && sub.GetString() == "warning";
            // The checker names each file by a file: URL; its last segment is the saved file's name.
            var where = message.TryGetProperty("url", out var u) && files.TryGetValue(u.GetString()!.Split('/')[^1], out var page) ? page : "?";
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var extract = message.TryGetProperty("extract", out var e) ? e.GetString()!.ReplaceLineEndings(" ").Trim() : "";
            var text = $"{where} line {line}: {message.GetProperty("message").GetString()} [{extract}]";
            if (type == "error" || type == "non-document-error")
            {
                errors.Add(text);
            }
            else if (isWarning)
            {
                output?.WriteLine("warning: " + text);
            }
        }

        return errors;
    }

    /// <summary>One run of vnu.jar over the files; its JSON report (--format json goes to stderr unless --stdout).</summary>
    private static async Task<JsonElement> CheckAsync(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo(Prerequisites.Java!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-jar", Prerequisites.VnuJar, "--format", "json", "--stdout" }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        using var java = Process.Start(start)!;
        var stdout = java.StandardOutput.ReadToEndAsync();
        var stderr = java.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await java.WaitForExitAsync(timeout.Token);
        var json = await stdout;
        Assert.True(json.TrimStart().StartsWith('{'), $"vnu.jar printed no JSON report (exit {java.ExitCode}):\n{json}\n{await stderr}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
