using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace KhuyenCong.Web.Tests.Pages.Products;

/// <summary>
/// The site with the test fixtures of tests/…/Fixtures/showcase imported (3 establishments, 3 products with
/// generated images) and a spread of generated products (every group, level, round, district and kind), plus a
/// draft and a scheduled product that visitors must not see.
/// </summary>
public sealed class ShowcaseSiteFactory : SiteFactory, IAsyncLifetime
{
    private static readonly int[] Years = [2016, 2018, 2020, 2022, 2024];

    public static string FixtureFolder => Path.Combine(AppPaths.Root, "tests", "KhuyenCong.Web.Tests", "Fixtures", "showcase");

    private readonly ContentFolder contentCopy = CopyOfFixtures();

    public string ContentCopy => contentCopy.Path;

    public string ImportOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ImportOutput = await ImportAsync(ContentCopy);
        await WithDbAsync(async (db, sp) =>
        {
            var establishments = await db.Establishments.Where(e => e.Slug.StartsWith("fx-")).OrderBy(e => e.Slug).ToListAsync();
            var districts = await db.Places.Where(p => p.Level == PlaceLevel.District).OrderBy(p => p.Code).ToListAsync();
            var province = await db.Places.SingleAsync(p => p.Code == "ben-tre");
            var kinds = new[] { EstablishmentKind.CooperativeGroup, EstablishmentKind.Other };
            foreach (var kind in kinds)
            {
                establishments.Add(new Establishment { Name = $"Cơ sở sinh thêm {kind}", Slug = $"fx-gen-{kind.ToString().ToLowerInvariant()}", Kind = kind, ConsentedToPublish = true, PlaceId = districts[0].Id });
                db.Establishments.Add(establishments[^1]);
            }

            await db.SaveChangesAsync();
            var publisher = sp.GetRequiredService<ContentPublisher>();
            var items = new List<RoutedContent>();
            for (var i = 0; i < 16; i++)
            {
                var product = new Product
                {
                    Title = $"Sản phẩm sinh thêm số {i:00} dừa {(i % 2 == 0 ? "Bến Tre" : "xiêm")}",
                    Slug = $"fx-gen-{i:00}",
                    Summary = "Sản phẩm sinh cho kiểm thử.",
                    BodyMarkdown = "Nội dung.",
                    Status = ContentStatus.Published,
                    PublishAt = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * 17),
                    Group = (CnntGroup)(i % 4 + 1),
                    EstablishmentId = i % 7 == 6 ? null : establishments[i % establishments.Count].Id,
                    PlaceId = i % 9 == 8 ? province.Id : i % 11 == 10 ? null : districts[i % districts.Count].Id,
                    IsSample = true,
                };
                product.Certifications.Add(new ProductCertification { Level = (CertificationLevel)(i % 3 + 1), RoundYear = Years[i % 5] });
                if (i % 3 == 0)
                {
                    product.Certifications.Add(new ProductCertification { Level = CertificationLevel.Provincial, RoundYear = Years[(i + 2) % 5] });
                }

                db.Products.Add(product);
                items.Add(product);
            }

            var hidden = new[]
            {
                new Product { Title = "Sản phẩm nháp ẩn", Slug = "fx-draft", Status = ContentStatus.Draft, Group = CnntGroup.Handicraft },
                new Product { Title = "Sản phẩm hẹn giờ ẩn", Slug = "fx-scheduled", Status = ContentStatus.Published, PublishAt = DateTime.UtcNow.AddYears(5), Group = CnntGroup.Handicraft },
            };
            foreach (var h in hidden)
            {
                h.Certifications.Add(new ProductCertification { Level = CertificationLevel.National, RoundYear = 2024 });
                db.Products.Add(h);
                items.Add(h);
            }

            await publisher.SaveAsync(items, "test", "save");
            return 0;
        });
    }

    /// <summary>A copy of the fixture folder with its generated images.</summary>
    public static ContentFolder CopyOfFixtures()
    {
        var folder = ContentFolder.CopyOf(FixtureFolder, "kc-showcase-");
        var images = Path.Combine(folder.Path, "images", "fx");
        Directory.CreateDirectory(images);
        var colours = new Dictionary<string, Rgba32>
        {
            ["keo-dua-1.png"] = new(40, 140, 60), ["keo-dua-2.png"] = new(200, 180, 90),
            ["gao-dua-1.png"] = new(120, 80, 40), ["may-1.png"] = new(30, 90, 160),
        };
        foreach (var (name, colour) in colours)
        {
            using var image = new Image<Rgba32>(1200, 800, colour);
            image.SaveAsPng(Path.Combine(images, name));
        }

        return folder;
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        contentCopy.Dispose();
        return Task.CompletedTask;
    }
}
