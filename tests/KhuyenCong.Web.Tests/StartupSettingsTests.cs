using KhuyenCong.Web.Tests.ScaleOut;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests;

/// <summary>A setting that fails validation at start: one line naming it, a non-zero exit, no stack trace.</summary>
public sealed class StartupSettingsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Site__PublicBaseUrl", "", "Site:PublicBaseUrl must be set outside Development")]
    [InlineData("ReverseProxy__KnownProxies", "10.0.0.300", "ReverseProxy:KnownProxies")]
    [InlineData("Site__PublicBaseUrl", "khuyencong", "Site:PublicBaseUrl")]
    [InlineData("Mail__Port", "0", "Port")]
    [InlineData("Mail__Port", "hai mươi lăm", "Mail:Port")]
    public async Task An_invalid_setting_stops_the_server_with_one_line_naming_it(string variable, string value, string named)
    {
        var data = ClusterNode.NewDataPath();
        try
        {
            var (exitCode, lines) = await AppProcess.RunAsync(new Dictionary<string, string> { ["Data__Path"] = data, [variable] = value });
            output.WriteLine(string.Join('\n', lines));
            Assert.NotEqual(0, exitCode);
            var line = Assert.Single(lines);
            Assert.Contains(named, line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
