using KhuyenCong.Web.Data;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.Pages.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Data;

/// <summary>
/// Issue 15 item 15: a first import encodes the images of content/images ahead on parallel workers. Every image a
/// content file names ends in the library with all its files; an image no file names is not encoded; a
/// second import encodes nothing.
/// </summary>
public sealed class ImportImagesAheadTests(SiteFactory site) : IClassFixture<SiteFactory>, IDisposable
{
    private readonly string content = Path.Combine(Path.GetTempPath(), "kc-ahead-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(content))
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private async Task<string> ImportWithoutCacheAsync()
    {
        await using var output = new StringWriter();
        await site.WithDbAsync(async (_, sp) =>
        {
            // The test factory sets Data:ImportMediaCache; a first start on a fresh machine has none.
            var options = Microsoft.Extensions.Options.Options.Create(new DataOptions { Path = site.DataPath });
            var importer = ActivatorUtilities.CreateInstance<ContentImporter>(sp, options, new MediaProcessor(options));
            await importer.ImportAsync(content, output);
            return 0;
        });
        return output.ToString();
    }

    [Fact]
    public async Task Images_encoded_ahead_are_exactly_the_named_ones_and_end_in_the_library_with_all_their_files()
    {
        foreach (var file in Directory.GetFiles(ShowcaseSiteFactory.FixtureFolder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(content, Path.GetRelativePath(ShowcaseSiteFactory.FixtureFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var images = Path.Combine(content, "images", "fx");
        File.Copy(Path.Combine(images, "may-1.png"), Path.Combine(images, "khong-dung-den.png"));
        var mediaFolder = Path.Combine(site.DataPath, "media");
        await site.WithDbAsync((db, _) => db.MediaFiles.CountAsync()); // the app has started and imported its content
        var before = Directory.Exists(mediaFolder) ? Directory.GetFiles(mediaFolder).Length : 0;

        var output = await ImportWithoutCacheAsync();
        Assert.True(output.Contains("images: encoding 4 new images", StringComparison.Ordinal), output);

        var stored = await site.WithDbAsync((db, _) => db.MediaFiles.AsNoTracking().Where(m => m.OriginalName.StartsWith("images/fx/")).ToListAsync());
        Assert.Equal(4, stored.Count);
        Assert.DoesNotContain(stored, m => m.OriginalName.Contains("khong-dung-den", StringComparison.Ordinal));
        var files = Directory.GetFiles(mediaFolder).Select(Path.GetFileName).ToList();
        foreach (var m in stored)
        {
            Assert.Contains($"{m.StorageName}{(m.ContentType == "image/png" ? ".png" : ".jpg")}", files);
            Assert.Contains($"{m.StorageName}-share.jpg", files);
            Assert.All(m.Widths(), w => Assert.Contains($"{m.StorageName}-{w}.webp", files));
        }

        // Exactly the stored images' files were added: nothing for the unused image.
        var added = files.Count - before;
        var expected = stored.Sum(m => 2 + 2 * m.Widths().Count());
        Assert.Equal(expected, added);
        var products = await site.WithDbAsync((db, _) => db.Products.AsNoTracking().Where(p => p.SourcePath!.StartsWith("products/fx-")).Select(p => p.FeaturedImage).ToListAsync());
        Assert.NotEmpty(products);
        Assert.All(products, p => Assert.Contains(p, stored.Select(m => m.StorageName)));

        var again = await ImportWithoutCacheAsync();
        Assert.DoesNotContain("images: encoding", again, StringComparison.Ordinal);
        Assert.Equal(files.Count, Directory.GetFiles(mediaFolder).Length);
    }
}
