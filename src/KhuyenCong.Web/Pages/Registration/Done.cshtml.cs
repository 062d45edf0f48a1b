using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>The confirmation, shown only for a committed registration found through the draft cookie.</summary>
public class DoneModel(RegistrationStore store, IOptions<SiteOptions> site) : RegistrationPageModel(store)
{
    public Models.Registration Registration { get; private set; } = null!;
    public SiteOptions Site => site.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Draft = await Store.LoadAsync(HttpContext, ct);
        if (Draft?.Row.RegistrationId is not { } id || await Store.FindAsync(id, ct) is not { } registration)
        {
            return Redirect(Start);
        }

        Registration = registration;
        Describe("Đã gửi đăng ký");
        return Page();
    }
}
