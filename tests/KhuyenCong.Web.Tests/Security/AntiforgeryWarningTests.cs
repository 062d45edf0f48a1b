using System.Collections.Concurrent;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Web.Tests.Security;

/// <summary>The app with every warning of the antiforgery component written down.</summary>
public sealed class WarningSite : SiteFactory
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddLogging(l => l.AddProvider(new Sink(Warnings))));
    }

    private sealed class Sink(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, warnings);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning && category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal))
            {
                warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}

public sealed class AntiforgeryWarningTests(WarningSite site) : IClassFixture<WarningSite>
{
    [Fact]
    public async Task Pages_with_forms_log_no_antiforgery_warning()
    {
        // The no-store filter once wrote "no-store" alone; the antiforgery component then rewrote the header and
        // logged a two-line warning on every sign-in, editor and registration page.
        await site.Browser().GetHtmlAsync("/dang-nhap");
        await site.Browser().GetHtmlAsync("/dang-ky-ho-tro");
        var editor = await site.SignInAsync(Roles.Editor);
        await editor.GetHtmlAsync("/quan-tri");
        await editor.GetHtmlAsync("/quan-tri/tin-bai/them");
        Assert.True(site.Warnings.IsEmpty, "antiforgery warnings: " + string.Join(" | ", site.Warnings));
    }
}
