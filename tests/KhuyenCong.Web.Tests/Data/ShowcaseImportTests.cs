using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace KhuyenCong.Web.Tests.Data;

/// <summary>content/tv, content/showrooms and content/fairs: imported once, idempotent, errors with file and line.</summary>
public sealed class ShowcaseImportTests(SiteFactory site) : IClassFixture<SiteFactory>, IDisposable
{
    private readonly ContentFolder copy = ContentFolder.Empty("kc-showcase-");

    private async Task<(string Producer, string Other, string Product)> ArrangeAsync()
    {
        foreach (var file in new[] { "places.yml", "topics.yml" })
        {
            File.Copy(Path.Combine(AppPaths.Content, file), Path.Combine(copy.Path, file), overwrite: true);
        }

        foreach (var dir in new[] { "tv", "showrooms", "fairs", "images/tv", "files/tv" })
        {
            Directory.CreateDirectory(Path.Combine(copy.Path, dir));
        }

        using (var image = new Image<Rgba32>(120, 80, new Rgba32(200, 120, 40)))
        {
            await image.SaveAsPngAsync(Path.Combine(copy.Path, "images/tv/anh.png"));
        }

        await File.WriteAllBytesAsync(Path.Combine(copy.Path, "files/tv/ky-01.mp4"), ShowcaseData.TinyMp4());
        var producer = await site.EstablishmentAsync("Cơ sở Nhập A");
        var other = await site.EstablishmentAsync("Cơ sở Nhập B");
        var product = await site.ProductAsync(producer, "Sản phẩm Nhập");
        await Write("tv/ky-01.md", $"""
            ---
            title: "Khuyến công Bến Tre – Kỳ 1: nhập thử"
            slug: nhap-thu-ky-1
            episode: 1
            air_date: 2021-10-15
            channel: "THBT"
            duration: "1:02:03"
            topic: {Topic()}
            summary: "Tóm tắt kỳ 1."
            image: images/tv/anh.png
            image_alt: "Ảnh kỳ 1"
            video: files/tv/ky-01.mp4
            date: 2021-10-16 08:00
            sample: true
            ---
            ## Nội dung
            Mô tả ngắn của kỳ 1.

            ## Bản ghi lời
            [00:00] Xin chào quý vị.
            [00:12] Nội dung chính.
            """);
        await Write("tv/ky-02.md", """
            ---
            title: "Khuyến công Bến Tre – Kỳ 2: liên kết ngoài"
            slug: nhap-thu-ky-2
            episode: 2
            channel: "THBT"
            duration: "12:30"
            image: images/tv/anh.png
            image_alt: "Ảnh kỳ 2"
            external_url: "https://thbt.vn/ky-2"
            date: 2021-11-16 08:00
            ---
            ## Bản ghi lời
            [00:00] Kỳ hai.
            """);
        await Write("showrooms/phong-a.md", $"""
            ---
            title: "Phòng trưng bày nhập thử"
            slug: phong-nhap-thu
            date: 2023-06-01 08:00
            establishment: {producer.Slug}
            address: "ấp 1, xã Thử"
            place: huyen-mo-cay-nam
            opening_hours: "7:30–17:00"
            year_supported: 2023
            summary: "Phòng trưng bày."
            image: images/tv/anh.png
            image_alt: "Mặt tiền"
            gallery: [ {"{"} file: images/tv/anh.png, alt: "Kệ hàng", caption: "Chú thích" {"}"} ]
            products: [{product.Slug}]
            sample: true
            ---
            Mô tả phòng trưng bày.
            """);
        await WriteFair(producer.Slug, other.Slug);
        return (producer.Slug, other.Slug, product.Slug);
    }

    private static string Topic() => "tin-khuyen-cong";

    private Task WriteFair(string first, string second, string booth = "Gian A12") => Write("fairs/hoi-cho-a.md", $"""
        ---
        title: "Hội chợ nhập thử"
        slug: hoi-cho-nhap-thu
        date: 2024-05-01 08:00
        organiser: "Trung tâm Khuyến công"
        host_province: "Bến Tre"
        level: regional
        starts: 2024-08-20
        ends: 2024-08-25
        venue: "Nhà Văn hóa"
        address: "thành phố Bến Tre"
        registration_deadline: 2024-08-01
        how_to_apply: |
          Gửi **phiếu**.
        funding_line: "Kinh phí khuyến công địa phương năm 2024"
        summary: "Hội chợ."
        image: images/tv/anh.png
        image_alt: "Cổng hội chợ"
        participants:
          - establishment: {first}
            booth: "{booth}"
            supported: true
          - establishment: {second}
            supported: false
        results: |
          Đạt **kết quả** tốt.
        sample: true
        ---
        Thông báo.
        """);

