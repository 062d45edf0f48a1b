using System.Net;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Data;

/// <summary>The app polling the change stamp often, so a test need not wait a second.</summary>
public sealed class FastStampSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [ContentChanges.PollSetting] = "100" }));
    }
}

/// <summary>A second node (or the import verb's process): its own app, its own output cache, the same data folder.</summary>
public sealed class SecondNode(string dataPath) : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Path"] = dataPath }));
    }

    public override string DatabaseName => TestDatabase.NameFor(dataPath);

    protected override bool OwnsDatabase => false;
}

/// <summary>
/// Content files and a running site: a published address never breaks whatever path renamed the item, and a
/// change written by another process reaches this node's cached pages at once.
/// </summary>
public sealed class ImportAddressTests(FastStampSite site) : IClassFixture<FastStampSite>, IDisposable
{
    private readonly ContentFolder copy = ContentFolder.CopyOfStartingContent("kc-content-");

    public void Dispose() => copy.Dispose();

    private Task<string> ImportAsync(SiteFactory node) => node.ImportAsync(copy.Path);

    /// <summary>
    /// Changes the title of a file of the folder and drops its 'slug:' line, so the address follows the title
    /// (a document's address comes from its number: it gets a new 'slug:' instead); returns the file's path.
    /// Pages: a sub-page, so the old address is a path below its parent.
    /// </summary>
    private string Retitle(string folder, string newTitle)
    {
        var file = folder == "pages" ? Path.Combine(copy.Path, "pages", "doi-tuong-pham-vi.md")
            : Directory.GetFiles(Path.Combine(copy.Path, folder), "*.md").Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(file).Where(l => !l.StartsWith("slug:", StringComparison.Ordinal))
            .SelectMany(l => !l.StartsWith("title:", StringComparison.Ordinal) ? [l]
                : folder == "documents" ? new[] { $"title: \"{newTitle}\"", "slug: " + Slugifier.Slugify(newTitle) } : [$"title: \"{newTitle}\""]);
        File.WriteAllLines(file, lines);
        return folder + "/" + Path.GetFileName(file);
    }

    [Theory]
    [InlineData("articles", "/tin-tuc/")]
    [InlineData("documents", "/van-ban/")]
    [InlineData("products", "/san-pham/")]
    [InlineData("tv", "/truyen-hinh/")]
    [InlineData("showrooms", "/phong-trung-bay/")]
    [InlineData("fairs", "/hoi-cho/")]
    [InlineData("pages", "/")]
    public async Task A_title_changed_in_content_files_keeps_the_old_address_as_a_301(string folder, string prefix)
    {
        var title = "Tiêu đề mới đổi khi nhập " + Guid.NewGuid().ToString("N")[..6];
        var relative = Retitle(folder, title);
        var oldAddress = await AddressAsync(relative);
        var client = site.Browser();
        using (var before = await client.GetAsync(new Uri(prefix + oldAddress, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await ImportAsync(site);

        var newAddress = await AddressAsync(relative);
        Assert.NotEqual(oldAddress, newAddress);
        using var moved = await client.GetAsync(new Uri(prefix + oldAddress, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(prefix + newAddress, moved.Headers.Location?.ToString());
        using var current = await client.GetAsync(new Uri(prefix + newAddress, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    /// <summary>The address part after the prefix: the slug, or a page's path.</summary>
    private Task<string> AddressAsync(string relative) => site.WithDbAsync<string>(async (db, _) =>
        relative.StartsWith("pages/", StringComparison.Ordinal)
            ? await db.Pages.Where(p => p.SourcePath == relative).Select(p => p.Path).SingleAsync()
            : relative.Split('/')[0] switch
            {
                "articles" => await db.Articles.Where(x => x.SourcePath == relative).Select(x => x.Slug).SingleAsync(),
                "documents" => await db.Documents.Where(x => x.SourcePath == relative).Select(x => x.Slug).SingleAsync(),
                "products" => await db.Products.Where(x => x.SourcePath == relative).Select(x => x.Slug).SingleAsync(),
                "tv" => await db.TvSegments.Where(x => x.SourcePath == relative).Select(x => x.Slug).SingleAsync(),
                "showrooms" => await db.Showrooms.Where(x => x.SourcePath == relative).Select(x => x.Slug).SingleAsync(),
                _ => await db.Fairs.Where(x => x.SourcePath == relative).Select(x => x.Slug).SingleAsync(),
            });

    [Fact]
    public async Task A_change_imported_by_another_process_reaches_the_running_sites_cached_page()
    {
        var client = site.Browser();
        var (slug, source) = await site.WithDbAsync((db, _) => db.Articles.Where(a => a.SourcePath != null)
            .OrderByDescending(a => a.PublishAt).Select(a => new { a.Slug, a.SourcePath }).FirstAsync()
            .ContinueWith(t => (t.Result.Slug, t.Result.SourcePath!), TaskScheduler.Default));
        var url = new Uri("/tin-tuc/" + slug, UriKind.Relative);
        var marker = "Tóm tắt đổi ở nút khác " + Guid.NewGuid().ToString("N")[..6];
        Assert.DoesNotContain(marker, await client.GetStringAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, await client.GetStringAsync(url), StringComparison.Ordinal);

        // The other node imports a changed file; its publisher evicts only its own cache.
        var file = Path.Combine(copy.Path, source);
        var lines = File.ReadAllLines(file).Select(l => l.StartsWith("summary:", StringComparison.Ordinal) ? $"summary: \"{marker}\"" : l);
        File.WriteAllLines(file, lines);
        await using (var other = new SecondNode(site.DataPath))
        {
            await ImportAsync(other);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string page;
        do
        {
            await Task.Delay(100);
            page = await client.GetStringAsync(url);
        }
        while (!page.Contains(marker, StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains(marker, page, StringComparison.Ordinal);
    }
}

/// <summary>The import tells what it is doing while it does it: one line per folder, with counts and time.</summary>
public sealed class ImportProgressTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_import_prints_each_folder_as_it_goes_with_counts_and_elapsed_seconds()
    {
        var lines = new List<(string Line, bool DuringImport)>();
        var importing = false;
        await using (var progress = new ProgressWriter(line => lines.Add((line, importing))))
        {
            await site.WithDbAsync(async (_, sp) =>
            {
                importing = true;
                await sp.GetRequiredService<ContentImporter>().ImportAsync(AppPaths.Content, progress);
                importing = false;
                return 0;
            });
        }

        Assert.All(lines, l => Assert.Matches(@"^\[\d+\.\d s\] ", l.Line));
        foreach (var folder in new[] { "pages", "documents", "articles", "products", "tv", "showrooms", "fairs" })
        {
            // Announced before its files are read, counted when done; both while the import is still running.
            var start = lines.FindIndex(l => l.Line.Contains($"] {folder}: reading ", StringComparison.Ordinal));
            var done = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l.Line, $@"\] {folder}: \d+ files, \d+ added, \d+ updated, \d+ unchanged"));
            Assert.True(start >= 0 && done > start, $"{folder}: {string.Join(" | ", lines.Select(l => l.Line))}");
            Assert.True(lines[start].DuringImport && lines[done].DuringImport);
        }

        Assert.All(lines.Where(l => l.Line.Contains("] program: ", StringComparison.Ordinal) && l.Line.Contains("nhưng Quyết định", StringComparison.Ordinal)),
            l => Assert.Contains("program: note ", l.Line, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Line.Contains("mismatch in the source", StringComparison.Ordinal));
    }
}
