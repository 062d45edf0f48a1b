using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Services.Media;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>Uploads through the real form: each file is stored re-encoded or refused with a Vietnamese 4xx, never a 500.</summary>
public sealed class MediaLibraryTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static byte[] Png(int width, int height) => PngBytes.Solid(width, height);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string alt = "Mô tả ảnh thử nghiệm") =>
        client.UploadToLibraryAsync(bytes, fileName, "image/jpeg", alt);

    public static TheoryData<string, byte[]> Refused() => new()
    {
        { "html-renamed.jpg", "<html><script>alert(1)</script></html>"u8.ToArray() },
        { "image.svg.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray() },
        { "tiff.jpg", [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0] },
        { "bmp.jpg", [(byte)'B', (byte)'M', 0x3A, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0] },
        { "gif.jpg", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray() },
        { "truncated.png", Png(64, 64)[..40] },
        { "empty.jpg", [] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_files_get_a_Vietnamese_400_and_nothing_is_stored(string name, byte[] bytes)
    {
        var client = await site.SignInAsync(Roles.Editor);
        var before = await site.WithDbAsync((db, _) => db.MediaFiles.CountAsync());
        using var response = await UploadAsync(client, bytes, name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-error-summary", html, StringComparison.Ordinal);
        Assert.Matches("(Tệp|Ảnh|Chọn)", html);
        Assert.Equal(before, await site.WithDbAsync((db, _) => db.MediaFiles.CountAsync()));
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_before_decoding()
    {
        // A real PNG header declaring 50,000 × 50,000 pixels, in a file of a few hundred bytes.
        var png = PngBytes.WithDeclaredSize(Png(64, 64), 50_000, 50_000);
        var client = await site.SignInAsync(Roles.Editor);
        // The allocation count is the whole process's, and other test classes run beside this one: the least of three
        // uploads is what the upload itself cost. Decoding the image would take about 10 GB every time.
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 3 && least >= 200_000_000; attempt++)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            using var response = await UploadAsync(client, png, "bomb.png");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("quá lớn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            least = Math.Min(least, GC.GetTotalAllocatedBytes() - allocated);
        }

        Assert.True(least < 200_000_000, "the bomb was decoded");
    }

    [Fact]
    public async Task An_image_is_stored_re_encoded_with_variants_and_used_images_cannot_be_deleted()
    {
        var client = await site.SignInAsync(Roles.Publisher);
        using var upload = await UploadAsync(client, Png(1200, 800), "anh-hoi-cho.png", "Gian hàng kẹo dừa tại hội chợ");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var file = await site.WithDbAsync((db, _) => db.MediaFiles.OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("Gian hàng kẹo dừa tại hội chợ", file.AltText);
        Assert.Equal([480, 960], file.Widths());

        var visitor = site.Browser();
        using (var variant = await visitor.GetAsync(new Uri($"/media/{file.StorageName}-480.webp", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
            Assert.Equal("image/webp", variant.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", variant.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Equal("nosniff", variant.Headers.GetValues("X-Content-Type-Options").Single());
        }

        using (var traversal = await visitor.GetAsync(new Uri("/media/..%2F..%2Fkhuyencong.db", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        }

        var article = await site.NewArticleAsync("Bài có ảnh đại diện từ thư viện");
        article.FeaturedImage = file.StorageName;
        article.FeaturedImageAlt = "Gian hàng kẹo dừa tại hội chợ";
        await site.SaveAsync(article);
        var page = await visitor.GetHtmlAsync("/tin-tuc/" + article.Slug);
        var img = page.QuerySelector(".featured-image img")!;
        Assert.Equal("Gian hàng kẹo dừa tại hội chợ", img.GetAttribute("alt"));
        Assert.Contains($"/media/{file.StorageName}-960.jpg 960w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("picture source[type='image/webp'][srcset]"));
        Assert.EndsWith($"/media/{file.StorageName}-share.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);

        using var delete = await client.PostFormAsync("/quan-tri/thu-vien?handler=Delete", new() { ["id"] = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/thu-vien");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.True(await site.WithDbAsync((db, _) => db.MediaFiles.AnyAsync(m => m.Id == file.Id)));
        var audit = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityType == "MediaFile").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("media-upload", audit);
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused()
    {
        var client = await site.SignInAsync(Roles.Editor);
        using var response = await UploadAsync(client, Png(300, 200), "khong-mo-ta.png", alt: "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nhập mô tả ảnh.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
