using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: create, edit and delete of a record that is not routed content, so it has no ContentEditModel to lean
// on; the fields parse themselves in EstablishmentInput.cs.
namespace KhuyenCong.Web.Pages.Admin.Establishments;

/// <summary>
/// Create, edit or delete an establishment. Establishments are records, not routed content, but they follow the
/// workflow's rule: an editor may create one and change one that no published item shows yet (like a draft); once a
/// published product, showroom or fair shows it, only a publisher or an admin may change it. Every change is in the
/// audit log and evicts the cached public pages that show it.
/// </summary>
public class EditModel(AppDbContext db, ContentPublisher publisher, TimeProvider clock, ISearchIndex search) : SitePageModel
{
    [BindProperty] public EstablishmentInput Input { get; set; } = new();
    public Establishment? Item { get; private set; }
    public int ProductCount { get; private set; }
    /// <summary>A published product, showroom or fair shows this establishment.</summary>
    public bool IsPublic { get; private set; }
    /// <summary>Whether this user may save the form: publishers always, editors only while nothing published shows it.</summary>
    public bool CanEdit => Workflow.CanPublish(User) || !IsPublic;
    public IReadOnlyList<(string Code, string Name)> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Item is { } e)
        {
            Input = new EstablishmentInput
            {
                Name = e.Name, Slug = e.Slug, Kind = EstablishmentPicker.KindCode(e.Kind), Address = e.Address,
                Place = e.Place?.Code, Representative = e.Representative, Phone = e.Phone, Email = e.Email, Website = e.Website,
                Description = e.Description, ConsentedToPublish = e.ConsentedToPublish, IsSample = e.IsSample,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var parsed = await Input.ParseAsync(db, ModelState, Item?.Id ?? 0, ct);
        if (!ModelState.IsValid)
        {
            MarkRefused();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = Item ?? new Establishment { Name = "", Slug = "", CreatedAt = now };
        Func<Task>? forgetSlugs = null;
        if (Item is not null && Item.Slug != parsed.Slug)
        {
            // A published address never breaks: the old one answers 301 with the new one (as for routed content);
            // an old address the establishment takes back stops redirecting (in the save's transaction).
            var oldSlug = Item.Slug;
            forgetSlugs = () => db.SlugRedirects.Where(r => r.ContentType == nameof(Establishment) && (r.OldSlug == parsed.Slug || r.OldSlug == oldSlug)).ExecuteDeleteAsync(ct);
            db.SlugRedirects.Add(new SlugRedirect { ContentType = nameof(Establishment), OldSlug = oldSlug, ContentId = Item.Id, CreatedAt = now });
        }

        Input.ApplyTo(item, parsed);
        item.UpdatedAt = now;
        item.UpdatedBy = User.Identity?.Name;
        if (Item is null)
        {
            db.Establishments.Add(item);
        }

        await publisher.SaveOtherAsync(Item is null ? "create" : "update", nameof(Establishment),
            () => (item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Name), [item.Id], forgetSlugs, ct);
        TempData["Flash"] = "Đã lưu.";
        return Redirect($"/quan-tri/co-so/{item.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!Workflow.CanPublish(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct) || Item is null)
        {
            return NotFound();
        }

        var used = ProductCount > 0
            || await db.Showrooms.AnyAsync(s => s.EstablishmentId == id, ct)
            || await db.FairParticipations.AnyAsync(f => f.EstablishmentId == id, ct);
        if (used)
        {
            ModelState.AddModelError("", "Không xóa được: cơ sở còn gắn với sản phẩm, phòng trưng bày hoặc hội chợ.");
            MarkRefused(StatusCodes.Status409Conflict);
            return Page();
        }

        db.Establishments.Remove(Item);
        await publisher.SaveOtherAsync("delete", nameof(Establishment), () => (id.ToString(System.Globalization.CultureInfo.InvariantCulture), Item.Name), [],
            async () =>
            {
                await db.SlugRedirects.Where(r => r.ContentType == nameof(Establishment) && r.ContentId == id).ExecuteDeleteAsync(ct);
                await search.RemoveAsync(db, SearchKinds.Establishment, id, ct);
            }, ct);
        TempData["Flash"] = $"Đã xóa “{Item.Name}”.";
        return Redirect("/quan-tri/co-so");
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Places = (await PlaceHistory.LoadAsync(db, ct)).FilterChoices().Select(p => (p.Code, p.Name)).ToList();
        if (id is not null)
        {
            Item = await db.Establishments.Include(e => e.Place).FirstOrDefaultAsync(e => e.Id == id, ct);
            if (Item is null)
            {
                return false;
            }

            ProductCount = await db.Products.CountAsync(p => p.EstablishmentId == id, ct);
            IsPublic = await IsShownPubliclyAsync(db, id.Value, ct);
        }

        PageTitle = Item is null ? "Thêm cơ sở" : $"Sửa cơ sở: {Item.Name}";
        return true;
    }

    /// <summary>
    /// Whether a published item (scheduled ones included: they go live without another review) shows the
    /// establishment: a product, a showroom, or a fair it takes part in.
    /// </summary>
    public static async Task<bool> IsShownPubliclyAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Products.AnyAsync(p => p.EstablishmentId == id && p.Status == ContentStatus.Published, ct)
        || await db.Showrooms.AnyAsync(s => s.EstablishmentId == id && s.Status == ContentStatus.Published, ct)
        || await db.FairParticipations.AnyAsync(f => f.EstablishmentId == id && f.Fair!.Status == ContentStatus.Published, ct);

}
