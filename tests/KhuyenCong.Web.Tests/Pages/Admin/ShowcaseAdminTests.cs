using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>Create, edit, workflow, revisions and delete for TV segments, showrooms and fairs in the editor area.</summary>
public sealed class ShowcaseAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static Dictionary<string, string> Common(string title, string action, string? note = null) => new()
    {
        ["Input.Title"] = title, ["Input.Slug"] = "", ["Input.Summary"] = "Tóm tắt.", ["Input.Body"] = "Nội dung **chính**.",
        ["Input.PublishAt"] = "", ["Input.UnpublishAt"] = "", ["Input.Note"] = note ?? "", ["action"] = action,
    };

    private static Dictionary<string, string> With(Dictionary<string, string> form, params (string Key, string Value)[] extra)
    {
        foreach (var (k, v) in extra)
        {
            form[k] = v;
        }

        return form;
    }

    private async Task<Dictionary<string, string>> TvFormAsync(string title, string action, string transcript = "[00:00] Xin chào.\n[00:10] Tạm biệt.", string? video = null)
    {
        var image = await site.ImageAsync();
        return With(Common(title, action), ("Extra.Episode", "12"), ("Extra.AirDate", "2023-05-20"), ("Extra.Channel", "THBT"),
            ("Extra.Duration", "12:30"), ("Extra.FeaturedImage", image), ("Extra.FeaturedImageAlt", "Ảnh kỳ 12"),
            ("Extra.VideoFile", video ?? ""), ("Extra.ExternalUrl", video is null ? "https://thbt.vn/ky-12" : ""), ("Extra.Transcript", transcript));
    }

    private static int IdOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Tv_segment_editor_submits_publisher_publishes_and_revisions_are_kept()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var publisher = await site.SignInAsync(Roles.Publisher);
        int id;
        using (var created = await editor.PostFormAsync("/quan-tri/truyen-hinh/them", await TvFormAsync("Kỳ 12: máy sấy bơm nhiệt", "submit")))
        {
            id = IdOf(created);
        }

        var tv = await site.WithDbAsync((db, _) => db.TvSegments.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal((ContentStatus.InReview, 12, 750, "https://thbt.vn/ky-12"), (tv.Status, tv.EpisodeNumber, tv.DurationSeconds, tv.ExternalUrl));
        Assert.Equal("[00:00] Xin chào.\n[00:10] Tạm biệt.", tv.Transcript);
        await site.Browser().GetHtmlAsync("/truyen-hinh/" + tv.Slug, HttpStatusCode.NotFound);

        using (var refused = await editor.PostFormAsync($"/quan-tri/truyen-hinh/{id}", await TvFormAsync("Kỳ 12: máy sấy bơm nhiệt", "publish")))
        {
            Assert.Contains("/loi/403", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        using (var published = await publisher.PostFormAsync($"/quan-tri/truyen-hinh/{id}", await TvFormAsync("Kỳ 12: máy sấy bơm nhiệt", "publish")))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var page = await site.Browser().GetHtmlAsync("/truyen-hinh/" + tv.Slug);
        Assert.Contains("Tạm biệt.", page.QuerySelector(".transcript")!.TextContent, StringComparison.Ordinal);
        var history = await publisher.GetHtmlAsync($"/quan-tri/lich-su/truyen-hinh/{id}");
        Assert.True(history.QuerySelectorAll("tbody tr, li").Length >= 2);
        var revisions = await site.WithDbAsync((db, _) => db.Revisions.CountAsync(r => r.ContentType == nameof(TvSegment) && r.ContentId == id));
        Assert.Equal(2, revisions);

        // Scheduling: a publish time in the future keeps it off the site.
        var later = DateTime.UtcNow.AddHours(7).AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var scheduled = await TvFormAsync("Kỳ 13: lên lịch", "publish");
        scheduled["Input.PublishAt"] = later;
        scheduled["Extra.Episode"] = "13";
        int scheduledId;
        using (var response = await publisher.PostFormAsync("/quan-tri/truyen-hinh/them", scheduled))
        {
            scheduledId = IdOf(response);
        }

        var slug = await site.WithDbAsync((db, _) => db.TvSegments.Where(t => t.Id == scheduledId).Select(t => t.Slug).SingleAsync());
        await site.Browser().GetHtmlAsync("/truyen-hinh/" + slug, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tv_segment_without_transcript_or_with_bad_values_is_refused_with_vietnamese_messages()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        var form = await TvFormAsync("Kỳ thiếu bản ghi", "save", transcript: "");
        form["Extra.Duration"] = "12 phút";
        form["Extra.Episode"] = "-1";
        form["Extra.ExternalUrl"] = "javascript:alert(1)";
        using var response = await editor.PostFormAsync("/quan-tri/truyen-hinh/them", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nhập bản ghi lời", body, StringComparison.Ordinal);
        Assert.Contains("thời lượng", body, StringComparison.Ordinal);
        Assert.Contains("Nhập số kỳ", body, StringComparison.Ordinal);
        Assert.Contains("https://", body, StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync((db, _) => db.TvSegments.AnyAsync(t => t.Title == "Kỳ thiếu bản ghi")));
    }

    [Fact]
    public async Task An_mp4_uploaded_with_the_segment_is_checked_by_content_stored_and_served_with_ranges()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        using (var refused = await PostTvWithUploadAsync(editor, "Kỳ video giả", "<html>not a video</html>"u8.ToArray(), "gia.mp4"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("video MP4", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var quickTime = await PostTvWithUploadAsync(editor, "Kỳ video QuickTime", ShowcaseData.TinyMp4("qt  "), "phim.mp4"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, quickTime.StatusCode);
        }

        using (var truncated = await PostTvWithUploadAsync(editor, "Kỳ video cắt cụt", ShowcaseData.TinyMp4()[..60], "cut.mp4"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
            Assert.Contains("bị hỏng", await truncated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await site.WithDbAsync((db, _) => db.TvSegments.AnyAsync(t => t.Title.StartsWith("Kỳ video"))));

        var mp4 = ShowcaseData.TinyMp4();
        int id;
        using (var accepted = await PostTvWithUploadAsync(editor, "Kỳ có video tải lên", mp4, "ky.mp4"))
        {
            id = IdOf(accepted);
        }

        var video = await site.WithDbAsync((db, _) => db.TvSegments.Where(t => t.Id == id).Select(t => t.VideoFile).SingleAsync());
        Assert.Matches("^[0-9a-f]{16}$", video);
        var media = await site.WithDbAsync((db, _) => db.MediaFiles.AsNoTracking().SingleAsync(m => m.StorageName == video));
        Assert.Equal((MediaKind.Video, "video/mp4", (long)mp4.Length), (media.Kind, media.ContentType, media.Size));

        var client = site.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{video}.mp4");
        request.Headers.Range = new RangeHeaderValue(8, 15);
        using var partial = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType!.MediaType);
        Assert.Equal(mp4[8..16], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(mp4.Length, partial.Content.Headers.ContentRange!.Length);
    }

    [Fact]
    public async Task The_media_library_takes_an_mp4_by_content_and_refuses_a_renamed_file()
    {
        var editor = await site.SignInAsync(Roles.Editor);
        Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name) => editor.UploadToLibraryAsync(bytes, name, "video/mp4");

        using (var refused = await UploadAsync("%PDF-1.4 not a video"u8.ToArray(), "renamed.mp4"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var accepted = await UploadAsync(ShowcaseData.TinyMp4("mp42"), "thu-vien.mp4"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var stored = await site.WithDbAsync((db, _) => db.MediaFiles.AsNoTracking().SingleAsync(m => m.OriginalName == "thu-vien.mp4"));
        Assert.Equal(MediaKind.Video, stored.Kind);
        var library = await editor.GetHtmlAsync("/quan-tri/thu-vien");
        Assert.NotNull(library.QuerySelector($"a[href='/media/{stored.StorageName}.mp4']"));
    }

    private async Task<HttpResponseMessage> PostTvWithUploadAsync(HttpClient client, string title, byte[] bytes, string fileName)
    {
        var page = await client.GetHtmlAsync("/quan-tri/truyen-hinh/them");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = await TvFormAsync(title, "save");
        fields["Extra.ExternalUrl"] = "";
        return await client.PostMultipartAsync("/quan-tri/truyen-hinh/them", token, fields, new FilePart("Extra.VideoUpload", bytes, fileName, "video/mp4"));
    }

    [Fact]
    public async Task Showroom_is_created_with_establishment_place_products_and_gallery_then_edited_and_deleted()
    {
        var owner = await site.EstablishmentAsync("Cơ sở Phòng trưng bày Quản trị");
        var product = await site.ProductAsync(owner, "Thạch dừa trưng bày");
        var publisher = await site.SignInAsync(Roles.Publisher);
        var placeId = await site.WithDbAsync((db, _) => db.Places.Where(p => p.Code == "huyen-cho-lach").Select(p => p.Id).SingleAsync());
        var image = await site.ImageAsync();
        var photo = await site.ImageAsync();
        Dictionary<string, string> Form(string title, string action) => With(Common(title, action),
            ("Operator.Id", owner.Id.ToString(CultureInfo.InvariantCulture)), ("Extra.Address", "ấp Phú Hòa, xã Thử"),
            ("Extra.PlaceId", placeId.ToString(CultureInfo.InvariantCulture)), ("Extra.OpeningHours", "8:00–17:00"), ("Extra.YearSupported", "2024"),
            ("Extra.FeaturedImage", image), ("Extra.FeaturedImageAlt", "Mặt tiền phòng trưng bày"),
            ("Extra.Gallery[0].Media", photo), ("Extra.Gallery[0].Alt", "Kệ thạch dừa"), ("Extra.Gallery[0].Caption", "Sản phẩm chủ lực"),
            ("Extra.Gallery[1].Media", ""), ("Extra.Gallery[1].Alt", ""), ("Extra.Gallery[1].Caption", ""), ("Extra.Products", product.Slug));

        int id;
        using (var created = await publisher.PostFormAsync("/quan-tri/phong-trung-bay/them", Form("Phòng trưng bày Quản trị", "publish")))
        {
            id = IdOf(created);
        }

        var room = await site.WithDbAsync((db, _) => db.Showrooms.Include(s => s.Products).AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((ContentStatus.Published, owner.Id, placeId, 2024), (room.Status, room.EstablishmentId!.Value, room.PlaceId!.Value, room.YearSupported!.Value));
        Assert.Equal(product.Id, Assert.Single(room.Products).Id);
        Assert.Equal("Kệ thạch dừa", Assert.Single(room.Gallery).Alt);
        var page = await site.Browser().GetHtmlAsync("/phong-trung-bay/" + room.Slug);
        Assert.Contains("huyện Chợ Lách", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/san-pham/{product.Slug}']"));

        var edit = await publisher.GetHtmlAsync($"/quan-tri/phong-trung-bay/{id}");
        Assert.Equal(product.Slug, edit.QuerySelector("textarea[name='Extra.Products']")!.TextContent.Trim());

        // The gallery is rows like the product editor's: the saved photo, then three blank rows.
        Assert.Equal(photo, edit.QuerySelector("input[name='Extra.Gallery[0].Media']")!.GetAttribute("value"));
        Assert.Equal(4, edit.QuerySelectorAll("input[name^='Extra.Gallery['][name$='.Media']").Length);

        var badPhoto = Form("Phòng trưng bày Quản trị", "save");
        badPhoto["Extra.Gallery[1].Media"] = "khong-co-anh";
        badPhoto["Extra.Gallery[1].Alt"] = "Ảnh không có";
        badPhoto["Extra.Gallery[0].Alt"] = "";
        using (var refused = await publisher.PostFormAsync($"/quan-tri/phong-trung-bay/{id}", badPhoto))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Ảnh dòng 1: nhập mô tả ảnh.", body, StringComparison.Ordinal);
            Assert.Contains("Ảnh dòng 2: không tìm thấy ảnh này trong thư viện.", body, StringComparison.Ordinal);
        }

        var bad = Form("Phòng trưng bày Quản trị", "save");
        bad["Extra.Products"] = "khong-co-san-pham";
        bad["Extra.YearSupported"] = "năm ngoái";
        using (var refused = await publisher.PostFormAsync($"/quan-tri/phong-trung-bay/{id}", bad))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("khong-co-san-pham", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var noProducts = Form("Phòng trưng bày Quản trị (sửa)", "save");
        noProducts["Extra.Products"] = "";
        noProducts["Extra.Gallery[0].Media"] = "";
        noProducts["Extra.Gallery[0].Alt"] = "";
        noProducts["Extra.Gallery[0].Caption"] = "";
        using (var saved = await publisher.PostFormAsync($"/quan-tri/phong-trung-bay/{id}", noProducts))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Empty(await site.WithDbAsync((db, _) => db.Showrooms.Where(s => s.Id == id).SelectMany(s => s.Products).ToListAsync()));

        // Restoring the first revision brings back the products on display and the photos.
        using (var restore = await publisher.PostFormAsync($"/quan-tri/lich-su/phong-trung-bay/{id}?handler=Restore", new() { ["number"] = "1" }, $"/quan-tri/lich-su/phong-trung-bay/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }

        var back = await site.WithDbAsync((db, _) => db.Showrooms.Include(s => s.Products).AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((ContentStatus.Published, "Phòng trưng bày Quản trị"), (back.Status, back.Title)); // a restore keeps it online
        Assert.Equal(product.Id, Assert.Single(back.Products).Id);
        Assert.Equal("Kệ thạch dừa", Assert.Single(back.Gallery).Alt);

        var admin = await site.SignInAsync(Roles.Admin);
        using (var deleted = await admin.PostFormAsync($"/quan-tri/phong-trung-bay/{id}", Form("Phòng trưng bày Quản trị (sửa)", "delete")))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await site.WithDbAsync((db, _) => db.Showrooms.AnyAsync(s => s.Id == id)));
    }

    [Fact]
    public async Task Fair_participants_are_repeatable_rows_that_can_be_added_changed_and_removed()
    {
        var a = await site.EstablishmentAsync("Cơ sở Tham gia A");
        var b = await site.EstablishmentAsync("Cơ sở Tham gia B");
        var c = await site.EstablishmentAsync("Cơ sở Tham gia C");
        var publisher = await site.SignInAsync(Roles.Publisher);
        var image = await site.ImageAsync();
        Dictionary<string, string> Form(string action, params (Establishment Who, string Booth, bool Supported)[] rows)
        {
            var form = With(Common("Hội chợ quản trị 2025", action), ("Extra.Organiser", "Trung tâm Khuyến công"), ("Extra.HostProvince", "Bến Tre"),
                ("Extra.Level", "Provincial"), ("Extra.StartsOn", "2025-12-01"), ("Extra.EndsOn", "2025-12-05"), ("Extra.RegistrationDeadline", "2025-11-15"),
                ("Extra.Venue", "Quảng trường Đồng Khởi"), ("Extra.Address", "thành phố Bến Tre"), ("Extra.HowToApply", "Gửi phiếu đăng ký."),
                ("Extra.FundingLine", "Khuyến công địa phương"), ("Extra.FeaturedImage", image), ("Extra.FeaturedImageAlt", "Cổng hội chợ"),
                ("Extra.Results", ""));
            for (var i = 0; i < rows.Length; i++)
            {
                form[$"Participants[{i}].EstablishmentId"] = rows[i].Who.Id.ToString(CultureInfo.InvariantCulture);
                form[$"Participants[{i}].Booth"] = rows[i].Booth;
                form[$"Participants[{i}].Supported"] = rows[i].Supported ? "true" : "false";
            }

            form[$"Participants[{rows.Length}].EstablishmentId"] = ""; // a blank row is ignored
            return form;
        }

        int id;
        using (var created = await publisher.PostFormAsync("/quan-tri/hoi-cho/them", Form("publish", (a, "A1", true), (b, "B2", false))))
        {
            id = IdOf(created);
        }

        async Task<List<(int, string?, bool)>> RowsAsync() => (await site.WithDbAsync((db, _) => db.FairParticipations.Where(p => p.FairId == id)
            .OrderBy(p => p.EstablishmentId).Select(p => new { p.EstablishmentId, p.Booth, p.ProgrammeSupported }).ToListAsync()))
            .Select(p => (p.EstablishmentId, p.Booth, p.ProgrammeSupported)).ToList();

        Assert.Equal([(a.Id, "A1", true), (b.Id, "B2", false)], await RowsAsync());
        var fair = await site.WithDbAsync((db, _) => db.Fairs.AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal((FairLevel.Provincial, ShowcaseData.Day(2025, 12, 1), ShowcaseData.Day(2025, 12, 5)), (fair.Level, fair.StartsOn, fair.EndsOn));

        var edit = await publisher.GetHtmlAsync($"/quan-tri/hoi-cho/{id}");
        Assert.Equal(2 + 3, edit.QuerySelectorAll("select[name$='.EstablishmentId']").Length);

        using (var saved = await publisher.PostFormAsync($"/quan-tri/hoi-cho/{id}", Form("publish", (b, "B9", true), (c, "C3", true))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([(b.Id, "B9", true), (c.Id, "C3", true)], await RowsAsync());
        var page = await site.Browser().GetHtmlAsync("/hoi-cho/" + fair.Slug);
        Assert.NotNull(page.QuerySelector($"a[href='/co-so/{c.Slug}']"));
        Assert.Null(page.QuerySelector($"a[href='/co-so/{a.Slug}']"));

        using (var twice = await publisher.PostFormAsync($"/quan-tri/hoi-cho/{id}", Form("save", (b, "B9", true), (b, "B10", true))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Contains("được ghi hai lần", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var backwards = Form("save");
        backwards["Extra.EndsOn"] = "2025-11-01";
        using (var refused = await publisher.PostFormAsync($"/quan-tri/hoi-cho/{id}", backwards))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Ngày kết thúc phải từ ngày bắt đầu trở đi.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([(b.Id, "B9", true), (c.Id, "C3", true)], await RowsAsync());

        // A participant that is not on file yet is created inline, once, and shared with the rest of the site.
        var withNew = Form("save", (b, "B9", true), (c, "C3", true));
        withNew["NewParticipant.NewName"] = "Tổ hợp tác Mới Tham Gia";
        withNew["NewParticipant.NewKind"] = "cooperative-group";
        withNew["NewParticipant.NewPlace"] = "huyen-ba-tri";
        using (var saved = await publisher.PostFormAsync($"/quan-tri/hoi-cho/{id}", withNew))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var newcomer = await site.WithDbAsync((db, _) => db.Establishments.AsNoTracking().SingleAsync(e => e.Name == "Tổ hợp tác Mới Tham Gia"));
        Assert.Equal(EstablishmentKind.CooperativeGroup, newcomer.Kind);
        Assert.Equal([(b.Id, "B9", true), (c.Id, "C3", true), (newcomer.Id, null, true)], await RowsAsync());

        // Picking one already in the rows is refused with a message, and nothing changes.
        var again = Form("save", (b, "B9", true), (c, "C3", true), (newcomer, "", true));
        again["NewParticipant.Id"] = b.Id.ToString(CultureInfo.InvariantCulture);
        using (var refused = await publisher.PostFormAsync($"/quan-tri/hoi-cho/{id}", again))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("đã có trong danh sách tham gia", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(3, (await RowsAsync()).Count);

        // Restoring the first revision brings its participants back, booths and support included; the fair stays published.
        using (var restore = await publisher.PostFormAsync($"/quan-tri/lich-su/hoi-cho/{id}?handler=Restore", new() { ["number"] = "1" }, $"/quan-tri/lich-su/hoi-cho/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }

        Assert.Equal([(a.Id, "A1", true), (b.Id, "B2", false)], await RowsAsync());
        var restored = await site.WithDbAsync((db, _) => db.Fairs.AsNoTracking().SingleAsync(f => f.Id == id));
        Assert.Equal(ContentStatus.Published, restored.Status);
        Assert.Equal((fair.Venue, fair.StartsOn, fair.RegistrationDeadline), (restored.Venue, restored.StartsOn, restored.RegistrationDeadline));
    }

    [Fact]
    public async Task A_showroom_can_create_its_establishment_inline()
    {
        var publisher = await site.SignInAsync(Roles.Publisher);
        var image = await site.ImageAsync();
        var form = With(Common("Phòng trưng bày cơ sở mới", "save"),
            ("Operator.NewName", "Hộ kinh doanh Trưng Bày Mới"), ("Operator.NewKind", "household-business"), ("Operator.NewPlace", "huyen-cho-lach"),
            ("Extra.Address", "ấp Hòa Bình, xã Thử"), ("Extra.OpeningHours", ""), ("Extra.YearSupported", "2025"),
            ("Extra.FeaturedImage", image), ("Extra.FeaturedImageAlt", "Mặt tiền"), ("Extra.Products", ""));
        int id;
        using (var created = await publisher.PostFormAsync("/quan-tri/phong-trung-bay/them", form))
        {
            id = IdOf(created);
        }

        var room = await site.WithDbAsync((db, _) => db.Showrooms.Include(s => s.Establishment).AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal("Hộ kinh doanh Trưng Bày Mới", room.Establishment!.Name);
        Assert.Equal(EstablishmentKind.HouseholdBusiness, room.Establishment.Kind);

        // Saving again with the same typed name reuses it instead of creating a twin.
        using (var saved = await publisher.PostFormAsync($"/quan-tri/phong-trung-bay/{id}", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(1, await site.WithDbAsync((db, _) => db.Establishments.CountAsync(e => e.Name == "Hộ kinh doanh Trưng Bày Mới")));
    }

    [Theory]
    [InlineData("/quan-tri/truyen-hinh")]
    [InlineData("/quan-tri/truyen-hinh/them")]
    [InlineData("/quan-tri/phong-trung-bay")]
    [InlineData("/quan-tri/phong-trung-bay/them")]
    [InlineData("/quan-tri/hoi-cho")]
    [InlineData("/quan-tri/hoi-cho/them")]
    public Task Admin_pages_need_a_signed_in_editor_and_are_never_cached(string url) => StaffPages.AssertForEditorsOnlyAsync(site, url);
}
