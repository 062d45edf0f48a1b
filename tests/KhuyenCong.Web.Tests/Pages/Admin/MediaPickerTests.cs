using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.Services.Media;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>
/// Issue 15 item 12: an image field is filled from the media library, never by typing a code. Through HTTP, as a
/// browser without JavaScript would: the picker lists the library's images with thumbnails and descriptions,
/// searching filters them (without diacritics) and keeps the form's unsaved values, an upload from the form joins
/// the library and becomes the field's value, and checked images are added to a gallery.
/// </summary>
public sealed class MediaPickerTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Every edit form with an image field, and the fields it has.</summary>
    public static TheoryData<string, string> ImageFields() => new()
    {
        { "/quan-tri/tin-bai/them", "Extra.FeaturedImage" },
        { "/quan-tri/san-pham/them", "Extra.FeaturedImage" },
        { "/quan-tri/phong-trung-bay/them", "Extra.FeaturedImage" },
        { "/quan-tri/truyen-hinh/them", "Extra.FeaturedImage" },
        { "/quan-tri/hoi-cho/them", "Extra.FeaturedImage" },
    };

    private static byte[] Png() => PngBytes.Solid(320, 200, 200, 120, 40);

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> PostMultipartAsync(
        HttpClient client, string url, Dictionary<string, string> fields, (string Name, byte[] Bytes, string FileName)? file = null)
    {
        var form = await client.GetHtmlAsync(url.Split('?')[0]);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await client.PostMultipartAsync(url, token, fields, file is { } f ? new FilePart(f.Name, f.Bytes, f.FileName, "image/png") : null);
        return (response.StatusCode, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    private static List<string> Offered(IHtmlDocument page, string field) =>
        page.QuerySelectorAll($"input[type=radio][name='{field}']").Select(i => i.GetAttribute("value") ?? "").Where(v => v.Length > 0).ToList();

    [Theory]
    [MemberData(nameof(ImageFields))]
    public async Task Every_image_field_is_a_picker_of_library_images_with_thumbnails_not_a_code_box(string url, string field)
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var page = await editor.GetHtmlAsync(url);
        Assert.Null(page.QuerySelector($"input[type=text][name='{field}']"));
        var offered = Offered(page, field);
        var images = await site.WithDbAsync((db, _) => db.MediaFiles.Where(m => m.Kind == MediaKind.Image).Select(m => m.StorageName).ToListAsync());
        Assert.NotEmpty(offered);
        Assert.All(offered, o => Assert.Contains(o, images));
        foreach (var radio in page.QuerySelectorAll($"input[type=radio][name='{field}']").Skip(1).Take(5))
        {
            // Each option is a labelled radio button (keyboard-usable) with a thumbnail and the image's description.
            var label = page.QuerySelector($"label[for='{radio.Id}']");
            Assert.NotNull(label);
            Assert.NotNull(label!.QuerySelector("img[src^='/media/']"));
            Assert.False(string.IsNullOrWhiteSpace(label.TextContent));
        }

        // The upload that picks is in the same form, and posts it whole as multipart.
        var upload = page.QuerySelector("button[name=media-op][value^='upload:']");
        Assert.NotNull(upload);
        Assert.Equal("multipart/form-data", upload!.GetAttribute("formenctype"));
        Assert.Contains("handler=Media", upload.GetAttribute("formaction"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_filters_the_images_without_diacritics_and_keeps_the_unsaved_form()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        // An image whose description is its own (many share a generic one), typed without diacritics.
        var images = await site.WithDbAsync((db, _) => db.MediaFiles.Where(m => m.Kind == MediaKind.Image && m.AltText != null).ToListAsync());
        var target = images.GroupBy(m => TextFolding.Fold(m.AltText)).Where(g => g.Count() == 1 && g.Key.Length > 12).Select(g => g.Single()).OrderBy(m => m.Id).First();
        var words = TextFolding.Fold(target.AltText).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var word = string.Join(' ', words);
        var all = Offered(await editor.GetHtmlAsync("/quan-tri/tin-bai/them"), "Extra.FeaturedImage");

        var (status, page) = await PostMultipartAsync(editor, "/quan-tri/tin-bai/them?handler=Media", new()
        {
            ["media-op"] = "search:anh-dai-dien", ["MediaQuery.anh-dai-dien"] = word,
            ["Input.Title"] = "Bản nháp chưa lưu", ["Input.Summary"] = "Tóm tắt chưa lưu.",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var found = Offered(page, "Extra.FeaturedImage");
        Assert.True(found.Contains(target.StorageName), $"{word} / {target.StorageName}: {string.Join(",", found)} :: {page.QuerySelector("#chon-anh-anh-dai-dien")?.TextContent}");
        var library = await site.WithDbAsync((db, _) => db.MediaFiles.Where(m => found.Contains(m.StorageName)).ToListAsync());
        Assert.All(library, m => Assert.All(words, w => Assert.Contains(w, TextFolding.Fold($"{m.StorageName} {m.AltText} {m.OriginalName} {m.Folder} {m.Caption}"), StringComparison.Ordinal)));
        Assert.True(found.Count < all.Count || all.Count < 24, "the search narrowed the list");
        Assert.Equal("Bản nháp chưa lưu", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#chon-anh-anh-dai-dien details[open]"));
        // The form shown again still saves through the page's own handler, not the picker's.
        Assert.Equal("/quan-tri/tin-bai/them", page.QuerySelector("main form:has(input[name='Input.Title'])")!.GetAttribute("action"));
        Assert.Equal(0, await site.WithDbAsync((db, _) => db.Articles.CountAsync(a => a.Title == "Bản nháp chưa lưu")));

        var (_, none) = await PostMultipartAsync(editor, "/quan-tri/tin-bai/them?handler=Media", new()
        {
            ["media-op"] = "search:anh-dai-dien", ["MediaQuery.anh-dai-dien"] = "khongcoanhnaotenthe", ["Input.Title"] = "x",
        });
        Assert.Empty(Offered(none, "Extra.FeaturedImage"));
        Assert.Contains("Không có ảnh nào khớp", none.QuerySelector("#chon-anh-anh-dai-dien")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploading_from_the_form_stores_the_image_and_makes_it_the_fields_value_then_saving_keeps_it()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var (status, page) = await PostMultipartAsync(editor, "/quan-tri/tin-bai/them?handler=Media", new()
        {
            ["media-op"] = "upload:anh-dai-dien", ["MediaUploadAlt.anh-dai-dien"] = "Thợ đan giỏ lục bình bên hiên nhà",
            ["Input.Title"] = "Tin có ảnh tải lên từ biểu mẫu", ["Input.Body"] = "Nội dung chưa lưu.",
        }, ("MediaUpload.anh-dai-dien", Png(), "gio-luc-binh.png"));
        Assert.Equal(HttpStatusCode.OK, status);
        var stored = await site.WithDbAsync((db, _) => db.MediaFiles.SingleAsync(m => m.OriginalName == "gio-luc-binh.png"));
        Assert.Equal("Thợ đan giỏ lục bình bên hiên nhà", stored.AltText);
        var chosen = page.QuerySelector("input[type=radio][name='Extra.FeaturedImage']:checked");
        Assert.Equal(stored.StorageName, chosen?.GetAttribute("value"));
        Assert.Equal("Thợ đan giỏ lục bình bên hiên nhà", page.QuerySelector("input[name='Extra.FeaturedImageAlt']")!.GetAttribute("value"));
        Assert.Equal("Tin có ảnh tải lên từ biểu mẫu", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Contains("Nội dung chưa lưu.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("media-upload", await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == stored.StorageName).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));

        // Saving the form as the browser would send it: the chosen radio is the field's value.
        using var saved = await editor.PostFormAsync("/quan-tri/tin-bai/them", new()
        {
            ["Input.Title"] = "Tin có ảnh tải lên từ biểu mẫu", ["Input.Slug"] = "", ["Input.Summary"] = "Tóm tắt.", ["Input.Body"] = "Nội dung.",
            ["Input.PublishAt"] = "", ["Input.UnpublishAt"] = "", ["Input.Note"] = "", ["action"] = "save",
            ["Extra.FeaturedImage"] = chosen!.GetAttribute("value")!, ["Extra.FeaturedImageAlt"] = "Thợ đan giỏ lục bình bên hiên nhà",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await site.WithDbAsync((db, _) => db.Articles.SingleAsync(a => a.Title == "Tin có ảnh tải lên từ biểu mẫu"));
        Assert.Equal(stored.StorageName, article.FeaturedImage);
    }

    [Fact]
    public async Task An_upload_without_description_or_with_a_bad_file_is_a_Vietnamese_400_and_keeps_the_form()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var before = await site.WithDbAsync((db, _) => db.MediaFiles.CountAsync());
        var (status, page) = await PostMultipartAsync(editor, "/quan-tri/san-pham/them?handler=Media", new()
        {
            ["media-op"] = "upload:anh-dai-dien", ["MediaUploadAlt.anh-dai-dien"] = "", ["Input.Title"] = "Sản phẩm chưa lưu",
        }, ("MediaUpload.anh-dai-dien", Png(), "khong-mo-ta.png"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Nhập mô tả ảnh", page.QuerySelector("#chon-anh-anh-dai-dien")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sản phẩm chưa lưu", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));

        var (badStatus, bad) = await PostMultipartAsync(editor, "/quan-tri/san-pham/them?handler=Media", new()
        {
            ["media-op"] = "upload:anh-dai-dien", ["MediaUploadAlt.anh-dai-dien"] = "Mô tả", ["Input.Title"] = "x",
        }, ("MediaUpload.anh-dai-dien", "<html><script>alert(1)</script></html>"u8.ToArray(), "gia.png"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.NotNull(bad.QuerySelector("#chon-anh-anh-dai-dien .field-error"));
        Assert.Equal(before, await site.WithDbAsync((db, _) => db.MediaFiles.CountAsync()));

        var (unknownStatus, _) = await PostMultipartAsync(editor, "/quan-tri/san-pham/them?handler=Media", new() { ["media-op"] = "upload:khong-co" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
    }

    [Theory]
    [InlineData("/quan-tri/san-pham/them")]
    [InlineData("/quan-tri/phong-trung-bay/them")]
    [InlineData("/quan-tri/hoi-cho/them")]
    public async Task Checked_library_images_are_added_to_the_gallery_with_their_descriptions(string url)
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var page = await editor.GetHtmlAsync(url);
        var boxes = page.QuerySelectorAll("input[type=checkbox][name='MediaAdd.bo-anh']").Select(b => b.GetAttribute("value")!).Take(2).ToList();
        Assert.Equal(2, boxes.Count);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await editor.PostMultipartAsync(url + "?handler=Media", token,
            [new("media-op", "add:bo-anh"), new("MediaAdd.bo-anh", boxes[0]), new("MediaAdd.bo-anh", boxes[1]), new("Input.Title", "Chưa lưu")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var rows = after.QuerySelectorAll("input[name^='Extra.Gallery['][name$='].Media']").Select(i => i.GetAttribute("value") ?? "").ToList();
        Assert.Equal(boxes, rows.Where(r => !string.IsNullOrEmpty(r)).ToList());
        var alt = after.QuerySelector("input[name='Extra.Gallery[0].Alt']")!.GetAttribute("value");
        Assert.Equal(await site.WithDbAsync((db, _) => db.MediaFiles.Where(m => m.StorageName == boxes[0]).Select(m => m.AltText).SingleAsync()), alt);
    }
}
