using System.Globalization;
using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.EntityFrameworkCore;
using static KhuyenCong.Web.Tests.Pages.Registration.RegistrationClient;

namespace KhuyenCong.Web.Tests.Pages.Registration;

/// <summary>The form's kinds and places come from the shared kind table and the place list (places.yml).</summary>
public sealed class RegistrationChoicesTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    private async Task<(Guid Key, HttpClient Client)> FilledAsync(Dictionary<string, List<KeyValuePair<string, string>>> answers)
    {
        var client = site.NewBrowser();
        await StartAsync(client);
        Assert.Equal("/dang-ky-ho-tro/kiem-tra", await AnswerAsync(client, answers: answers));
        site.ManualClock.Advance(TimeSpan.FromMinutes(2));
        return (Guid.Parse(await KeyAsync(client)), client);
    }

    [Fact]
    public async Task The_place_question_offers_the_former_districts_of_the_place_list_with_their_codes_and_names()
    {
        var listed = await site.WithDbAsync((db, _) => db.Places.AsNoTracking()
            .Where(p => p.Level == PlaceLevel.District && p.Parent!.Code == "ben-tre").OrderBy(p => p.Id).Select(p => new { p.Code, p.Name }).ToListAsync());
        Assert.NotEmpty(listed);
        var client = site.NewBrowser();
        await StartAsync(client);
        await AnswerAsync(client, until: RegistrationSteps.Place);
        var page = await client.GetHtmlAsync("/dang-ky-ho-tro/" + RegistrationSteps.Place);
        var offered = page.QuerySelectorAll("input[name='Form.Place']").Select(i => i.GetAttribute("value")).Where(v => v != "ngoai-tinh").ToList();
        Assert.Equal(listed.Select(p => p.Code), offered);
        var labels = page.QuerySelectorAll("input[name='Form.Place'] + label").Select(l => l.TextContent.Trim()).ToList();
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        Assert.Equal(listed.Select(p => char.ToUpper(p.Name[0], vi) + p.Name[1..]), labels.Take(listed.Count));
    }

    [Fact]
    public async Task A_registration_from_chau_thanh_is_stored_with_the_place_lists_code_and_the_inbox_filters_on_it()
    {
        var answers = ValidAnswers();
        answers[RegistrationSteps.Place] = Fields(("Form.Place", "huyen-chau-thanh-ben-tre"));
        var (key, client) = await FilledAsync(answers);
        var check = await client.GetHtmlAsync("/dang-ky-ho-tro/kiem-tra");
        Assert.Contains("Huyện Châu Thành", check.MainText(), StringComparison.Ordinal);
        using (var submit = await SubmitAsync(client, key.ToString()))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        var stored = await site.WithDbAsync((db, _) => db.Registrations.AsNoTracking().SingleAsync(r => r.IdempotencyKey == key));
        Assert.Equal(("huyen-chau-thanh-ben-tre", "Huyện Châu Thành"), (stored.PlaceCode, stored.PlaceName));
        var staff = await site.SignInAsync(Roles.Editor);
        var inbox = await staff.GetHtmlAsync("/quan-tri/dang-ky?dia-ban=huyen-chau-thanh-ben-tre");
        Assert.Contains(stored.Reference, inbox.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_kind_is_stored_as_the_kind_producers_have_and_shown_and_filtered_by_its_name()
    {
        var answers = ValidAnswers();
        answers[RegistrationSteps.Type] = Fields(("Form.Type", "khac"), ("Form.OtherType", "Làng nghề"), ("Form.EstablishmentName", "Làng nghề bánh tráng Mỹ Lồng"));
        var (key, client) = await FilledAsync(answers);
        var check = await client.GetHtmlAsync("/dang-ky-ho-tro/kiem-tra");
        Assert.Contains("Loại hình khác: Làng nghề", check.MainText(), StringComparison.Ordinal);
        using (var submit = await SubmitAsync(client, key.ToString()))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        var stored = await site.WithDbAsync((db, _) => db.Registrations.AsNoTracking().SingleAsync(r => r.IdempotencyKey == key));
        Assert.Equal(EstablishmentKind.Other, stored.EstablishmentType);
        Assert.Equal("Khác", EstablishmentKinds.Label(stored.EstablishmentType));
        var staff = await site.SignInAsync(Roles.Editor);
        var inbox = await staff.GetHtmlAsync("/quan-tri/dang-ky?loai=khac");
        Assert.Contains(stored.Reference, inbox.MainText(), StringComparison.Ordinal);
        var detail = await staff.GetHtmlAsync($"/quan-tri/dang-ky/{stored.Id}");
        // The staff page words the answer as the check page does (RegistrationFields).
        Assert.Contains("Loại hình khác: Làng nghề", detail.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_page_and_the_export_name_the_answers_alike()
    {
        var (_, client) = await FilledAsync(ValidAnswers());
        var check = await client.GetHtmlAsync("/dang-ky-ho-tro/kiem-tra");
        var labels = check.QuerySelectorAll("dt").Select(d => d.TextContent.Trim()).ToList();
        Assert.NotEmpty(labels);
        // Every answer the export has a column for carries the check page's name for it.
        var exported = RegistrationExport.Header.Skip(3).SkipLast(1).ToList();
        Assert.All(exported.Where(h => h is not ("Chức vụ" or "Đồng ý nhận tin")), h => Assert.Contains(h, labels));
    }
}