    private Task Write(string relative, string text) => File.WriteAllTextAsync(Path.Combine(copy.Path, relative), text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");

    private Task<string> ImportAsync() => site.ImportAsync(copy.Path);

    [Fact]
    public async Task Tv_showrooms_and_fairs_are_imported_once_and_updated_when_changed()
    {
        var (producer, other, product) = await ArrangeAsync();
        var first = await ImportAsync();
        Assert.Contains("tv: 2 files, 2 added", first, StringComparison.Ordinal);
        Assert.Contains("showrooms: 1 files, 1 added", first, StringComparison.Ordinal);
        Assert.Contains("fairs: 1 files, 1 added", first, StringComparison.Ordinal);

        var tv = await site.WithDbAsync((db, _) => db.TvSegments.AsNoTracking().SingleAsync(t => t.Slug == "nhap-thu-ky-1"));
        Assert.Equal((1, 3723, "THBT", true), (tv.EpisodeNumber, tv.DurationSeconds, tv.Channel, tv.IsSample));
        Assert.Equal("[00:00] Xin chào quý vị.\n[00:12] Nội dung chính.", tv.Transcript);
        Assert.DoesNotContain("Bản ghi lời", tv.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("Mô tả ngắn của kỳ 1.", tv.BodyMarkdown, StringComparison.Ordinal);
        Assert.NotNull(tv.TopicId);
        var video = await site.WithDbAsync((db, _) => db.MediaFiles.AsNoTracking().SingleAsync(m => m.StorageName == tv.VideoFile));
        Assert.Equal(MediaKind.Video, video.Kind);
        using (var served = await site.Browser().GetAsync(new Uri($"/media/{tv.VideoFile}.mp4", UriKind.Relative)))
        {
            Assert.Equal(ShowcaseData.TinyMp4(), await served.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal("https://thbt.vn/ky-2", await site.WithDbAsync((db, _) => db.TvSegments.Where(t => t.Slug == "nhap-thu-ky-2").Select(t => t.ExternalUrl).SingleAsync()));

        var room = await site.WithDbAsync((db, _) => db.Showrooms.Include(s => s.Products).Include(s => s.Establishment).Include(s => s.Place).AsNoTracking().SingleAsync(s => s.Slug == "phong-nhap-thu"));
        Assert.Equal((producer, "huyen-mo-cay-nam", 2023), (room.Establishment!.Slug, room.Place!.Code, room.YearSupported!.Value));
        Assert.Equal(product, Assert.Single(room.Products).Slug);
        Assert.Equal("Kệ hàng", Assert.Single(room.Gallery).Alt);

        var fair = await site.WithDbAsync((db, _) => db.Fairs.Include(f => f.Participants).ThenInclude(p => p.Establishment).AsNoTracking().SingleAsync(f => f.Slug == "hoi-cho-nhap-thu"));
        Assert.Equal((FairLevel.Regional, ShowcaseData.Day(2024, 8, 20), ShowcaseData.Day(2024, 8, 25)), (fair.Level, fair.StartsOn, fair.EndsOn));
        Assert.Contains("<strong>kết quả</strong>", fair.ResultsHtml, StringComparison.Ordinal);
        Assert.Equal([(producer, "Gian A12", true), (other, (string?)null, false)],
            fair.Participants.OrderBy(p => p.Establishment!.Name, StringComparer.Ordinal).Select(p => (p.Establishment!.Slug, p.Booth, p.ProgrammeSupported)));

        var counts = await CountsAsync();
        var again = await ImportAsync();
        Assert.Contains("tv: 2 files, 0 added, 0 updated, 2 unchanged", again, StringComparison.Ordinal);
        Assert.Contains("fairs: 1 files, 0 added, 0 updated, 1 unchanged", again, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync());

        await WriteFair(other, producer, booth: "Gian B7");
        var changed = await ImportAsync();
        Assert.Contains("fairs: 1 files, 0 added, 1 updated", changed, StringComparison.Ordinal);
        var rows = await site.WithDbAsync((db, _) => db.FairParticipations.Where(p => p.FairId == fair.Id).Select(p => new { p.Establishment!.Slug, p.Booth }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Slug == other && r.Booth == "Gian B7");
    }

    private Task<(int, int, int, int, int)> CountsAsync() => site.WithDbAsync(async (db, _) =>
        (await db.TvSegments.CountAsync(), await db.Showrooms.CountAsync(), await db.Fairs.CountAsync(), await db.MediaFiles.CountAsync(), await db.Revisions.CountAsync()));

    [Fact]
    public async Task Errors_name_the_file_and_line_and_leave_the_database_as_it_was()
    {
        await ArrangeAsync();
        await WriteFair("khong-ton-tai", "cung-khong");
        var before = await CountsAsync();
        var error = await Assert.ThrowsAsync<ContentImportException>(ImportAsync);
        Assert.Equal("fairs/hoi-cho-a.md", error.File);
        Assert.Equal(19, error.Line); // the 'participants:' line
        Assert.Contains("khong-ton-tai", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        File.Delete(Path.Combine(copy.Path, "fairs/hoi-cho-a.md"));
        await Write("tv/ky-03.md", """
            ---
            title: "Kỳ 3 không có bản ghi"
            episode: 3
            channel: "THBT"
            duration: "10:00"
            image: images/tv/anh.png
            image_alt: "Ảnh"
            date: 2021-12-16 08:00
            ---
            Chỉ có mô tả.
            """);
        var missing = await Assert.ThrowsAsync<ContentImportException>(ImportAsync);
        Assert.Equal("tv/ky-03.md", missing.File);
        Assert.Contains("Bản ghi lời", missing.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    public void Dispose() => copy.Dispose();
}
