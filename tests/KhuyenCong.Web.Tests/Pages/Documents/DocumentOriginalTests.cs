using System.Net;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;

namespace KhuyenCong.Web.Tests.Pages.Documents;

/// <summary>
/// Issue 15 item 4: no document page is silent about its text. A document whose text the repository holds
/// downloads as a PDF generated at import (metadata in its document information); the others show the
/// "Văn bản gốc" note with links to the official sources.
/// </summary>
public sealed class DocumentOriginalTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Every_document_page_offers_its_pdf_or_says_where_the_original_is()
    {
        var docs = await site.WithDbAsync((db, _) => db.Documents.Published(DateTime.UtcNow)
            .Select(d => new { d.Slug, d.Title, d.Number, d.Issuer, d.SourcePath }).ToListAsync());
        Assert.NotEmpty(docs);
        var client = site.Browser();
        int notes = 0, pdfs = 0;
        foreach (var d in docs)
        {
            var page = await client.GetHtmlAsync("/van-ban/" + d.Slug);
            var download = page.QuerySelector($"main a[href='/van-ban/{d.Slug}/tai-ve']");
            var note = page.QuerySelector("main [data-original-note]");
            Assert.True(download is not null ^ note is not null, $"/van-ban/{d.Slug}: expected either a download or the 'Văn bản gốc' note");
            if (download is not null)
            {
                pdfs++;
                Assert.Matches(@"PDF, \d+(,\d)? (KB|MB)", download.TextContent);
                using var file = await client.GetAsync($"/van-ban/{d.Slug}/tai-ve");
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
                var bytes = await file.Content.ReadAsByteArrayAsync();
                Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
                using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
                Assert.Equal(d.Title, pdf.Info.Title);
                Assert.Equal(d.Issuer, pdf.Info.Author);
                Assert.Contains(d.Number ?? d.Title, pdf.Info.Subject + " " + pdf.Info.Keywords, StringComparison.Ordinal);
                Assert.True(pdf.PageCount >= 1);
                // The Vietnamese text is drawn with the embedded DejaVu Serif, not a fallback font.
                Assert.Contains("DejaVu", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
            }
            else
            {
                notes++;
                Assert.Contains("Văn bản gốc", note!.TextContent, StringComparison.Ordinal);
                Assert.NotNull(note.QuerySelector("a[href^='https://'][rel~=external]"));
            }
        }

        Assert.True(pdfs > 0, "the decision 1625, whose text the repository holds, must download as a PDF");
        Assert.True(notes > 0, "the starting content has documents without a text: they must show the note");
    }

    [Fact]
    public async Task Every_document_whose_text_the_repository_holds_has_a_pdf()
    {
        // Documents naming a text in content/files must all have their generated PDF; nothing is silently dropped.
        var withText = Directory.GetFiles(Path.Combine(Web.Services.AppPaths.Content, "documents"), "*.md")
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("file:", StringComparison.Ordinal) && l.TrimEnd().EndsWith(".txt", StringComparison.Ordinal)))
            .Select(f => "documents/" + Path.GetFileName(f)).ToList();
        Assert.NotEmpty(withText);
        var stored = await site.WithDbAsync((db, _) => db.Documents.AsNoTracking()
            .Where(d => withText.Contains(d.SourcePath!)).Select(d => new { d.FileName, d.FileContentType }).ToListAsync());
        Assert.Equal(withText.Count, stored.Count);
        Assert.All(stored, s =>
        {
            Assert.Equal("application/pdf", s.FileContentType);
            Assert.EndsWith(".pdf", s.FileName, StringComparison.Ordinal);
        });
    }
}
