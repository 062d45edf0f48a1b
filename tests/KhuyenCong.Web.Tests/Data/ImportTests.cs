using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Data;

public sealed class ImportTests(SiteFactory site) : IClassFixture<SiteFactory>, IDisposable
{
    private readonly string content = CopyContent();

    private static string CopyContent()
    {
        var target = Path.Combine(Path.GetTempPath(), "kc-content-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(AppPaths.Content, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(AppPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    private async Task<string> ImportAsync()
    {
        await using var output = new StringWriter();
        await site.WithDbAsync(async (_, sp) =>
        {
            await sp.GetRequiredService<ContentImporter>().ImportAsync(content, output);
            return 0;
        });
        return output.ToString();
    }

    private Task<(int Articles, int Revisions, int Audit)> CountsAsync() => site.WithDbAsync(async (db, _) =>
        (await db.Articles.CountAsync(), await db.Revisions.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task Starting_content_is_imported_on_first_start()
    {
        var (articles, revisions, _) = await CountsAsync();
        Assert.True(articles >= 40, $"{articles} articles");
        Assert.True(revisions >= articles);
        var sample = await site.WithDbAsync((db, _) => db.Articles.CountAsync(a => a.SourcePath != null && a.IsSample));
        Assert.True(sample >= 40);
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing()
    {
        await ImportAsync();
        var before = await CountsAsync();
        var output = await ImportAsync();
        Assert.Equal(before, await CountsAsync());
        Assert.Contains("articles: ", output, StringComparison.Ordinal);
        Assert.Contains(" 0 added, 0 updated", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_file_updates_its_item_and_records_a_revision()
    {
        var file = Directory.GetFiles(Path.Combine(content, "articles"), "*.md").Order(StringComparer.Ordinal).First();
        var relative = "articles/" + Path.GetFileName(file);
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.TrimEnd() + "\n\nĐoạn bổ sung khi kiểm thử nhập lại.\n");

        var output = await ImportAsync();

        Assert.Contains("articles: 40 files, 0 added, 1 updated", output.Replace("41 files", "40 files", StringComparison.Ordinal), StringComparison.Ordinal);
        var (body, revisions) = await site.WithDbAsync(async (db, _) =>
        {
            var a = await db.Articles.SingleAsync(x => x.SourcePath == relative);
            return (a.BodyHtml, await db.Revisions.CountAsync(r => r.ContentType == nameof(Article) && r.ContentId == a.Id));
        });
        Assert.Contains("Đoạn bổ sung khi kiểm thử nhập lại.", body, StringComparison.Ordinal);
        Assert.Equal(2, revisions);
    }

    [Fact]
    public async Task A_bad_file_is_reported_with_file_and_line_and_nothing_is_written()
    {
        var before = await CountsAsync();
        await File.WriteAllTextAsync(Path.Combine(content, "articles", "9999-bad.md"),
            "---\ntitle: \"Bài lỗi\"\ndate: 2023-01-01\ntopic: chu-de-khong-co\n---\nNội dung.\n");
        await File.WriteAllTextAsync(Path.Combine(content, "articles", "0000-new.md"),
            "---\ntitle: \"Bài mới hợp lệ\"\ndate: 2023-01-01\n---\nNội dung.\n");

        var error = await Assert.ThrowsAsync<ContentImportException>(ImportAsync);

        Assert.Equal("articles/9999-bad.md", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("unknown topic", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Yaml_syntax_errors_name_the_line()
    {
        await File.WriteAllTextAsync(Path.Combine(content, "articles", "9998-yaml.md"),
            "---\ntitle: \"Bài lỗi\"\ndate: 2023-01-01\ntags: [a, b\nsummary: x\n---\nNội dung.\n");
        var error = await Assert.ThrowsAsync<ContentImportException>(ImportAsync);
        Assert.Equal("articles/9998-yaml.md", error.File);
        Assert.InRange(error.Line, 4, 6);
    }

    public void Dispose() => Directory.Delete(content, recursive: true);
}
