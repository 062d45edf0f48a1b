using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Data;

public sealed class ImportTests(SiteFactory site) : IClassFixture<SiteFactory>, IDisposable
{
    private readonly ContentFolder copy = ContentFolder.CopyOfStartingContent("kc-content-");

    private Task<string> ImportAsync() => site.ImportAsync(copy.Path);

    private Task<(int Articles, int Revisions, int Audit)> CountsAsync() => site.WithDbAsync(async (db, _) =>
        (await db.Articles.CountAsync(), await db.Revisions.CountAsync(), await db.AuditEntries.CountAsync()));

    /// <summary>The article files of a content folder, by the path the importer records ("articles/…").</summary>
    private static List<string> ArticleFiles(string folder) =>
        [.. Directory.GetFiles(Path.Combine(folder, "articles"), "*.md").Select(f => "articles/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Starting_content_is_imported_on_first_start()
    {
        // Every article file of content/ is an article with its first revision; the sample flag follows the file.
        var files = ArticleFiles(AppPaths.Content);
        Assert.NotEmpty(files);
        var samples = files.Count(f => File.ReadLines(Path.Combine(AppPaths.Content, f)).TakeWhile((l, i) => i == 0 || l != "---").Contains("sample: true"));
        var imported = await site.WithDbAsync((db, _) => db.Articles.Where(a => a.SourcePath != null)
            .Select(a => new { a.SourcePath, a.IsSample, Revisions = db.Revisions.Count(r => r.ContentType == nameof(Article) && r.ContentId == a.Id) })
            .ToListAsync());
        Assert.Equal(files, imported.Select(a => a.SourcePath!).Order(StringComparer.Ordinal));
        Assert.Equal(samples, imported.Count(a => a.IsSample));
        Assert.All(imported, a => Assert.True(a.Revisions >= 1, a.SourcePath));
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
        var file = Directory.GetFiles(Path.Combine(copy.Path, "articles"), "*.md").Order(StringComparer.Ordinal).First();
        var relative = "articles/" + Path.GetFileName(file);
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.TrimEnd() + "\n\nĐoạn bổ sung khi kiểm thử nhập lại.\n");

        var output = await ImportAsync();

        Assert.Contains($"articles: {ArticleFiles(copy.Path).Count} files, 0 added, 1 updated", output, StringComparison.Ordinal);
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
        await File.WriteAllTextAsync(Path.Combine(copy.Path, "articles", "9999-bad.md"),
            "---\ntitle: \"Bài lỗi\"\ndate: 2023-01-01\ntopic: chu-de-khong-co\n---\nNội dung.\n");
        await File.WriteAllTextAsync(Path.Combine(copy.Path, "articles", "0000-new.md"),
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
        await File.WriteAllTextAsync(Path.Combine(copy.Path, "articles", "9998-yaml.md"),
            "---\ntitle: \"Bài lỗi\"\ndate: 2023-01-01\ntags: [a, b\nsummary: x\n---\nNội dung.\n");
        var error = await Assert.ThrowsAsync<ContentImportException>(ImportAsync);
        Assert.Equal("articles/9998-yaml.md", error.File);
        Assert.InRange(error.Line, 4, 6);
    }

    public void Dispose() => copy.Dispose();
}
