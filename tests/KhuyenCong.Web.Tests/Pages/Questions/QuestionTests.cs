using System.Net;
using System.Text;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Registrations;
using KhuyenCong.Web.Tests.Pages.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.Web.Tests.Pages.Questions.QuestionClient;

namespace KhuyenCong.Web.Tests.Pages.Questions;

/// <summary>"Hỏi đáp": asking, confirmation, lookup, the staff inbox, publishing without personal data, personal data rules.</summary>
public sealed class QuestionTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    private async Task<(long Id, string Reference)> AskOneAsync(Dictionary<string, string>? fields = null)
    {
        var client = site.NewBrowser();
        var form = await OpenAsync(client);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using var response = await AskAsync(client, fields ?? Valid(), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hoi-dap/da-gui", response.Headers.Location?.ToString());
        var done = await client.GetHtmlAsync("/hoi-dap/da-gui");
        var reference = done.QuerySelector(".reference strong")!.TextContent.Trim();
        Assert.Matches(@"^HD-\d{4}-\d{6}$", reference);
        var id = await site.WithDbAsync((db, _) => db.Questions.Where(q => q.Reference == reference).Select(q => q.Id).SingleAsync());
        return (id, reference);
    }

    private Task<int> CountAsync() => site.WithDbAsync((db, _) => db.Questions.CountAsync());

    [Fact]
    public async Task A_question_is_stored_with_its_consent_version_and_found_by_reference_and_email_or_phone()
    {
        var (id, reference) = await AskOneAsync();
        var stored = await site.WithDbAsync((db, _) => db.Questions.Include(q => q.Events).SingleAsync(q => q.Id == id));
        Assert.Equal(KhuyenCong.Web.Services.Questions.QuestionCatalog.ConsentVersion, stored.ConsentVersion);
        Assert.True(stored.ConsentPublish);
        Assert.Equal("0912345678", stored.Phone);
        Assert.Equal(QuestionStatus.Received, stored.Status);
        Assert.Single(stored.Events);

        var visitor = site.NewBrowser();
        using (var byEmail = await LookupAsync(visitor, reference.ToLowerInvariant(), "HOA@example.vn"))
        {
            Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
            Assert.Contains("Đã tiếp nhận", (await ParseAsync(byEmail)).MainText(), StringComparison.Ordinal);
        }

        using (var byPhone = await LookupAsync(visitor, reference, "+84 912 345 678"))
        {
            Assert.Equal(HttpStatusCode.OK, byPhone.StatusCode);
        }

        using var wrong = await LookupAsync(visitor, reference, "0999999999");
        using var unknown = await LookupAsync(visitor, "HD-2026-999999", "hoa@example.vn");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var wrongText = (await ParseAsync(wrong)).QuerySelector(".error-summary")!.TextContent;
        Assert.Equal(wrongText, (await ParseAsync(unknown)).QuerySelector(".error-summary")!.TextContent);
        Assert.DoesNotContain("Nguyễn Thị Hoa", (await ParseAsync(wrong)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lookup_is_a_post_and_its_pages_are_never_cached()
    {
        var client = site.NewBrowser();
        var page = await client.GetHtmlAsync("/hoi-dap/tra-cuu");
        Assert.Equal("post", page.QuerySelector("main form")!.GetAttribute("method"));
        using var response = await client.GetAsync(new Uri("/hoi-dap/dat-cau-hoi", UriKind.Relative));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        // Two visitors get different antiforgery tokens: the form page is not served from the output cache.
        var first = await OpenAsync(site.NewBrowser());
        var second = await OpenAsync(site.NewBrowser());
        Assert.NotEqual(first.Token, second.Token);
        Assert.NotEqual(first.Ticket, second.Ticket);
    }

    [Fact]
    public async Task Honeypot_fast_submission_forged_ticket_and_missing_fields_are_refused_in_vietnamese_without_writing()
    {
        var before = await CountAsync();
        var client = site.NewBrowser();
        var form = await OpenAsync(client);
        using (var fast = await AskAsync(client, Valid(), form))
        {
            Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
            Assert.Contains("nhanh", (await ParseAsync(fast)).MainText(), StringComparison.Ordinal);
            // Answers are kept on error.
            Assert.Equal("Nguyễn Thị Hoa", (await ParseAsync(fast)).QuerySelector("#Form_Name")!.GetAttribute("value"));
        }

        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        var bot = Valid();
        bot["Form.Website"] = "http://spam.example";
        using (var honeypot = await AskAsync(client, bot, form))
        {
            Assert.Equal(HttpStatusCode.BadRequest, honeypot.StatusCode);
        }

        using (var forged = await AskAsync(client, Valid(), (form.Token, "CfDJ8forged")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.True(HasVietnamese((await ParseAsync(forged)).MainText()));
        }

        var noContact = Valid();
        noContact.Remove("Form.Email");
        noContact.Remove("Form.Phone");
        noContact["Form.Topic"] = "9";
        using (var missing = await AskAsync(client, noContact, form))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            var doc = await ParseAsync(missing);
            Assert.StartsWith("Lỗi:", doc.Title, StringComparison.Ordinal);
            var summary = doc.QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("thư điện tử hoặc số điện thoại", summary, StringComparison.Ordinal);
            Assert.Contains("lĩnh vực", summary, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_double_submission_of_one_form_stores_one_question()
    {
        var before = await CountAsync();
        var client = site.NewBrowser();
        var form = await OpenAsync(client);
        site.ManualClock.Advance(TimeSpan.FromMinutes(1));
        using var first = await AskAsync(client, Valid("Câu hỏi gửi hai lần"), form);
        using var second = await AskAsync(client, Valid("Câu hỏi gửi hai lần"), form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Staff_answer_the_asker_sees_it_and_a_publisher_publishes_it_without_personal_data()
    {
        var (id, reference) = await AskOneAsync(Valid("Máy đóng gói kẹo dừa được hỗ trợ bao nhiêu?"));
        var editor = await site.SignInAsync(Roles.Editor);
        var inbox = await editor.GetHtmlAsync("/quan-tri/cau-hoi?q=" + Uri.EscapeDataString(reference));
        Assert.Contains(reference, inbox.MainText(), StringComparison.Ordinal);
        using (var answer = await editor.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Answer",
                   new() { ["tra-loi"] = "Mức hỗ trợ tối đa **50%** chi phí máy móc. <script>alert(1)</script>" }, $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        // An editor may answer but not publish.
        using (var refused = await editor.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Publish",
                   new() { ["tieu-de-cong-khai"] = "Máy đóng gói", ["cau-hoi-cong-khai"] = "Hỏi về máy đóng gói." }, $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.ToString().Contains("/loi/403", StringComparison.Ordinal) == true);
        }

        var visitor = site.NewBrowser();
        using (var lookup = await LookupAsync(visitor, reference, "0912345678"))
        {
            var doc = await ParseAsync(lookup);
            Assert.Contains("Đã trả lời", doc.MainText(), StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("main .prose strong"));
            Assert.Null(doc.QuerySelector("main script"));
        }

        var publisher = await site.SignInAsync(Roles.Publisher);
        using (var publish = await publisher.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Publish",
                   new() { ["tieu-de-cong-khai"] = "Máy đóng gói kẹo dừa được hỗ trợ bao nhiêu?", ["cau-hoi-cong-khai"] = "Một cơ sở làm kẹo dừa hỏi mức hỗ trợ mua máy đóng gói." },
                   $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        }

        var (slug, status) = await site.WithDbAsync(async (db, _) =>
        {
            var q = await db.Questions.SingleAsync(x => x.Id == id);
            var item = await db.QaItems.SingleAsync(x => x.Id == q.QaItemId);
            return (item.Slug, q.Status);
        });
        Assert.Equal(QuestionStatus.Published, status);
        var page = await visitor.GetHtmlAsync("/hoi-dap/" + slug);
        var html = page.DocumentElement.OuterHtml;
        foreach (var personal in new[] { "Nguyễn Thị Hoa", "Thanh Long", "hoa@example.vn", "0912345678", "Mỏ Cày Nam" })
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        }

        Assert.Contains("\"FAQPage\"", html, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main script:not([type='application/ld+json'])"));
        var list = await visitor.GetHtmlAsync("/hoi-dap?chu-de=1");
        Assert.NotNull(list.QuerySelector($"main a[href='/hoi-dap/{slug}']"));
        var search = await visitor.GetHtmlAsync("/tim-kiem?q=" + Uri.EscapeDataString("may dong goi keo dua"));
        Assert.NotNull(search.QuerySelector($"main a[href='/hoi-dap/{slug}']"));
        var sitemap = await visitor.GetStringAsync(new Uri("/sitemap-qa-1.xml", UriKind.Relative));
        Assert.Contains("/hoi-dap/" + slug, sitemap, StringComparison.Ordinal);
        var feed = await visitor.GetStringAsync(new Uri("/hoi-dap/rss.xml", UriKind.Relative));
        Assert.Contains("/hoi-dap/" + slug, feed, StringComparison.Ordinal);
        var audit = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("question-answer", audit);
        Assert.Contains("question-publish", audit);
    }

    [Fact]
    public async Task Without_the_askers_consent_nothing_is_published()
    {
        var fields = Valid("Câu hỏi riêng tư về thuế");
        fields.Remove("Form.ConsentPublish");
        var (id, _) = await AskOneAsync(fields);
        var publisher = await site.SignInAsync(Roles.Publisher);
        using (var answer = await publisher.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Answer", new() { ["tra-loi"] = "Trả lời riêng." }, $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        var before = await site.WithDbAsync((db, _) => db.QaItems.CountAsync());
        using var publish = await publisher.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Publish",
            new() { ["tieu-de-cong-khai"] = "Thuế", ["cau-hoi-cong-khai"] = "Hỏi về thuế." }, $"/quan-tri/cau-hoi/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("không đồng ý", (await ParseAsync(publish)).MainText(), StringComparison.Ordinal);
        Assert.Equal(before, await site.WithDbAsync((db, _) => db.QaItems.CountAsync()));
    }

    [Fact]
    public async Task Scripts_in_every_field_are_text_in_staff_views_and_never_formulas_in_the_csv()
    {
        var fields = Valid("<script>alert('tieu-de')</script>");
        fields["Form.Text"] = "\"><img src=x onerror=alert(1)>";
        fields["Form.Name"] = "=HYPERLINK(\"http://evil.example\",\"bấm\")";
        fields["Form.Organisation"] = "+cmd|' /C calc'!A0";
        fields["Form.Email"] = "x@example.vn";
        var (id, reference) = await AskOneAsync(fields);
        var staff = await site.SignInAsync(Roles.Editor);
        using (var note = await staff.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Note", new() { ["ghi-chu"] = "<script>alert('note')</script>" }, $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }

        foreach (var url in new[] { $"/quan-tri/cau-hoi/{id}", "/quan-tri/cau-hoi" })
        {
            var page = await staff.GetHtmlAsync(url);
            Assert.Null(page.QuerySelector("main script"));
            Assert.Null(page.QuerySelector("main img[onerror]"));
            Assert.Contains("<script>alert('tieu-de')</script>", page.MainText(), StringComparison.Ordinal);
        }

        var csv = Encoding.UTF8.GetString(await staff.GetByteArrayAsync(new Uri("/quan-tri/cau-hoi?handler=csv&q=" + Uri.EscapeDataString(reference), UriKind.Relative)));
        Assert.Contains(reference, csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'+cmd", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_and_erase_one_persons_data_are_audited_and_retention_erases_old_questions()
    {
        var (id, reference) = await AskOneAsync(Valid("Câu hỏi sẽ bị xóa"));
        var staff = await site.SignInAsync(Roles.Editor);
        using (var export = await staff.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Export", [], $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var json = await export.Content.ReadAsStringAsync();
            Assert.Contains("Nguyễn Thị Hoa", json, StringComparison.Ordinal);
            Assert.Contains(KhuyenCong.Web.Services.Questions.QuestionCatalog.ConsentVersion, json, StringComparison.Ordinal);
        }

        using (var wrong = await staff.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Erase", new() { ["xac-nhan"] = "sai" }, $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var erase = await staff.PostFormAsync($"/quan-tri/cau-hoi/{id}?handler=Erase", new() { ["xac-nhan"] = reference }, $"/quan-tri/cau-hoi/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        }

        var erased = await site.WithDbAsync((db, _) => db.Questions.SingleAsync(q => q.Id == id));
        Assert.NotNull(erased.PersonalDataErasedAt);
        Assert.Null(erased.AskerName);
        Assert.Null(erased.Email);
        Assert.Null(erased.Phone);
        Assert.Null(erased.Text);
        var actions = await site.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("question-export-person", actions);
        Assert.Contains("question-erase-person", actions);

        // Retention: a question older than the registration's retention period loses its personal data.
        var (oldId, _) = await AskOneAsync(Valid("Câu hỏi cũ"));
        var days = site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RegistrationOptions>>().Value.RetentionDays;
        site.ManualClock.Advance(TimeSpan.FromDays(days + 1));
        await site.Services.GetRequiredService<RegistrationRetention>().RunOnceAsync();
        var old = await site.WithDbAsync((db, _) => db.Questions.SingleAsync(q => q.Id == oldId));
        Assert.NotNull(old.PersonalDataErasedAt);
        Assert.Null(old.AskerName);
    }

    [Fact]
    public async Task Every_field_of_the_ask_form_answers_bad_input_with_a_vietnamese_4xx_and_no_partial_write()
    {
        var client = site.NewBrowser();
        var fieldNames = Valid().Keys.Append("Form.Website").ToList();
        var failures = new List<string>();
        foreach (var field in fieldNames)
        {
            foreach (var (name, encoded) in RegistrationBadInputTests.Corpus())
            {
                var form = await OpenAsync(client);
                site.ManualClock.Advance(TimeSpan.FromMinutes(1));
                var before = await CountAsync();
                var fields = Valid().Where(f => f.Key != field).Select(f => (f.Key, Uri.EscapeDataString(f.Value))).Append((field, encoded));
                using var response = await AskRawAsync(client, fields, form);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var after = await CountAsync();
                if (status >= 500)
                {
                    failures.Add($"{field} × {name}: {status}");
                }
                else if (status == 302 && after != before + 1)
                {
                    failures.Add($"{field} × {name}: accepted but {after - before} rows written");
                }
                else if (status != 302 && (after != before || status is < 400 or >= 500 || !HasVietnamese(body)))
                {
                    failures.Add($"{field} × {name}: {status}, {after - before} rows written, Vietnamese message: {HasVietnamese(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_lookup_answers_bad_input_with_a_vietnamese_4xx()
    {
        var client = site.NewBrowser();
        var token = (await client.GetHtmlAsync("/hoi-dap/tra-cuu")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var failures = new List<string>();
        foreach (var field in new[] { "ma-so", "lien-he" })
        {
            foreach (var (name, encoded) in RegistrationBadInputTests.Corpus())
            {
                var other = field == "ma-so" ? "lien-he=0912345678" : "ma-so=HD-2026-000001";
                var body = $"{field}={encoded}&{other}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
                using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
                using var response = await client.PostAsync(new Uri("/hoi-dap/tra-cuu", UriKind.Relative), content);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode is < 400 or >= 500 || !HasVietnamese(text))
                {
                    failures.Add($"{field} × {name}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Editors_write_a_curated_faq_item_through_the_publisher()
    {
        var publisher = await site.SignInAsync(Roles.Publisher);
        using var create = await publisher.PostFormAsync("/quan-tri/hoi-dap/them", new()
        {
            ["action"] = "publish", ["Input.Title"] = "Hồ sơ đề nghị hỗ trợ gồm những gì?", ["Input.Body"] = "Gồm **đề án** và bản sao giấy đăng ký.",
            ["Extra.Topic"] = "0", ["Extra.QuestionText"] = "Tôi cần chuẩn bị giấy tờ gì?",
        }, "/quan-tri/hoi-dap/them");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var item = await site.WithDbAsync((db, _) => db.QaItems.SingleAsync(q => q.Title == "Hồ sơ đề nghị hỗ trợ gồm những gì?"));
        Assert.Equal(0, item.Topic);
        var revisions = await site.WithDbAsync((db, _) => db.Revisions.CountAsync(r => r.ContentType == nameof(QaItem) && r.ContentId == item.Id));
        Assert.Equal(1, revisions);
        var page = await site.NewBrowser().GetHtmlAsync("/hoi-dap/" + item.Slug);
        Assert.Contains("Tôi cần chuẩn bị giấy tờ gì?", page.MainText(), StringComparison.Ordinal);
        var other = await site.NewBrowser().GetHtmlAsync("/hoi-dap?chu-de=0");
        Assert.NotNull(other.QuerySelector($"main a[href='/hoi-dap/{item.Slug}']"));

        // A slug that is one of the form's own addresses is refused.
        using var reserved = await publisher.PostFormAsync("/quan-tri/hoi-dap/them", new()
        {
            ["action"] = "save", ["Input.Title"] = "Tra cứu", ["Input.Slug"] = "tra-cuu", ["Extra.Topic"] = "1", ["Extra.QuestionText"] = "?",
        }, "/quan-tri/hoi-dap/them");
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
    }
}
