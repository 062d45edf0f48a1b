using System.Net;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Tests.Pages.Admin;

/// <summary>What every editor page of a content type answers: the sign-in page to a visitor, the page (never cached) to an editor.</summary>
internal static class StaffPages
{
    public static async Task AssertForEditorsOnlyAsync(SiteFactory site, string url)
    {
        using var anonymous = await site.NewBrowser().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("https://localhost/dang-nhap", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        var editor = await site.SignInAsync(Roles.Editor);
        using var response = await editor.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
