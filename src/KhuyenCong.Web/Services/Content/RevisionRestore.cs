using System.Text.Json;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// Puts the content of a revision snapshot back on an item: every stored column the editor edits, and the lists kept
/// beside it (certifications, galleries, shops, support, tags, displayed products, fair participants). The item's
/// identity, address, workflow state and bookkeeping stay as they are now; the caller saves it as a draft.
/// A reference that no longer exists (a deleted topic, establishment or product) keeps the current value and is
/// reported, so the editor knows what to check.
/// </summary>
public sealed class RevisionRestore(AppDbContext db)
{
    /// <summary>Columns a restore never changes: identity and URL, workflow and schedule, bookkeeping, derived HTML.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        nameof(RoutedContent.Id), nameof(RoutedContent.Slug), nameof(RoutedContent.Status), nameof(RoutedContent.PublishAt),
        nameof(RoutedContent.UnpublishAt), nameof(RoutedContent.WentLiveAt), nameof(RoutedContent.CreatedAt),
        nameof(RoutedContent.UpdatedAt), nameof(RoutedContent.UpdatedBy), nameof(RoutedContent.ReviewNote),
        nameof(RoutedContent.SourcePath), nameof(RoutedContent.SourceHash), nameof(RoutedContent.BodyHtml),
        nameof(RoutedContent.IsSample), nameof(Fair.ResultsHtml), nameof(Document.CommentSummaryHtml),
        nameof(Product.HighestLevel), nameof(Product.LatestRoundYear),
    };

    /// <summary>Applies the snapshot to the tracked item; returns what could not be restored, in Vietnamese.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(RoutedContent item, IReadOnlyDictionary<string, JsonElement> snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<string>();
        var entry = db.Entry(item);
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            if (Kept.Contains(meta.Name) || meta.IsPrimaryKey() || meta.IsConcurrencyToken
                || (meta.IsShadowProperty() && !meta.IsForeignKey())
                || !snapshot.TryGetValue(meta.Name, out var stored))
            {
                continue;
            }

            object? value;
            try
            {
                value = stored.Deserialize(meta.ClrType);
            }
            catch (JsonException)
            {
                problems.Add($"Không đọc được trường {meta.Name} của phiên bản cũ; giữ giá trị hiện tại.");
                continue;
            }

            if (value is null && !meta.IsNullable)
            {
                continue;
            }

            if (value is not null && meta.IsForeignKey() && !await ReferenceExistsAsync(meta, value, ct))
            {
                problems.Add($"Bản ghi liên kết ({meta.Name} = {value}) của phiên bản cũ không còn; giữ liên kết hiện tại.");
                continue;
            }

            property.CurrentValue = value;
        }

        switch (item)
        {
            case Product product:
                await RestoreProductListsAsync(product, snapshot, ct);
                break;
            case Article article:
                await RestoreTagsAsync(article, snapshot, ct);
                break;
            case Showroom showroom:
                Replace(showroom.Gallery, snapshot, "Gallery");
                await RestoreDisplayedProductsAsync(showroom, snapshot, problems, ct);
                break;
            case Fair fair:
                Replace(fair.Gallery, snapshot, "Gallery");
                await RestoreParticipantsAsync(fair, snapshot, problems, ct);
                break;
        }

        return problems;
    }

    private async Task<bool> ReferenceExistsAsync(IProperty property, object value, CancellationToken ct)
    {
        var principal = property.GetContainingForeignKeys().First().PrincipalEntityType.ClrType;
        return await db.FindAsync(principal, [value], ct) is not null;
    }

    /// <summary>Replaces a list with the snapshot's copy; an older snapshot without the list leaves it as it is.</summary>
    private static bool Replace<T>(List<T> list, IReadOnlyDictionary<string, JsonElement> snapshot, string key)
    {
        if (!snapshot.TryGetValue(key, out var stored) || stored.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var restored = stored.Deserialize<List<T>>() ?? [];
        list.Clear();
        list.AddRange(restored);
        return true;
    }

    private async Task RestoreProductListsAsync(Product product, IReadOnlyDictionary<string, JsonElement> snapshot, CancellationToken ct)
    {
        Replace(product.Gallery, snapshot, "Gallery");
        Replace(product.WhereToBuy, snapshot, "WhereToBuy");
        Replace(product.Support, snapshot, "Support");
        await db.Entry(product).Collection(p => p.Certifications).LoadAsync(ct);
        var certifications = new List<ProductCertification>();
        if (Replace(certifications, snapshot, "Certifications"))
        {
            product.Certifications.Clear();
            product.Certifications.AddRange(certifications.Select(c => new ProductCertification
            {
                Level = c.Level, RoundYear = c.RoundYear, DecisionNumber = c.DecisionNumber, DecisionDate = c.DecisionDate, Issuer = c.Issuer,
            }));
        }
    }

    private async Task RestoreTagsAsync(Article article, IReadOnlyDictionary<string, JsonElement> snapshot, CancellationToken ct)
    {
        var names = new List<string>();
        if (!Replace(names, snapshot, "Tags"))
        {
            return;
        }

        await db.Entry(article).Collection(a => a.Tags).LoadAsync(ct);
        var slugs = names.Select(Slugifier.Slugify).ToList();
        article.Tags.RemoveAll(t => !slugs.Contains(t.Slug));
        foreach (var name in names)
        {
            var slug = Slugifier.Slugify(name);
            if (slug.Length == 0 || article.Tags.Any(t => t.Slug == slug))
            {
                continue;
            }

            article.Tags.Add(db.Tags.Local.FirstOrDefault(t => t.Slug == slug)
                ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct)
                ?? new Tag { Name = name, Slug = slug });
        }
    }

    private async Task RestoreDisplayedProductsAsync(Showroom showroom, IReadOnlyDictionary<string, JsonElement> snapshot, List<string> problems, CancellationToken ct)
    {
        var ids = new List<int>();
        if (!Replace(ids, snapshot, "Products"))
        {
            return;
        }

        await db.Entry(showroom).Collection(s => s.Products).LoadAsync(ct);
        var products = await db.Products.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (products.Count < ids.Distinct().Count())
        {
            problems.Add($"{ids.Distinct().Count() - products.Count} sản phẩm trưng bày của phiên bản cũ đã bị xóa.");
        }

        showroom.Products.RemoveAll(p => !products.Any(q => q.Id == p.Id));
        showroom.Products.AddRange(products.Where(p => !showroom.Products.Any(q => q.Id == p.Id)));
    }

    private async Task RestoreParticipantsAsync(Fair fair, IReadOnlyDictionary<string, JsonElement> snapshot, List<string> problems, CancellationToken ct)
    {
        var rows = new List<FairParticipation>();
        if (!Replace(rows, snapshot, "Participants"))
        {
            return;
        }

        await db.Entry(fair).Collection(f => f.Participants).LoadAsync(ct);
        var wanted = rows.Select(r => r.EstablishmentId).Distinct().ToList();
        var existing = await db.Establishments.Where(e => wanted.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        if (existing.Count < wanted.Count)
        {
            problems.Add($"{wanted.Count - existing.Count} cơ sở tham gia của phiên bản cũ đã bị xóa.");
        }

        rows = rows.Where(r => existing.Contains(r.EstablishmentId)).DistinctBy(r => r.EstablishmentId).ToList();
        fair.Participants.RemoveAll(p => !rows.Any(r => r.EstablishmentId == p.EstablishmentId));
        foreach (var row in rows)
        {
            var current = fair.Participants.FirstOrDefault(p => p.EstablishmentId == row.EstablishmentId);
            if (current is null)
            {
                fair.Participants.Add(new FairParticipation { EstablishmentId = row.EstablishmentId, Booth = row.Booth, ProgrammeSupported = row.ProgrammeSupported });
            }
            else
            {
                current.Booth = row.Booth;
                current.ProgrammeSupported = row.ProgrammeSupported;
            }
        }
    }
}
