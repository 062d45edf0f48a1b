using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Pages.Products;

/// <summary>
/// The product list filters an in-memory copy of the products. Changes written straight to the database, as another
/// node of a scaled-out site would write them (its publisher moves the content change stamp in the same
/// transaction; no local invalidation here), must show on the next uncached request.
/// </summary>
public sealed class ProductCatalogTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
{
    private async Task<List<string>> ListedAsync(string query) =>
        (await site.Browser().GetHtmlAsync("/san-pham?" + query)).QuerySelectorAll("li.product-card").Select(li => li.GetAttribute("data-slug")!).ToList();

    /// <summary>A write of another node: the change and the moved stamp commit together.</summary>
    private Task<int> ElsewhereAsync(Func<AppDbContext, Task<int>> write) => site.WithDbAsync(async (db, _) =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var rows = await write(db);
        await ContentChanges.BumpAsync(db);
        await transaction.CommitAsync();
        return rows;
    });

    [Fact]
    public async Task Writes_from_elsewhere_are_seen_by_the_next_request()
    {
        var maker = await site.EstablishmentAsync("Cơ sở Bản sao Danh mục");
        var first = await site.ProductAsync(maker, "Bánh tráng bản sao");
        var key = first.Slug["san-pham-".Length..];
        Assert.Equal([first.Slug], await ListedAsync("tu-khoa=" + key));

        // A product added elsewhere.
        var second = await site.ProductAsync(maker, "Bánh tráng bản sao hai");
        var keySecond = second.Slug["san-pham-".Length..];
        Assert.Equal([second.Slug], await ListedAsync("tu-khoa=" + keySecond));
        Assert.Equal([second.Slug], await ListedAsync($"tu-khoa={keySecond}&loai-co-so=hop-tac-xa"));

        // The producer's kind changed elsewhere: the kind facet follows.
        await ElsewhereAsync(db => db.Establishments.Where(e => e.Id == maker.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Kind, EstablishmentKind.HouseholdBusiness).SetProperty(e => e.UpdatedAt, DateTime.UtcNow)));
        Assert.Equal([second.Slug], await ListedAsync($"tu-khoa={keySecond}&loai-co-so=ho-kinh-doanh"));
        Assert.Empty(await ListedAsync($"tu-khoa={keySecond}&loai-co-so=hop-tac-xa&sap-xep=ten"));

        // A certification added elsewhere: the level and round facets follow.
        await ElsewhereAsync(db =>
        {
            db.ProductCertifications.Add(new ProductCertification { ProductId = second.Id, Level = CertificationLevel.National, RoundYear = 2024 });
            return db.SaveChangesAsync();
        });
        Assert.Equal([second.Slug], await ListedAsync($"tu-khoa={keySecond}&cap=quoc-gia&nam=2024"));

        // Withdrawn and deleted elsewhere.
        await ElsewhereAsync(db => db.Products.Where(p => p.Id == first.Id).ExecuteDeleteAsync());
        Assert.Empty(await ListedAsync($"tu-khoa={key}&sap-xep=ten"));
    }

    [Fact]
    public async Task A_product_scheduled_for_later_is_listed_from_its_publication_time_without_a_save()
    {
        var maker = await site.EstablishmentAsync("Cơ sở Hẹn giờ Danh mục");
        var product = await site.ProductAsync(maker, "Kẹo dừa hẹn giờ");
        await ElsewhereAsync(db => db.Products.Where(p => p.Id == product.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.PublishAt, site.Clock!.GetUtcNow().UtcDateTime.AddHours(1)).SetProperty(p => p.UpdatedAt, DateTime.UtcNow)));
        var key = product.Slug["san-pham-".Length..];
        Assert.Empty(await ListedAsync("tu-khoa=" + key));
        site.Clock!.Advance(TimeSpan.FromHours(2));
        Assert.Equal([product.Slug], await ListedAsync($"tu-khoa={key}&sap-xep=ten"));
    }
}
