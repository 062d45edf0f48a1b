using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary><c>Data:MediaPath</c>: media and document files in a folder every node shares, checked at start.</summary>
public sealed class MediaFolderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Media_and_document_files_live_in_the_shared_folder_and_every_node_serves_them()
    {
        var data = ClusterNode.NewDataPath();
        var shared = ClusterNode.NewDataPath();
        Directory.CreateDirectory(shared);
        var settings = new Dictionary<string, string?> { [DataOptions.MediaPathSetting] = shared };
        await using var a = new ClusterNode(data, redis: null, settings);
        using var browserA = a.Browser();
        await using var b = new ClusterNode(data, redis: null, settings);
        using var browserB = b.Browser();

        // The starting content's images and attachments were imported into the shared folder, not the data folder.
        var imported = Directory.GetFiles(Path.Combine(shared, "media"));
        Assert.NotEmpty(imported);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(shared, "files"), "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(data, "media")), "nothing is written to the data folder's media/");
        Assert.False(Directory.Exists(Path.Combine(data, "files")));

        // An upload on A lands in the shared folder and B serves it.
        using var image = new Image<Rgba32>(64, 48, new Rgba32(20, 120, 60));
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png);
        png.Position = 0;
        var upload = await a.Services.GetRequiredService<MediaProcessor>().ProcessAsync(png, "anh-chung.png", CancellationToken.None);
        var uploaded = Directory.GetFiles(Path.Combine(shared, "media"), upload.StorageName + "*");
        Assert.NotEmpty(uploaded);
        using (var response = await browserB.GetAsync("/media/" + Path.GetFileName(uploaded[0])))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await browserB.GetAsync("/media/" + Path.GetFileName(imported[0])))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A document's attachment downloads from the other node.
        var slug = await a.WithDbAsync((db, _) => db.Documents.Where(d => d.Status == ContentStatus.Published && d.FileName != null)
            .OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync());
        using (var response = await browserB.GetAsync($"/van-ban/{slug}/tai-ve"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        Directory.Delete(shared, recursive: true);
    }

    [Fact]
    public async Task A_missing_shared_media_folder_stops_the_app_with_one_line_naming_the_setting()
    {
        var data = ClusterNode.NewDataPath();
        var missing = ClusterNode.NewDataPath();
        foreach (var args in new[] { Array.Empty<string>(), ["import"] })
        {
            var (exitCode, lines) = await AppProcess.RunAsync(new Dictionary<string, string> { ["Data__Path"] = data, ["Data__MediaPath"] = missing }, args);
            output.WriteLine(string.Join('\n', lines));
            Assert.NotEqual(0, exitCode);
            var line = Assert.Single(lines);
            Assert.Contains("Data:MediaPath", line, StringComparison.Ordinal);
            Assert.Contains(missing, line, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(missing), "a missing shared folder is never created");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
