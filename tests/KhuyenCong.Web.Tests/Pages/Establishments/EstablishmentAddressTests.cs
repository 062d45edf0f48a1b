using System.Net;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin.Establishments;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Establishments;

/// <summary>
/// A published address never breaks, for producers too: after a rename in the editor area the old
/// /co-so/{slug} answers 301 with the new one, another producer cannot take the old address, and an
/// address the producer takes back stops redirecting.
/// </summary>
public sealed class EstablishmentAddressTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_renamed_producers_old_address_answers_301_with_the_new_one()
    {
        var e = await site.WithDbAsync((db, _) => db.Products.Where(p => p.Status == ContentStatus.Published && p.EstablishmentId != null)
            .OrderBy(p => p.Id).Select(p => p.Establishment!).FirstAsync());
        var oldSlug = e.Slug;
        var newSlug = oldSlug + "-moi";
        var url = $"/quan-tri/co-so/{e.Id}";
        Dictionary<string, string> Form(string slug) => new()
        {
            ["Input.Name"] = e.Name, ["Input.Slug"] = slug, ["Input.Kind"] = EstablishmentPicker.KindCode(e.Kind), ["Input.Address"] = e.Address,
            ["Input.Description"] = e.Description, ["Input.ConsentedToPublish"] = e.ConsentedToPublish ? "true" : "false",
        };

        var publisher = await site.SignInAsync(Roles.Publisher);
        using (var saved = await publisher.PostFormAsync(url, Form(newSlug)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var visitor = site.Browser();
        using (var old = await visitor.GetAsync(new Uri("/co-so/" + oldSlug, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/co-so/" + newSlug, old.Headers.Location?.ToString());
        }

        await visitor.GetHtmlAsync("/co-so/" + newSlug);

        // Another producer cannot take the old address while it redirects.
        var other = await site.WithDbAsync((db, _) => db.Establishments.Where(x => x.Id != e.Id).OrderBy(x => x.Id).FirstAsync());
        using (var taken = await publisher.PostFormAsync($"/quan-tri/co-so/{other.Id}", new()
        {
            ["Input.Name"] = other.Name, ["Input.Slug"] = oldSlug, ["Input.Kind"] = EstablishmentPicker.KindCode(other.Kind), ["Input.Address"] = other.Address,
            ["Input.Description"] = other.Description, ["Input.ConsentedToPublish"] = other.ConsentedToPublish ? "true" : "false",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        }

        // Taking the old address back serves the page there again, and the newer one now redirects.
        using (var back = await publisher.PostFormAsync(url, Form(oldSlug)))
        {
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        }

        await visitor.GetHtmlAsync("/co-so/" + oldSlug);
        using var newer = await visitor.GetAsync(new Uri("/co-so/" + newSlug, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, newer.StatusCode);
        await visitor.GetHtmlAsync("/co-so/khong-co-co-so-nay", HttpStatusCode.NotFound);
    }
}
