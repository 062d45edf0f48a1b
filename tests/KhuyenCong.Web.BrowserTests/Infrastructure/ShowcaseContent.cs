namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>
/// Until the real starting content for TV segments, showrooms and fairs is in content/, the gate adds one small
/// item of each (a 4-second VP9 MP4 with a captions-ready transcript, an upcoming and a past fair, a showroom)
/// so that every new page type is checked. Folders that already hold content are left alone.
/// </summary>
public static class ShowcaseContent
{
    private static string Fixtures => Path.Combine(Prerequisites.RepositoryRoot, "tests", "KhuyenCong.Web.BrowserTests", "Fixtures", "showcase");

    public static void Write(string content)
    {
        Directory.CreateDirectory(Path.Combine(content, "images", "showcase-gate"));
        File.Copy(Path.Combine(Fixtures, "anh-mau.png"), Path.Combine(content, "images", "showcase-gate", "anh-mau.png"), overwrite: true);
        if (IsEmpty(content, "tv"))
        {
            Directory.CreateDirectory(Path.Combine(content, "files", "tv"));
            File.Copy(Path.Combine(Fixtures, "ky-mau.mp4"), Path.Combine(content, "files", "tv", "ky-mau-gate.mp4"), overwrite: true);
            Write(content, "tv/ky-mau-gate.md", """
                ---
                title: "Khuyến công Bến Tre – Kỳ mẫu: thử phát video"
                episode: 1
                air_date: 2021-10-15
                channel: "Đài Phát thanh và Truyền hình Bến Tre (THBT)"
                duration: "0:04"
                summary: "Kỳ mẫu để kiểm tra trình phát video và phụ đề."
                image: images/showcase-gate/anh-mau.png
                image_alt: "Hình thử nghiệm nhiều màu của kỳ mẫu"
                video: files/tv/ky-mau-gate.mp4
                date: 2021-10-16 08:00
                sample: true
                ---
                ## Nội dung
                Kỳ mẫu ngắn.

                ## Bản ghi lời
                [00:00] Xin chào quý vị khán giả.
                [00:01] Đây là chuyên mục khuyến công & công nghiệp nông thôn.
                [00:02] Mời quý vị theo dõi.
                [00:03] Xin cảm ơn.
                """);
            Write(content, "tv/ky-lien-ket-gate.md", """
                ---
                title: "Khuyến công Bến Tre – Kỳ mẫu 2: video trên trang của đài"
                episode: 2
                channel: "Đài Phát thanh và Truyền hình Bến Tre (THBT)"
                duration: "12:30"
                summary: "Kỳ mẫu có video ở trang khác."
                image: images/showcase-gate/anh-mau.png
                image_alt: "Hình thử nghiệm nhiều màu của kỳ mẫu 2"
                external_url: "https://thbt.vn/video/ky-mau-2"
                date: 2021-11-16 08:00
                sample: true
                ---
                ## Bản ghi lời
                [00:00] Xin chào quý vị.
                """);
        }

        if (IsEmpty(content, "fairs"))
        {
            foreach (var (slug, starts, ends, deadline) in new[] { ("hoi-cho-mau-sap-toi", "2030-08-20", "2030-08-25", "2030-08-01"), ("hoi-cho-mau-da-qua", "2022-11-10", "2022-11-14", "") })
            {
                Write(content, $"fairs/{slug}.md", $"""
                    ---
                    title: "Hội chợ mẫu {starts[..4]}: hàng công nghiệp nông thôn, đặc sản; thủ công"
                    slug: {slug}
                    date: 2021-05-01 08:00
                    organiser: "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh Bến Tre"
                    host_province: "Bến Tre"
                    level: regional
                    starts: {starts}
                    ends: {ends}
                    venue: "Nhà Văn hóa tỉnh"
                    address: "thành phố Bến Tre"
                    registration_deadline: {deadline}
                    how_to_apply: |
                      Gửi phiếu đăng ký về Trung tâm.
                    funding_line: "Kinh phí khuyến công địa phương"
                    summary: "Hội chợ mẫu để kiểm tra trang."
                    image: images/showcase-gate/anh-mau.png
                    image_alt: "Hình thử nghiệm của hội chợ mẫu"
                    sample: true
                    ---
                    Thông báo mẫu.
                    """);
            }
        }

        if (IsEmpty(content, "showrooms"))
        {
            Write(content, "showrooms/phong-mau.md", """
                ---
                title: "Phòng trưng bày mẫu"
                date: 2023-06-01 08:00
                address: "ấp 1, xã mẫu"
                place: huyen-mo-cay-nam
                opening_hours: "7:30–17:00, thứ Hai đến thứ Bảy"
                year_supported: 2023
                summary: "Phòng trưng bày mẫu để kiểm tra trang."
                image: images/showcase-gate/anh-mau.png
                image_alt: "Hình thử nghiệm của phòng trưng bày mẫu"
                gallery: [ { file: images/showcase-gate/anh-mau.png, alt: "Ảnh thứ hai của phòng trưng bày mẫu", caption: "Chú thích mẫu" } ]
                sample: true
                ---
                Mô tả mẫu.
                """);
        }
    }

    private static bool IsEmpty(string content, string folder) =>
        !Directory.Exists(Path.Combine(content, folder)) || Directory.GetFiles(Path.Combine(content, folder), "*.md").Length == 0;

    private static void Write(string content, string relative, string text)
    {
        var path = Path.Combine(content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }
}
