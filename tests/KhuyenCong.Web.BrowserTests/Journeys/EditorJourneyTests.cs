using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.RegularExpressions;
using KhuyenCong.Web.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>
/// The editor area as people use it: an administrator made by the create-admin command creates an editor and a
/// publisher; the editor writes an article with an image and submits it; the publisher publishes it; visitors
/// find it on the home page and in search; the audit log shows both steps.
/// </summary>
[Collection(BrowserGateDefinition.Name)]
public sealed partial class EditorJourneyTests(BrowserGate gate)
{
    private const string Title = "Hợp tác xã thử nghiệm quy trình duyệt bài zelquaron";

    [BrowserFact(Needs.Chromium | Needs.Axe | Needs.HtmlChecker)]
    public async Task Editor_writes_with_an_image_publisher_publishes_visitors_see_it_and_the_audit_log_shows_both()
    {
        var site = await gate.SiteAsync();
        var adminEmail = $"admin-{Guid.NewGuid():N}@khuyencong.test"[..40];
        var printed = await site.RunVerbAsync("create-admin", "--email", adminEmail);
        var adminPassword = OneTimePassword().Match(printed).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(adminPassword), printed);

        await using var adminContext = await gate.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, adminEmail, adminPassword);
        var editorPassword = await CreateAccountAsync(admin, "bientap@khuyencong.test", "Biên tập viên thử", "Editor");
        var publisherPassword = await CreateAccountAsync(admin, "duyetbai@khuyencong.test", "Người duyệt thử", "Publisher");

        // The editor uploads an image, writes the article with it and submits it for review.
        await using var editorContext = await gate.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await SignInAsync(editor, "bientap@khuyencong.test", editorPassword);
        await editor.GotoAsync("/quan-tri/thu-vien");
        await editor.GetByLabel("Tệp (ảnh JPEG, PNG, WebP, tài liệu PDF hoặc video MP4)").SetInputFilesAsync(new FilePayload
        {
            Name = "gian-hang.png", MimeType = "image/png", Buffer = Png(640, 360),
        });
        await editor.GetByLabel("Mô tả ảnh", new() { Exact = false }).First.FillAsync("Gian hàng sản phẩm dừa của hợp tác xã");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        var flash = await editor.Locator(".flash").InnerTextAsync();
        var code = MediaCode().Match(flash).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{16}$", code);

        await editor.GotoAsync("/quan-tri/tin-bai/them");
        await editor.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(Title);
        await editor.GetByLabel("Tóm tắt").FillAsync("Bài viết thử nghiệm quy trình biên tập, duyệt và đăng bài.");
        await editor.GetByLabel("Nội dung (Markdown)").FillAsync("## Kết quả\n\nHợp tác xã đã **hoàn thành** đề án.\n\n![Gian hàng](/media/" + code + "-480.jpg)");
        // The featured image comes from the media picker: search the library (the form comes back unsaved but
        // whole), then choose the image by its description.
        await editor.Locator("#chon-anh-anh-dai-dien summary").ClickAsync();
        await editor.GetByLabel("Tìm ảnh theo mô tả, tên tệp hoặc thư mục").FillAsync("gian hang san pham dua");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Tìm ảnh" }).ClickAsync();
        await Expect(editor.GetByLabel("Tiêu đề", new() { Exact = true })).ToHaveValueAsync(Title);
        await editor.Locator($"#chon-anh-anh-dai-dien input[type=radio][value='{code}']").CheckAsync();
        await editor.GetByLabel("Mô tả ảnh đại diện (bắt buộc khi có ảnh)").FillAsync("Gian hàng sản phẩm dừa của hợp tác xã");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(editor.Locator(".preview strong")).ToHaveTextAsync("hoàn thành");
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Đăng (hoặc lên lịch)" })).ToHaveCountAsync(0);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Expect(editor.Locator(".flash")).ToHaveTextAsync("Đã gửi duyệt.");

        // The publisher finds it waiting on the dashboard and publishes it.
        await using var publisherContext = await gate.NewContextAsync();
        var publisher = await publisherContext.NewPageAsync();
        await SignInAsync(publisher, "duyetbai@khuyencong.test", publisherPassword);
        await publisher.GotoAsync("/quan-tri");
        await publisher.Locator("section[aria-labelledby=in-review-heading]").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await publisher.GetByRole(AriaRole.Button, new() { Name = "Đăng (hoặc lên lịch)" }).ClickAsync();
        await Expect(publisher.Locator(".flash")).ToHaveTextAsync("Đã đăng.");

        // Visitors see it at once on the (output-cached) home page and in search, with its image.
        await using var visitorContext = await gate.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var watch = new PageWatch(visitor);
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Expect(visitor.GetByAltText("Gian hàng sản phẩm dừa của hợp tác xã")).ToBeVisibleAsync();
        Assert.True(await visitor.Locator(".featured-image img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await visitor.GotoAsync("/tim-kiem?q=zelquaron");
        await Expect(visitor.Locator(".search-hit")).ToHaveCountAsync(1);
        await watch.AssertCleanAsync();

        // The administrator sees both steps in the audit log.
        await admin.GotoAsync("/quan-tri/nhat-ky?loai=Article");
        var log = await admin.Locator("tbody").InnerTextAsync();
        Assert.Matches(@"bientap@khuyencong\.test\s+gửi duyệt", log);
        Assert.Matches(@"duyetbai@khuyencong\.test\s+đăng", log);

        // Every page of the editor area passes the same checks as the public site: axe on a desktop and on a phone, the
        // Nu Html Checker on the HTML the server sends, and nothing wider than a 360-px screen.
        var adminPages = await EditorPagesAsync(admin);
        var problems = await EditorPageSweep.ProblemsAsync(admin, adminPages, Path.Combine(gate.WorkFolder, "editor-html"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// Every page of the editor area: each list, its "add" form, the first item's edit page and its history (with a
    /// comparison where there are two revisions), the dashboard, media, programme, accounts, audit log, registrations.
    /// </summary>
    private static async Task<List<string>> EditorPagesAsync(IPage admin)
    {
        var pages = new List<string> { "/quan-tri", "/quan-tri/thu-vien", "/quan-tri/chuong-trinh", "/quan-tri/nguoi-dung", "/quan-tri/nhat-ky",
            "/quan-tri/dang-ky", "/quan-tri/dang-ky/thong-ke", "/doi-mat-khau" };
        string[] withHistory = ["tin-bai", "van-ban", "trang", "san-pham", "truyen-hinh", "phong-trung-bay", "hoi-cho"];
        foreach (var type in withHistory.Append("co-so"))
        {
            pages.Add($"/quan-tri/{type}");
            pages.Add($"/quan-tri/{type}/them");
            // The article of this journey has two revisions (submitted, published): its history also shows a comparison.
            await admin.GotoAsync(type == "tin-bai" ? "/quan-tri/tin-bai?q=zelquaron" : $"/quan-tri/{type}");
            var edit = await admin.EvaluateAsync<string?>(
                """type => [...document.querySelectorAll('main a')].map(a => a.getAttribute('href')).find(h => h.startsWith('/quan-tri/' + type + '/') && /^\d+$/.test(h.slice(('/quan-tri/' + type + '/').length))) ?? null""", type);
            Assert.False(edit is null, $"no item to edit on /quan-tri/{type}");
            pages.Add(edit!);
            if (withHistory.Contains(type))
            {
                var history = edit!.Replace($"/quan-tri/{type}/", $"/quan-tri/lich-su/{type}/", StringComparison.Ordinal);
                pages.Add(type == "tin-bai" ? history + "?a=1&b=2" : history);
            }
        }

        await admin.GotoAsync("/quan-tri/dang-ky");
        var registration = await admin.EvaluateAsync<string?>(
            """() => [...document.querySelectorAll('main a')].map(a => a.getAttribute('href')).find(h => /^\/quan-tri\/dang-ky\/\d+$/.test(h)) ?? null""");
        if (registration is not null)
        {
            pages.Add(registration);
        }

        return pages;
    }

    private static async Task SignInAsync(IPage page, string email, string oneTimePassword)
    {
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(oneTimePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // A generated password must be changed first.
        await Expect(page).ToHaveURLAsync(ChangePasswordUrl());
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(oneTimePassword);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = false }).First.FillAsync("cụm mật khẩu riêng rất dài 2026");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("cụm mật khẩu riêng rất dài 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tổng quan");
    }

    private static async Task<string> CreateAccountAsync(IPage admin, string email, string name, string role)
    {
        await admin.GotoAsync("/quan-tri/nguoi-dung");
        await admin.Locator("#NewUser_Email").FillAsync(email);
        await admin.Locator("#NewUser_DisplayName").FillAsync(name);
        await admin.Locator("#NewUser_Role").SelectOptionAsync(role);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        return (await admin.Locator(".once").InnerTextAsync()).Trim();
    }

    /// <summary>A valid RGB PNG made here (no image library in this project).</summary>
    private static byte[] Png(int width, int height)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.Write([(byte)(x % 256), (byte)(y % 256), 120]);
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [GeneratedRegex(@"One-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex(@"Mã tệp: ([0-9a-f]{16})")]
    private static partial Regex MediaCode();

    [GeneratedRegex("/doi-mat-khau$")]
    private static partial Regex ChangePasswordUrl();
}
