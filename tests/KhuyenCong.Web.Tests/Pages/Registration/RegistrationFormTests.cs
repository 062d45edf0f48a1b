using System.Net;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>The public form: happy path, validation, branching, change links, order, idempotency, anti-spam.</summary>
public sealed class RegistrationFormTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    private Task<int> CountAsync(Guid key) => site.WithDbAsync((db, _) => db.Registrations.CountAsync(r => r.IdempotencyKey == key));

    private async Task<HttpClient> FilledAsync(Dictionary<string, List<KeyValuePair<string, string>>>? answers = null)
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        var last = await AnswerAsync(client, answers: answers);
        Assert.Equal("/dang-ky-ho-tro/kiem-tra", last);
        site.ManualClock.Advance(TimeSpan.FromMinutes(2));
        return client;
    }

    [Fact]
    public async Task A_full_registration_is_stored_once_with_normalised_answers_and_a_reference()
    {
        var client = await FilledAsync();
        var key = Guid.Parse(await KeyAsync(client));
        using var submit = await SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal("/dang-ky-ho-tro/da-gui", submit.Headers.Location?.ToString());

        using var done = await client.GetAsync(new Uri("/dang-ky-ho-tro/da-gui", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True(done.Headers.CacheControl?.NoStore);
        var page = await ParseAsync(done);
        var reference = page.QuerySelector(".reference")!.TextContent.Trim();
        Assert.Matches(@"^KC-2026-\d{6}$", reference);
        Assert.Contains("Điều gì xảy ra tiếp theo", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Cơ sở kẹo dừa Mẫu Một", page.MainText(), StringComparison.Ordinal);

        var stored = await site.WithDbAsync((db, _) => db.Registrations.Include(r => r.Events).SingleAsync(r => r.IdempotencyKey == key));
        Assert.Equal(reference, stored.Reference);
        Assert.Equal("0912345678", stored.Phone);
        Assert.Equal("1300123456001", stored.TaxCode);
        Assert.Equal(500_000_000, stored.Investment);
        Assert.Equal(300_000_000, stored.OwnContribution);
        Assert.Equal(250_000_000, stored.MachineCost);
        Assert.Equal("|may-moc|hoi-cho|", stored.SupportLines);
        Assert.Equal("huyen-giong-trom", stored.PlaceCode);
        Assert.True(stored.ConsentHandling);
        Assert.False(stored.ConsentNews);
        Assert.Equal("2026-01", stored.ConsentVersion);
        Assert.NotEqual(default, stored.ConsentAt);
        Assert.Equal(RegistrationStatus.New, stored.Status);
        Assert.Single(stored.Events);

        // The draft no longer holds the answers, and the form refuses further steps.
        var draftData = await site.WithDbAsync((db, _) => db.RegistrationDrafts.Where(d => d.RegistrationId == stored.Id).Select(d => d.Data).SingleAsync());
        Assert.DoesNotContain("0912345678", draftData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_of_the_form_is_never_cached_and_personal_data_stays_out_of_urls()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        var locations = new List<string>();
        foreach (var step in Steps)
        {
            var fields = ValidAnswers()[step];
            using var get = await client.GetAsync(new Uri("/dang-ky-ho-tro/" + step, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.True(get.Headers.CacheControl?.NoStore, step);
            var page = await ParseAsync(get);
            Assert.NotNull(page.QuerySelector("form[method=post][novalidate]"));
            Assert.Contains("Bước ", page.QuerySelector(".step-count")!.TextContent, StringComparison.Ordinal);
            using var post = await PostAsync(client, "/dang-ky-ho-tro/" + step, fields);
            locations.Add(post.Headers.Location!.ToString());
        }

        Assert.All(locations, l => Assert.DoesNotContain("0912", l, StringComparison.Ordinal));
        Assert.All(locations, l => Assert.DoesNotContain("?", l, StringComparison.Ordinal));
        var contact = await client.GetHtmlAsync("/dang-ky-ho-tro/lien-he");
        Assert.Equal("name", contact.QuerySelector("#Form_ContactName")!.GetAttribute("autocomplete"));
        Assert.Equal("tel", contact.QuerySelector("#Form_Phone")!.GetAttribute("autocomplete"));
        Assert.Equal("email", contact.QuerySelector("#Form_Email")!.GetAttribute("autocomplete"));
        Assert.Null(contact.QuerySelector("[required]"));
        // Answers are kept when coming back.
        Assert.Equal("0912345678", contact.QuerySelector("#Form_Phone")!.GetAttribute("value"));
    }

    public static TheoryData<string, string, string, string> Messages => new()
    {
        { "loai-hinh", "", "Form_Type", "Chọn loại hình của cơ sở." },
        { "loai-hinh", "", "Form_EstablishmentName", "Nhập tên cơ sở." },
        { "loai-hinh", "Form.Type=khac", "Form_OtherType", "Nhập loại hình của cơ sở." },
        { "loai-hinh", "Form.EstablishmentName=" + new string('a', 201), "Form_EstablishmentName", "Tên cơ sở không được dài quá 200 ký tự (hiện có 201)." },
        { "dia-diem", "", "Form_Place", "Chọn nơi cơ sở đặt địa điểm sản xuất." },
        { "dia-diem", "Form.Place=ha-noi", "Form_Place", "Chọn nơi cơ sở đặt địa điểm sản xuất." },
        { "san-xuat", "", "Form_Sector", "Chọn ngành sản xuất chính." },
        { "san-xuat", "", "Form_MainProducts", "Nhập sản phẩm chính của cơ sở." },
        { "quy-mo", "", "Form_Workers", "Nhập số lao động." },
        { "quy-mo", "", "Form_Years", "Nhập số năm cơ sở đã hoạt động." },
        { "quy-mo", "Form.Workers=mười", "Form_Workers", "Số lao động phải là số nguyên từ 1 đến 100.000." },
        { "quy-mo", "Form.Years=-3", "Form_Years", "Số năm hoạt động phải là số nguyên từ 0 đến 200." },
        { "ho-tro", "", "Form_Lines", "Chọn ít nhất một nội dung cần hỗ trợ." },
        { "ho-tro", "Form.Lines=tien-mat", "Form_Lines", "Nội dung hỗ trợ đã chọn không có trong danh sách. Vui lòng chọn lại." },
        { "ho-tro", "Form.Lines=khac", "Form_OtherSupport", "Mô tả nội dung hỗ trợ khác mà cơ sở cần." },
        { "may-moc", "", "Form_Machine", "Mô tả máy móc, thiết bị hoặc công nghệ cần đầu tư." },
        { "may-moc", "", "Form_MachineCost", "Nhập giá trị dự kiến của máy móc, thiết bị." },
        { "may-moc", "Form.MachineCost=hai trăm triệu", "Form_MachineCost", "Giá trị máy móc, thiết bị phải là số tiền bằng chữ số, ví dụ 250.000.000." },
        { "du-an", "", "Form_Project", "Mô tả ngắn dự án hoặc nhu cầu của cơ sở." },
        { "du-an", "", "Form_Investment", "Nhập tổng vốn đầu tư dự kiến." },
        { "du-an", "", "Form_Own", "Nhập phần vốn cơ sở tự đóng góp." },
        { "du-an", "", "Form_Timing", "Chọn thời gian dự kiến thực hiện." },
        { "du-an", "Form.Investment=1e9", "Form_Investment", "Tổng vốn đầu tư phải là số tiền bằng chữ số, ví dụ 500.000.000." },
        { "du-an", "Form.Own=abc", "Form_Own", "Vốn tự đóng góp phải là số tiền bằng chữ số, ví dụ 300.000.000." },
        { "du-an", "Form.Investment=100&Form.Own=200", "Form_Own", "Vốn tự đóng góp không được lớn hơn tổng vốn đầu tư." },
        { "lien-he", "", "Form_ContactName", "Nhập họ và tên người liên hệ." },
        { "lien-he", "", "Form_ContactRole", "Nhập chức vụ của người liên hệ." },
        { "lien-he", "", "Form_Phone", "Nhập số điện thoại." },
        { "lien-he", "Form.Phone=12345", "Form_Phone", "Số điện thoại phải có 10 chữ số và bắt đầu bằng 0, ví dụ 0912 345 678." },
        { "lien-he", "Form.Email=khong-phai-email", "Form_Email", "Địa chỉ thư điện tử không đúng dạng, ví dụ ten@example.com." },
        { "lien-he", "Form.TaxCode=12345", "Form_TaxCode", "Mã số thuế phải có 10 hoặc 13 chữ số, ví dụ 1300123456." },
        { "lien-he", "Form.ContactName=A\u0007B", "Form_ContactName", "Họ và tên chứa ký tự điều khiển không hợp lệ. Vui lòng chỉ dùng chữ, số và dấu câu." },
        { "dong-y", "Form.ConsentNews=yes", "Form_ConsentHandling", "Đánh dấu ô đồng ý để chúng tôi có thể xem xét đề nghị hỗ trợ của bạn." },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Each_validation_message_is_in_the_summary_linked_to_its_field_and_inline(string step, string posted, string fieldId, string message)
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client, until: step);
        var fields = posted.Length == 0 ? [] : posted.Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();
        using var response = await PostAsync(client, "/dang-ky-ho-tro/" + step, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.StartsWith("Lỗi: ", page.Title, StringComparison.Ordinal);
        var link = page.QuerySelectorAll(".error-summary a").FirstOrDefault(a => a.GetAttribute("href") == "#" + fieldId);
        Assert.True(link is not null, $"no summary link to #{fieldId}: {page.QuerySelector(".error-summary")?.TextContent}");
        Assert.Equal(message, link.TextContent.Trim());
        Assert.NotNull(page.GetElementById(fieldId));
        Assert.Contains(message, page.GetElementById(fieldId + "-error")!.TextContent, StringComparison.Ordinal);
        // Answers typed are kept on error (text inputs).
        foreach (var (key, value) in fields.Where(f => f.Key is "Form.Phone" or "Form.Email" or "Form.Workers" or "Form.Own"))
        {
            Assert.Equal(value, page.GetElementById(key.Replace('.', '_'))!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task Without_machinery_the_machine_page_is_skipped_and_counted_out()
    {
        var answers = ValidAnswers();
        answers["ho-tro"] = Fields(("Form.Lines", "hoi-cho"));
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client, until: "ho-tro", answers: answers);
        using var post = await PostAsync(client, "/dang-ky-ho-tro/ho-tro", answers["ho-tro"]);
        Assert.Equal("/dang-ky-ho-tro/du-an", post.Headers.Location?.ToString());
        var project = await client.GetHtmlAsync("/dang-ky-ho-tro/du-an");
        Assert.Equal("Bước 6/9", project.QuerySelector(".step-count")!.TextContent.Trim());
        Assert.Equal("/dang-ky-ho-tro/ho-tro", project.QuerySelector(".back-link")!.GetAttribute("href"));
        using var machine = await client.GetAsync(new Uri("/dang-ky-ho-tro/may-moc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, machine.StatusCode);

        // Choosing machinery adds the page: 10 steps, and the machine question comes next.
        using var again = await PostAsync(client, "/dang-ky-ho-tro/ho-tro", ValidAnswers()["ho-tro"]);
        Assert.Equal("/dang-ky-ho-tro/may-moc", again.Headers.Location?.ToString());
        var machinePage = await client.GetHtmlAsync("/dang-ky-ho-tro/may-moc");
        Assert.Equal("Bước 6/10", machinePage.QuerySelector(".step-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_place_outside_the_province_leads_to_the_explanation_not_an_error()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client, until: "dia-diem");
        using var post = await PostAsync(client, "/dang-ky-ho-tro/dia-diem", Fields(("Form.Place", "ngoai-tinh")));
        Assert.Equal("/dang-ky-ho-tro/khong-du-dieu-kien", post.Headers.Location?.ToString());
        var page = await client.GetHtmlAsync("/dang-ky-ho-tro/khong-du-dieu-kien");
        Assert.Contains("Nghị định 45/2012/NĐ-CP", page.MainText(), StringComparison.Ordinal);
        using var next = await client.GetAsync(new Uri("/dang-ky-ho-tro/san-xuat", UriKind.Relative));
        Assert.Equal("/dang-ky-ho-tro/khong-du-dieu-kien", next.Headers.Location?.ToString());
        using var skip = await PostAsync(client, "/dang-ky-ho-tro/san-xuat", ValidAnswers()["san-xuat"]);
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
    }

    [Fact]
    public async Task Change_links_return_to_their_question_and_then_to_the_check_page()
    {
        var client = await FilledAsync();
        var check = await client.GetHtmlAsync("/dang-ky-ho-tro/kiem-tra");
        var links = check.QuerySelectorAll(".summary-action a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(check.QuerySelectorAll(".summary-row").Length, links.Count);
        foreach (var step in Steps)
        {
            Assert.Contains(links, l => l.StartsWith($"/dang-ky-ho-tro/{step}?doi=1#", StringComparison.Ordinal));
        }

        var phoneLink = links.Single(l => l.EndsWith("#Form_Phone", StringComparison.Ordinal));
        var page = await client.GetHtmlAsync(phoneLink.Split('#')[0]);
        Assert.Equal("/dang-ky-ho-tro/kiem-tra", page.QuerySelector(".back-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("input[name=doi][value='1']"));
        var fields = ValidAnswers()["lien-he"].Where(f => f.Key != "Form.Phone").ToList();
        fields.Add(new("Form.Phone", "+84 988 777 666"));
        fields.Add(new("doi", "1"));
        using var post = await PostAsync(client, "/dang-ky-ho-tro/lien-he", fields);
        Assert.Equal("/dang-ky-ho-tro/kiem-tra", post.Headers.Location?.ToString());
        var after = await client.GetHtmlAsync("/dang-ky-ho-tro/kiem-tra");
        Assert.Contains("0988777666", after.MainText(), StringComparison.Ordinal);

        // Changing the support lines to add machinery asks the new question before going back.
        var answers = ValidAnswers();
        answers["ho-tro"] = Fields(("Form.Lines", "dao-tao"));
        var other = site.NewBrowser();
        await StartAsync(other);
        await AnswerAsync(other, answers: answers);
        using var change = await PostAsync(other, "/dang-ky-ho-tro/ho-tro", Fields(("Form.Lines", "may-moc"), ("doi", "1")));
        Assert.Equal("/dang-ky-ho-tro/may-moc", change.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Skipped_steps_are_refused_and_unanswered_pages_redirect_to_the_first_missing_question()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        using var get = await client.GetAsync(new Uri("/dang-ky-ho-tro/lien-he", UriKind.Relative));
        Assert.Equal("/dang-ky-ho-tro/loai-hinh", get.Headers.Location?.ToString());
        using var check = await client.GetAsync(new Uri("/dang-ky-ho-tro/kiem-tra", UriKind.Relative));
        Assert.Equal("/dang-ky-ho-tro/loai-hinh", check.Headers.Location?.ToString());

        using var post = await PostAsync(client, "/dang-ky-ho-tro/lien-he", ValidAnswers()["lien-he"]);
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("Cần trả lời các câu hỏi theo thứ tự", (await ParseAsync(post)).MainText(), StringComparison.Ordinal);

        var key = await site.WithDbAsync((db, _) => db.RegistrationDrafts.OrderByDescending(d => d.Id).Select(d => d.Data).FirstAsync());
        Assert.DoesNotContain("Nguyễn Văn Mẫu", key, StringComparison.Ordinal);

        using var submit = await PostAsync(client, "/dang-ky-ho-tro/kiem-tra", Fields(("khoa", Guid.NewGuid().ToString())));
        Assert.Equal(HttpStatusCode.Conflict, submit.StatusCode);

        // Without any draft: a clear message, not an error page.
        var stranger = site.NewBrowser();
        using var orphan = await PostAsync(stranger, "/dang-ky-ho-tro/quy-mo", ValidAnswers()["quy-mo"]);
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.Contains("Không tìm thấy đơn đang điền", (await ParseAsync(orphan)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_or_replayed_submit_is_stored_once_and_later_steps_are_refused()
    {
        var client = await FilledAsync();
        var key = Guid.Parse(await KeyAsync(client));
        var token = await TokenAsync(client);
        var posts = Enumerable.Range(0, 4).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent([new("khoa", key.ToString()), new("__RequestVerificationToken", token)]);
            using var response = await client.PostAsync(new Uri("/dang-ky-ho-tro/kiem-tra", UriKind.Relative), content);
            return response.StatusCode;
        }).ToList();
        var codes = await Task.WhenAll(posts);
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.Redirect, c));
        Assert.Equal(1, await CountAsync(key));

        using var replay = await SubmitAsync(client, key.ToString());
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal(1, await CountAsync(key));

        using var step = await PostAsync(client, "/dang-ky-ho-tro/lien-he", ValidAnswers()["lien-he"]);
        Assert.Equal(HttpStatusCode.Conflict, step.StatusCode);
        Assert.Contains("Đơn này đã được gửi", (await ParseAsync(step)).MainText(), StringComparison.Ordinal);
        using var get = await client.GetAsync(new Uri("/dang-ky-ho-tro/lien-he", UriKind.Relative));
        Assert.Equal("/dang-ky-ho-tro/da-gui", get.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_submission_faster_than_the_minimum_fill_time_or_with_the_honeypot_is_not_stored()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client);
        var key = Guid.Parse(await KeyAsync(client));
        using var fast = await SubmitAsync(client, key.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
        Assert.Contains("Đơn được gửi quá nhanh", (await ParseAsync(fast)).MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(key));

        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using var bot = await PostAsync(client, "/dang-ky-ho-tro/kiem-tra", Fields(("khoa", key.ToString()), ("Form.Website", "http://spam.example")));
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Contains("Không thể tiếp nhận dữ liệu", (await ParseAsync(bot)).MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(key));

        using var stepBot = await PostAsync(client, "/dang-ky-ho-tro/loai-hinh", [.. ValidAnswers()["loai-hinh"], new("Form.Website", "x")]);
        Assert.Equal(HttpStatusCode.BadRequest, stepBot.StatusCode);

        using var ok = await SubmitAsync(client, key.ToString());
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(1, await CountAsync(key));
    }

    [Fact]
    public async Task An_expired_draft_warns_first_then_starts_again()
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        var page = await client.GetHtmlAsync("/dang-ky-ho-tro/loai-hinh");
        Assert.Contains("sẽ hết hạn lúc", page.QuerySelector("[data-expires-at]")!.TextContent, StringComparison.Ordinal);
        site.ManualClock.Advance(TimeSpan.FromMinutes(61));
        using var get = await client.GetAsync(new Uri("/dang-ky-ho-tro/loai-hinh", UriKind.Relative));
        Assert.Equal("/dang-ky-ho-tro?het-han=1", get.Headers.Location?.ToString());
        using var post = await PostAsync(client, "/dang-ky-ho-tro/loai-hinh", ValidAnswers()["loai-hinh"]);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("Phiên điền đơn đã hết hạn", (await ParseAsync(post)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_and_privacy_pages_list_the_programme_lines_and_the_rights()
    {
        var start = await site.NewBrowser().GetHtmlAsync("/dang-ky-ho-tro");
        var text = start.MainText();
        // The site's clock is in 2026: the 2021–2025 programme has ended, so the page registers interest and lists
        // every kind of support without the closed programme's targets (ProgramPeriodTests covers both sides of the date).
        Assert.Contains("giai đoạn 2021–2025 đã kết thúc ngày 31/12/2025", text, StringComparison.Ordinal);
        Assert.Contains("Máy móc thiết bị tiên tiến", text, StringComparison.Ordinal);
        Assert.DoesNotContain("70.500 triệu đồng", text, StringComparison.Ordinal);
        var privacy = await site.NewBrowser().GetHtmlAsync("/dang-ky-ho-tro/chinh-sach-du-lieu");
        Assert.Contains("91/2025/QH15", privacy.MainText(), StringComparison.Ordinal);
        var home = await site.NewBrowser().GetHtmlAsync("/");
        Assert.NotNull(home.QuerySelector("nav.main-nav a[href='/dang-ky-ho-tro']"));
    }
}
