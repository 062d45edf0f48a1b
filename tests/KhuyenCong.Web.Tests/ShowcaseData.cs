using System.Security.Cryptography;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Arranges establishments, products, images, TV segments, showrooms and fairs through the database. Establishments
/// and products move the content change stamp with their row, as every writer does (the product catalog follows it).
/// </summary>
public static class ShowcaseData
{
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public static Task<Establishment> EstablishmentAsync(this SiteFactory site, string name = "Hợp tác xã Kẹo dừa Thử nghiệm", string? place = "huyen-mo-cay-nam") =>
        site.WithDbAsync(async (db, _) =>
        {
            var e = new Establishment
            {
                Name = name, Slug = Unique("co-so"), Kind = EstablishmentKind.Cooperative, Address = "ấp 1, xã Thử, huyện Mỏ Cày Nam, tỉnh Bến Tre",
                PlaceId = place is null ? null : await db.Places.Where(p => p.Code == place).Select(p => (int?)p.Id).FirstAsync(),
                ConsentedToPublish = true, IsSample = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Establishments.Add(e);
            await db.SaveChangesAsync();
            await ContentChanges.BumpAsync(db);
            return e;
        });

    public static async Task<Product> ProductAsync(this SiteFactory site, Establishment producer, string title = "Kẹo dừa sữa lá dứa")
    {
        var product = new Product
        {
            Title = title, Slug = Unique("san-pham"), Summary = "Kẹo dừa.", Status = ContentStatus.Published,
            PublishAt = Day(2020, 1, 1), Group = CnntGroup.ProcessedFood, EstablishmentId = producer.Id,
        };
        await site.WithDbAsync(async (db, _) =>
        {
            db.Products.Add(product);
            await db.SaveChangesAsync();
            await ContentChanges.BumpAsync(db);
            return product.Id;
        });
        return product;
    }

    /// <summary>A media-library image record (the pages only need its name, size and variant widths).</summary>
    public static Task<string> ImageAsync(this SiteFactory site, string alt = "Ảnh thử") => site.WithDbAsync(async (db, _) =>
    {
        var name = RandomNumberGenerator.GetHexString(16, lowercase: true);
        db.MediaFiles.Add(new MediaFile
        {
            StorageName = name, Kind = MediaKind.Image, OriginalName = "anh.jpg", ContentType = "image/jpeg", Size = 1000,
            Width = 1200, Height = 800, VariantWidths = "480,960", AltText = alt, UploadedAt = DateTime.UtcNow, UploadedBy = "test",
        });
        await db.SaveChangesAsync();
        return name;
    });

    public static string SampleTranscript =>
        "[00:00] Xin chào quý vị khán giả.\n[00:05] Hôm nay chúng ta đến với cơ sở kẹo dừa <ngon> & nổi tiếng.\nDòng không có mốc thời gian.\n[01:10] Cảm ơn quý vị đã theo dõi.";

    public static async Task<TvSegment> TvSegmentAsync(this SiteFactory site, int episode = 1, string? video = null, string? externalUrl = null,
        ContentStatus status = ContentStatus.Published, DateTime? publishAt = null)
    {
        var tv = new TvSegment
        {
            Title = $"Khuyến công Bến Tre – Kỳ {episode}: chuyện làm kẹo dừa", Slug = Unique("ky"), Summary = "Tóm tắt kỳ chuyên mục.",
            BodyMarkdown = "Mô tả ngắn.", Status = status, PublishAt = publishAt ?? Day(2020, 1, 1), EpisodeNumber = episode,
            AirDate = new DateTime(2021, 10, 15, 0, 0, 0, DateTimeKind.Utc), Channel = "Đài Phát thanh và Truyền hình Bến Tre",
            DurationSeconds = 90, FeaturedImage = await site.ImageAsync("Người thợ cắt kẹo dừa"), FeaturedImageAlt = "Người thợ cắt kẹo dừa",
            VideoFile = video, ExternalUrl = externalUrl, Transcript = SampleTranscript,
        };
        await site.SaveAsync(tv);
        return tv;
    }

    public static async Task<Showroom> ShowroomAsync(this SiteFactory site, Establishment? owner, string place = "huyen-mo-cay-nam", params Product[] products)
    {
        var placeId = await site.WithDbAsync((db, _) => db.Places.Where(p => p.Code == place).Select(p => p.Id).FirstAsync());
        var room = new Showroom
        {
            Title = "Phòng trưng bày " + Unique("thu"), Slug = Unique("phong"), Summary = "Giới thiệu sản phẩm.", Status = ContentStatus.Published,
            PublishAt = Day(2020, 1, 1), EstablishmentId = owner?.Id, Address = "ấp 2, xã Thử", PlaceId = placeId,
            OpeningHours = "7:30–17:00, thứ Hai đến thứ Bảy", YearSupported = 2023,
            FeaturedImage = await site.ImageAsync(), FeaturedImageAlt = "Kệ trưng bày kẹo dừa",
        };
        room.Gallery.Add(new GalleryImage { Media = await site.ImageAsync(), Alt = "Góc trưng bày hộp quà", Caption = "Hộp quà tặng" });
        await site.WithDbAsync(async (db, sp) =>
        {
            db.Showrooms.Add(room);
            foreach (var p in products)
            {
                room.Products.Add(await db.Products.FirstAsync(x => x.Id == p.Id));
            }

            await sp.GetRequiredService<ContentPublisher>().SaveAsync(room, "test", "save");
            return room.Id;
        });
        return room;
    }

    public static async Task<Fair> FairAsync(this SiteFactory site, DateTime starts, DateTime ends, DateTime? deadline = null,
        string title = "Hội chợ Công nghiệp nông thôn tiêu biểu", params (Establishment Who, string? Booth, bool Supported)[] participants)
    {
        var fair = new Fair
        {
            Title = title, Slug = Unique("hoi-cho"), Summary = "Hội chợ giới thiệu sản phẩm; có dấu phẩy, chấm phẩy; và \\ gạch chéo.",
            BodyMarkdown = "Thông báo hội chợ.", Status = ContentStatus.Published, PublishAt = Day(2020, 1, 1),
            Organiser = "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh Bến Tre", HostProvince = "Bến Tre", Level = FairLevel.Regional,
            StartsOn = starts, EndsOn = ends, RegistrationDeadline = deadline, Venue = "Nhà Văn hóa tỉnh", Address = "số 1, đường Đồng Khởi, thành phố Bến Tre",
            HowToApply = "Gửi **phiếu đăng ký** về Trung tâm.", FundingLine = "Kinh phí khuyến công địa phương", ResultsMarkdown = "Thu hút **10.000** lượt khách.",
            FeaturedImage = await site.ImageAsync(), FeaturedImageAlt = "Gian hàng hội chợ",
        };
        foreach (var (who, booth, supported) in participants)
        {
            fair.Participants.Add(new FairParticipation { EstablishmentId = who.Id, Booth = booth, ProgrammeSupported = supported });
        }

        await site.SaveAsync(fair);
        return fair;
    }

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The smallest well-formed MP4 for upload checks: ftyp (isom), moov and mdat boxes.</summary>
    public static byte[] TinyMp4(string brand = "isom")
    {
        using var ms = new MemoryStream();
        void Box(string type, byte[] payload)
        {
            var size = 8 + payload.Length;
            ms.Write([(byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size]);
            ms.Write(System.Text.Encoding.ASCII.GetBytes(type));
            ms.Write(payload);
        }

        Box("ftyp", [.. System.Text.Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0, .. System.Text.Encoding.ASCII.GetBytes("isommp41")]);
        Box("moov", new byte[32]);
        Box("mdat", new byte[64]);
        return ms.ToArray();
    }
}
