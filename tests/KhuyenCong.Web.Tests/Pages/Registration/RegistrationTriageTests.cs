using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>Lookup, triage in the editor area, exports, access control.</summary>
public sealed class RegistrationTriageTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    /// <summary>Submits a full registration; returns its id and reference.</summary>
    private async Task<(long Id, string Reference)> SubmitOneAsync(Dictionary<string, List<KeyValuePair<string, string>>>? answers = null)
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client, answers: answers);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        var key = Guid.Parse(await KeyAsync(client));
        using var submit = await SubmitAsync(client, key.ToString());
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        return await site.WithDbAsync(async (db, _) => await db.Registrations.Where(r => r.IdempotencyKey == key).Select(r => new ValueTuple<long, string>(r.Id, r.Reference)).SingleAsync());
    }

    private static async Task<HttpResponseMessage> LookupAsync(HttpClient client, string reference, string phone) =>
        await PostAsync(client, "/dang-ky-ho-tro/tra-cuu", Fields(("ma-so", reference), ("dien-thoai", phone)));

    [Fact]
    public async Task The_lookup_shows_status_and_public_replies_and_the_same_message_for_unknown_or_wrong_phone()
    {
        var (id, reference) = await SubmitOneAsync();
        var staff = await site.SignInAsync(Roles.Editor);
        using (var reply = await staff.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Note", new() { ["ghi-chu"] = "Cán bộ sẽ gọi điện trong tuần.", ["cong-khai"] = "1" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }

        using (var note = await staff.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Note", new() { ["ghi-chu"] = "Ghi chú nội bộ bí mật" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }

        using (var status = await staff.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Status", new() { ["trang-thai"] = "1" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        }

        var visitor = site.NewBrowser();
        var form = await visitor.GetHtmlAsync("/dang-ky-ho-tro/tra-cuu");
        Assert.Equal("post", form.QuerySelector("main form")!.GetAttribute("method"));
        using var found = await LookupAsync(visitor, reference.ToLowerInvariant(), "0912.345.678");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var text = (await ParseAsync(found)).MainText();
        Assert.Contains("Đang xem xét", text, StringComparison.Ordinal);
        Assert.Contains("Cán bộ sẽ gọi điện trong tuần.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bí mật", text, StringComparison.Ordinal);

        using var wrongPhone = await LookupAsync(visitor, reference, "0999999999");
        using var unknown = await LookupAsync(visitor, "KC-2026-999999", "0912345678");
        Assert.Equal(HttpStatusCode.BadRequest, wrongPhone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var a = (await ParseAsync(wrongPhone)).QuerySelector(".error-summary")!.TextContent;
        var b = (await ParseAsync(unknown)).QuerySelector(".error-summary")!.TextContent;
        Assert.Equal(a, b);
        Assert.Contains("Không tìm thấy hồ sơ với mã số và số điện thoại này", a, StringComparison.Ordinal);

        using var malformed = await LookupAsync(visitor, "abc", "");
        var errors = (await ParseAsync(malformed)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Mã số hồ sơ có dạng KC-2026-000123.", errors, StringComparison.Ordinal);
        Assert.Contains("Nhập số điện thoại đã đăng ký.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_filter_search_move_status_assign_and_see_history()
    {
        var answers = ValidAnswers();
        answers["loai-hinh"] = Fields(("Form.Type", "hop-tac-xa"), ("Form.EstablishmentName", "Hợp tác xã Chiếu Nhơn Thạnh"));
        answers["dia-diem"] = Fields(("Form.Place", "huyen-ba-tri"));
        answers["ho-tro"] = Fields(("Form.Lines", "dao-tao"));
        var (id, reference) = await SubmitOneAsync(answers);
        var admin = await site.SignInAsync(Roles.Admin);

        var all = await admin.GetHtmlAsync("/quan-tri/dang-ky?dia-ban=huyen-ba-tri&ho-tro=dao-tao&loai=hop-tac-xa");
        Assert.Contains(reference, all.MainText(), StringComparison.Ordinal);
        var other = await admin.GetHtmlAsync("/quan-tri/dang-ky?ho-tro=may-moc&loai=hop-tac-xa");
        Assert.DoesNotContain(reference, other.MainText(), StringComparison.Ordinal);
        var search = await admin.GetHtmlAsync("/quan-tri/dang-ky?q=" + Uri.EscapeDataString("Chiếu Nhơn"));
        Assert.Contains(reference, search.MainText(), StringComparison.Ordinal);
        var dated = await admin.GetHtmlAsync("/quan-tri/dang-ky?tu-ngay=2030-01-01");
        Assert.DoesNotContain(reference, dated.MainText(), StringComparison.Ordinal);
        await admin.GetHtmlAsync("/quan-tri/dang-ky?trang-thai=9", HttpStatusCode.BadRequest);
        await admin.GetHtmlAsync("/quan-tri/dang-ky?tu-ngay=hom-qua", HttpStatusCode.BadRequest);

        // New → Supported is not a workflow step.
        using (var skip = await admin.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Status", new() { ["trang-thai"] = "5" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        }

        using (var ok = await admin.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Status", new() { ["trang-thai"] = "2" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var editorEmail = await site.CreateUserAsync(Roles.Editor);
        var editorId = await site.WithDbAsync((db, _) => db.Users.Where(u => u.Email == editorEmail).Select(u => u.Id).SingleAsync());
        using (var assign = await admin.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Assign", new() { ["nguoi"] = editorId }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        }

        using (var bad = await admin.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Assign", new() { ["nguoi"] = "khong-co" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        var detail = await admin.GetHtmlAsync($"/quan-tri/dang-ky/{id}");
        var history = detail.QuerySelector("ol.history")!.TextContent;
        Assert.Contains("“Mới” → “Đã liên hệ”", history, StringComparison.Ordinal);
        Assert.Contains("phân công", history, StringComparison.Ordinal);
        Assert.Contains(editorEmail, detail.MainText(), StringComparison.Ordinal);
        var audited = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("registration-status", audited);
        Assert.Contains("registration-assign", audited);

        var stats = await admin.GetHtmlAsync("/quan-tri/dang-ky/thong-ke");
        Assert.Contains("Huyện Ba Tri", stats.MainText(), StringComparison.Ordinal);
        Assert.Contains("03/2026", stats.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_hold_the_filtered_rows_in_vietnamese()
    {
        var answers = ValidAnswers();
        answers["loai-hinh"] = Fields(("Form.Type", "ho-kinh-doanh"), ("Form.EstablishmentName", "=HYPERLINK(\"x\"), Hộ Lê Thị Xuất"));
        answers["dia-diem"] = Fields(("Form.Place", "huyen-thanh-phu"));
        var (_, reference) = await SubmitOneAsync(answers);
        var staff = await site.SignInAsync(Roles.Editor);

        using var csv = await staff.GetAsync(new Uri("/quan-tri/dang-ky?dia-ban=huyen-thanh-phu&handler=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.True(csv.Headers.CacheControl?.NoStore);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = CsvReader.Read(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)).Select(r => r.Cells).ToList();
        Assert.Equal(RegistrationExport.Header, rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(reference, row[0]);
        Assert.Equal("Hộ kinh doanh", row[3]);
        Assert.Equal("'=HYPERLINK(\"x\"), Hộ Lê Thị Xuất", row[4]);
        Assert.Equal("Huyện Thạnh Phú", row[5]);
        Assert.Equal("0912345678", row[17]);
        Assert.Equal("500000000", row[12]);

        using var xlsx = await staff.GetAsync(new Uri("/quan-tri/dang-ky?dia-ban=huyen-thanh-phu&handler=xlsx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            XDocument.Load(stream);
        }

        using var sheetStream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var sheet = XDocument.Load(sheetStream);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheetRows = sheet.Descendants(ns + "row").ToList();
        Assert.Equal(2, sheetRows.Count);
        var cells = sheetRows[1].Elements(ns + "c").ToList();
        Assert.Equal(reference, cells[0].Value);
        Assert.Equal("A2", cells[0].Attribute("r")!.Value);
        Assert.Contains(cells, c => c.Value == "Huyện Thạnh Phú");
        Assert.Contains(cells, c => c.Attribute("t") is null && c.Value == "500000000");

        var audited = await site.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "registration-export-list"));
        Assert.True(audited >= 2);
    }

    /// <summary>
    /// The staff page reads the form's fields from <see cref="RegistrationFields"/>: every field shown on the check
    /// page has its row with the stored answer, and the fields shown beside another (the other type, the other
    /// support, the role, the news consent) appear in their row.
    /// </summary>
    [Fact]
    public async Task The_staff_detail_page_shows_every_field_of_the_registration_form_with_its_answer()
    {
        var answers = ValidAnswers();
        answers["loai-hinh"] = Fields(("Form.Type", "khac"), ("Form.OtherType", "Tổ hợp tác làng nghề"), ("Form.EstablishmentName", "Tổ hợp tác kẹo dừa Mẫu Hai"));
        answers["ho-tro"] = Fields(("Form.Lines", "may-moc"), ("Form.Lines", "khac"), ("Form.OtherSupport", "Tư vấn thiết kế bao bì"));
        answers["dong-y"] = Fields(("Form.ConsentHandling", "yes"), ("Form.ConsentNews", "yes"));
        var (id, _) = await SubmitOneAsync(answers);
        var stored = await site.WithDbAsync((db, _) => db.Registrations.SingleAsync(r => r.Id == id));
        var staff = await site.SignInAsync(Roles.Editor);
        var page = await staff.GetHtmlAsync($"/quan-tri/dang-ky/{id}");
        var rows = page.QuerySelectorAll(".summary-row")
            .Select(r => (Label: r.QuerySelector("dt")!.TextContent.Trim(), Value: r.QuerySelector("dd")!.TextContent.Trim())).ToList();
        foreach (var field in RegistrationFields.All)
        {
            if (field.Shown is { } shown)
            {
                Assert.True(field.Asked(stored), field.Name);
                Assert.Contains((field.Label, shown(stored).Trim()), rows);
            }
            else
            {
                var value = Assert.IsType<string>(field.Value(stored), exactMatch: false);
                Assert.True(rows.Any(r => r.Value.Contains(value, StringComparison.OrdinalIgnoreCase)), $"{field.Name}: {value}");
            }
        }

        Assert.Contains(rows, r => r.Value.Contains("Tổ hợp tác làng nghề", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Value.Contains("Tư vấn thiết kế bao bì", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Value.Contains("nhận tin khuyến công: có", StringComparison.Ordinal));
    }

    /// <summary>
    /// The person's own data export is built from <see cref="RegistrationFields"/>: every field of the form under its
    /// key with the stored answer, besides the record's parts (a field added to the table is exported with no other
    /// change); the keys and shapes operators already read stay (a list of support lines, yes/no consents).
    /// </summary>
    [Fact]
    public async Task The_personal_data_export_holds_every_field_of_the_registration_form_under_its_key()
    {
        var (id, reference) = await SubmitOneAsync();
        var stored = await site.WithDbAsync((db, _) => db.Registrations.SingleAsync(r => r.Id == id));
        var staff = await site.SignInAsync(Roles.Editor);
        using var export = await staff.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Export", [], $"/quan-tri/dang-ky/{id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var json = JsonNode.Parse(await export.Content.ReadAsStringAsync())!.AsObject();
        string[] record = ["maSo", "ngayGui", "trangThai", "phienBanDongY", "thoiDiemDongY", "traLoi", "thuDaGui"];
        var fieldKeys = RegistrationFields.All.Select(f => f.Key).ToList();
        Assert.Equal(fieldKeys.Count, fieldKeys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(fieldKeys, json.Select(p => p.Key).Where(k => !record.Contains(k)).ToList());
        Assert.All(record, k => Assert.True(json.ContainsKey(k), k));
        foreach (var field in RegistrationFields.All)
        {
            var expected = JsonSerializer.SerializeToNode((field.Personal ?? field.Value)(stored));
            Assert.True(JsonNode.DeepEquals(expected, json[field.Key]), $"{field.Key}: {json[field.Key]?.ToJsonString()} ≠ {expected?.ToJsonString()}");
        }

        Assert.Equal(reference, (string?)json["maSo"]);
        Assert.Equal(JsonValueKind.Array, json["noiDungHoTro"]!.GetValueKind());
        Assert.Equal(JsonValueKind.True, json["dongYXuLy"]!.GetValueKind());
        Assert.Equal(stored.Workers, (int)json["soLaoDong"]!);
    }

    [Fact]
    public async Task Staff_export_and_erase_one_persons_data_and_both_are_audited()
    {
        var (id, reference) = await SubmitOneAsync();
        var staff = await site.SignInAsync(Roles.Editor);
        var before = await staff.GetHtmlAsync($"/quan-tri/dang-ky/{id}");
        var ids = before.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Distinct().ToList(), ids);
        foreach (var label in before.QuerySelectorAll("label[for]"))
        {
            Assert.True(before.GetElementById(label.GetAttribute("for")!)?.TagName is "INPUT" or "SELECT" or "TEXTAREA", label.TextContent);
        }
        using (var export = await staff.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Export", [], $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var json = await export.Content.ReadAsStringAsync();
            Assert.Contains("\"dienThoai\": \"0912345678\"", json, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Văn Mẫu", json, StringComparison.Ordinal);
        }

        using (var wrong = await staff.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Erase", new() { ["xac-nhan"] = "KC-0000-000000" }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var erase = await staff.PostFormAsync($"/quan-tri/dang-ky/{id}?handler=Erase", new() { ["xac-nhan"] = reference }, $"/quan-tri/dang-ky/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        }

        // The erased record reads cleanly: no separator left over from the parts that are gone.
        var detail = await staff.GetHtmlAsync($"/quan-tri/dang-ky/{id}");
        foreach (var value in detail.QuerySelectorAll(".summary-value").Select(v => v.TextContent.Trim()))
        {
            Assert.DoesNotMatch(@"^[,;]|[,;(]$|\(\s*\)|,\s*,", value);
        }

        var contact = detail.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector("dt")!.TextContent == "Người liên hệ");
        Assert.Equal("(đã xóa)", contact.QuerySelector("dd")!.TextContent.Trim());

        var stored = await site.WithDbAsync((db, _) => db.Registrations.SingleAsync(r => r.Id == id));
        Assert.Null(stored.Phone);
        Assert.Null(stored.ContactName);
        Assert.Null(stored.EstablishmentName);
        Assert.NotNull(stored.PersonalDataErasedAt);
        Assert.Equal(500_000_000, stored.Investment);
        var actions = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("registration-export-person", actions);
        Assert.Contains("registration-erase-person", actions);
    }

    [Fact]
    public async Task Every_triage_page_sends_anonymous_users_to_login_and_refuses_users_without_a_staff_role()
    {
        var (id, _) = await SubmitOneAsync();
        var urls = new[] { "/quan-tri/dang-ky", $"/quan-tri/dang-ky/{id}", "/quan-tri/dang-ky/thong-ke", "/quan-tri/dang-ky?handler=csv", "/quan-tri/dang-ky?handler=xlsx" };
        var anonymous = site.NewBrowser();
        foreach (var url in urls)
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/dang-nhap", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // A signed-in account holding no staff role.
        var email = $"khach-{Guid.NewGuid():N}@khuyencong.test";
        await site.WithDbAsync(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Khách", LockoutEnabled = true }, SiteFactory.TestPassword);
            Assert.True(result.Succeeded);
            return 0;
        });
        var noRole = site.NewBrowser();
        using (var login = await noRole.PostFormAsync("/dang-nhap", new() { ["Input.Email"] = email, ["Input.Password"] = SiteFactory.TestPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        foreach (var url in urls)
        {
            using var response = await noRole.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/loi/403", StringComparison.Ordinal),
                $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        var token = await TokenAsync(noRole);
        foreach (var handler in new[] { "Status", "Note", "Assign", "Export", "Erase" })
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("trang-thai", "1")]);
            using var response = await noRole.PostAsync(new Uri($"/quan-tri/dang-ky/{id}?handler={handler}", UriKind.Relative), content);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{handler}: {(int)response.StatusCode}");
            Assert.DoesNotContain("/quan-tri/dang-ky/", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        var status = await site.WithDbAsync((db, _) => db.Registrations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
        Assert.Equal(RegistrationStatus.New, status);
    }
}
