using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Security;

/// <summary>
/// A media file in use anywhere (every column of every type that can hold an image or a file, drafts included)
/// cannot be deleted: 409 with a Vietnamese message naming the item; an unused file is deleted and the cached
/// public pages are evicted. Uploaded PDFs download sandboxed.
/// </summary>
public sealed class MediaInUseTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static string Unique(string title) => title + " " + Guid.NewGuid().ToString("N")[..6];

    private static string Slug(string title) => Slugifier.Slugify(title);

    /// <summary>A library row under a fresh storage name (no files needed: the rule reads the database).</summary>
    private Task<MediaFile> NewMediaAsync(MediaKind kind = MediaKind.Image, string? folder = null) => site.WithDbAsync(async (db, _) =>
    {
        var file = new MediaFile
        {
            StorageName = Guid.NewGuid().ToString("N")[..16], Kind = kind, OriginalName = "thu.jpg",
            ContentType = kind switch { MediaKind.Pdf => "application/pdf", MediaKind.Video => "video/mp4", _ => "image/jpeg" },
            VariantWidths = kind == MediaKind.Image ? "480" : "", AltText = "Ảnh thử", Folder = folder, UploadedBy = "test", UploadedAt = DateTime.UtcNow,
        };
        db.MediaFiles.Add(file);
        await db.SaveChangesAsync();
        return file;
    });

    public static TheoryData<string> References() =>
    [
        "article-featured", "article-body", "document-attachment", "document-body", "page-body", "product-featured",
        "product-gallery", "product-body", "tv-video", "tv-featured", "showroom-featured", "showroom-gallery",
        "fair-featured", "fair-gallery", "fair-how-to-apply", "fair-results", "achievement-evidence",
    ];

    /// <summary>Makes an item of the kind named that uses <paramref name="name"/>; returns the title the message must name.</summary>
    private async Task<string> UseAsync(string reference, string name)
    {
        var title = Unique("Mục dùng tệp " + reference);
        var image = $"![Ảnh](/media/{name}-960.jpg)";
        var draft = ContentStatus.Draft;
        switch (reference)
        {
            case "article-featured":
            {
                var article = await site.NewArticleAsync(title);
                article.FeaturedImage = name;
                article.FeaturedImageAlt = "Ảnh";
                await site.SaveAsync(article);
                break;
            }

            case "article-body":
                await site.NewArticleAsync(title, body: "Có ảnh:\n\n" + image, status: draft);
                break;
            case "document-attachment":
            case "document-body":
                await site.SaveAsync(new Document
                {
                    Title = title, Slug = Slug(title), Kind = "Quyết định", Issuer = "UBND tỉnh", Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddMinutes(-1),
                    FileName = reference == "document-attachment" ? "media:" + name + ".pdf" : null,
                    BodyMarkdown = reference == "document-body" ? image : "",
                });
                break;
            case "page-body":
                await site.SaveAsync(new Page { Title = title, Slug = Slug(title), Path = Slug(title), BodyMarkdown = image, Status = draft });
                break;
            case "product-featured":
            case "product-gallery":
            case "product-body":
                await site.SaveAsync(new Product
                {
                    Title = title, Slug = Slug(title), Group = CnntGroup.Other, Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddMinutes(-1),
                    FeaturedImage = reference == "product-featured" ? name : null,
                    Gallery = reference == "product-gallery" ? [new GalleryImage { Media = name, Alt = "Ảnh sản phẩm" }] : [],
                    BodyMarkdown = reference == "product-body" ? image : "",
                });
                break;
            case "tv-video":
            case "tv-featured":
                await site.SaveAsync(new TvSegment
                {
                    Title = title, Slug = Slug(title), Transcript = "Lời.", Status = draft,
                    VideoFile = reference == "tv-video" ? name : null, FeaturedImage = reference == "tv-featured" ? name : null,
                });
                break;
            case "showroom-featured":
            case "showroom-gallery":
                await site.SaveAsync(new Showroom
                {
                    Title = title, Slug = Slug(title), Status = draft,
                    FeaturedImage = reference == "showroom-featured" ? name : null,
                    Gallery = reference == "showroom-gallery" ? [new GalleryImage { Media = name, Alt = "Ảnh phòng" }] : [],
                });
                break;
            case "fair-featured":
            case "fair-gallery":
            case "fair-how-to-apply":
            case "fair-results":
                await site.SaveAsync(new Fair
                {
                    Title = title, Slug = Slug(title), Status = draft, StartsOn = new DateTime(2025, 5, 1), EndsOn = new DateTime(2025, 5, 3),
                    FeaturedImage = reference == "fair-featured" ? name : null,
                    Gallery = reference == "fair-gallery" ? [new GalleryImage { Media = name, Alt = "Ảnh hội chợ" }] : [],
                    HowToApply = reference == "fair-how-to-apply" ? image : "",
                    ResultsMarkdown = reference == "fair-results" ? image : "",
                });
                break;
            case "achievement-evidence":
                title = "Minh chứng " + Guid.NewGuid().ToString("N")[..6];
                await site.WithDbAsync(async (db, _) =>
                {
                    db.Achievements.Add(new Achievement
                    {
                        TargetCode = await db.ProgramTargets.Select(t => t.Code).FirstAsync(), Date = new DateTime(2022, 1, 5), Quantity = 1,
                        Note = title, EvidenceUrl = $"/media/{name}.pdf", CreatedBy = "test", CreatedAt = DateTime.UtcNow,
                    });
                    return await db.SaveChangesAsync();
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reference), reference, null);
        }

        return title;
    }

    [Theory]
    [MemberData(nameof(References))]
    public async Task A_file_in_use_cannot_be_deleted_and_the_message_names_where(string reference)
    {
        var file = await NewMediaAsync(reference is "document-attachment" or "achievement-evidence" ? MediaKind.Pdf : reference == "tv-video" ? MediaKind.Video : MediaKind.Image);
        var title = await UseAsync(reference, file.StorageName);
        var editor = await site.SignInAsync(Roles.Editor);

        var library = await editor.GetHtmlAsync("/quan-tri/thu-vien");
        var item = library.QuerySelectorAll(".media-grid li").Single(li => li.TextContent.Contains(file.StorageName, StringComparison.Ordinal));
        Assert.Contains(title, item.TextContent, StringComparison.Ordinal);
        Assert.Null(item.QuerySelector("form"));

        using var delete = await editor.PostFormAsync("/quan-tri/thu-vien?handler=Delete", new() { ["id"] = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/thu-vien");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var body = await delete.Content.ReadAsStringAsync();
        Assert.Contains("Không xóa được", body, StringComparison.Ordinal);
        Assert.Contains(title, WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync((db, _) => db.MediaFiles.AnyAsync(m => m.Id == file.Id)));
    }

    [Fact]
    public async Task The_library_lists_usage_in_a_fixed_number_of_queries_whatever_the_number_of_files()
    {
        // A folder of its own, so the page lists exactly the files made here: one, then six.
        var folder = "kiem-tra-" + Guid.NewGuid().ToString("N")[..6];
        var url = "/quan-tri/thu-vien?thu-muc=" + folder;
        var editor = await site.SignInAsync(Roles.Editor);
        await NewMediaAsync(folder: folder);
        await editor.GetHtmlAsync(url);
        site.Queries.Reset();
        var one = await editor.GetHtmlAsync(url);
        var before = site.Queries.Count;
        Assert.Single(one.QuerySelectorAll(".media-grid li"));
        for (var i = 0; i < 5; i++)
        {
            await NewMediaAsync(folder: folder);
        }

        site.Queries.Reset();
        var six = await editor.GetHtmlAsync(url);
        Assert.Equal(6, six.QuerySelectorAll(".media-grid li").Length);
        Assert.Equal(before, site.Queries.Count);
    }

    [Fact]
    public async Task An_unused_file_is_deleted_and_cached_public_pages_are_evicted()
    {
        var article = await site.NewArticleAsync(Unique("Bài để kiểm tra bộ nhớ đệm"));
        var visitor = site.Browser();
        await visitor.GetHtmlAsync("/tin-tuc/" + article.Slug);
        var changed = Unique("Tiêu đề đổi thẳng trong cơ sở dữ liệu");
        await site.WithDbAsync((db, _) => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, changed)));
        Assert.DoesNotContain(changed, (await visitor.GetHtmlAsync("/tin-tuc/" + article.Slug)).MainText(), StringComparison.Ordinal);

        var file = await NewMediaAsync();
        var editor = await site.SignInAsync(Roles.Editor);
        using var delete = await editor.PostFormAsync("/quan-tri/thu-vien?handler=Delete", new() { ["id"] = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/quan-tri/thu-vien");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.False(await site.WithDbAsync((db, _) => db.MediaFiles.AnyAsync(m => m.Id == file.Id)));
        Assert.Contains(changed, (await visitor.GetHtmlAsync("/tin-tuc/" + article.Slug)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_pdf_with_script_downloads_as_an_attachment_with_nosniff_and_a_sandbox()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n<html><script>alert(1)</script></html>\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        using (var upload = await editor.UploadToLibraryAsync(pdf, "co-script.pdf", "application/pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var name = await site.WithDbAsync((db, _) => db.MediaFiles.Where(m => m.OriginalName == "co-script.pdf").Select(m => m.StorageName).SingleAsync());
        using var download = await site.Browser().GetAsync(new Uri($"/media/{name}.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var csp = Assert.Single(download.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", csp.Split(';').Select(d => d.Trim()));

        using var html = await site.Browser().GetAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("sandbox", Assert.Single(html.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
