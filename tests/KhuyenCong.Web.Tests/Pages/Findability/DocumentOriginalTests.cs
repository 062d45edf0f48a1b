using System.Net;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Findability;

/// <summary>Issue 15 item 4 (part): no document page is silent about its original text.</summary>
public sealed class DocumentOriginalTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Every_document_page_offers_its_file_or_says_where_the_original_is()
    {
        var slugs = await site.WithDbAsync((db, _) => db.Documents.Published(DateTime.UtcNow).Select(d => d.Slug).ToListAsync());
        Assert.NotEmpty(slugs);
        var client = site.Browser();
        var notes = 0;
        foreach (var slug in slugs)
        {
            var doc = await client.GetHtmlAsync("/van-ban/" + slug);
            var download = doc.QuerySelector($"main a[href='/van-ban/{slug}/tai-ve']");
            var note = doc.QuerySelector("main [data-original-note]");
            Assert.True(download is not null ^ note is not null, $"/van-ban/{slug}: expected either a download or the 'Văn bản gốc' note");
            if (download is not null)
            {
                using var file = await client.GetAsync($"/van-ban/{slug}/tai-ve");
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.NotEmpty(await file.Content.ReadAsByteArrayAsync());
            }
            else
            {
                notes++;
                Assert.Contains("Văn bản gốc", note!.TextContent, StringComparison.Ordinal);
                Assert.NotNull(note.QuerySelector("a[href^='https://'][rel~=external]"));
            }
        }

        Assert.True(notes > 0, "the starting content has documents without a file: they must show the note");
    }
}
