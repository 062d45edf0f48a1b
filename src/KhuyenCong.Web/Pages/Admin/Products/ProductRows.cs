using System.Globalization;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KhuyenCong.Web.Pages.Admin.Products;

/// <summary>
/// The product form's repeatable rows (certifications, where to buy, support received), each with its own reader as
/// <see cref="GalleryRows"/> has: blank rows are skipped, a bad row gets a Vietnamese message on its field and is left
/// out, the good rows come back as entities.
/// </summary>
public sealed class CertificationRow
{
    public string? Level { get; set; }
    public string? Round { get; set; }
    public string? Decision { get; set; }
    public string? Date { get; set; }
    public string? Issuer { get; set; }
    public bool IsEmpty => new[] { Level, Round, Decision, Date, Issuer }.All(string.IsNullOrWhiteSpace);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    public static CertificationRow From(ProductCertification c) => new()
    {
        Level = ProductFilters.LevelCode(c.Level), Round = c.RoundYear.ToString(CultureInfo.InvariantCulture),
        Decision = c.DecisionNumber, Date = c.DecisionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Issuer = c.Issuer,
    };

    public static List<ProductCertification> Read(IReadOnlyList<CertificationRow> rows, ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(state);
        var read = new List<ProductCertification>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.IsEmpty)
            {
                continue;
            }

            var key = $"{prefix}[{i}]";
            var level = ProductFilters.Levels.Where(x => x.Code == r.Level).Select(x => (CertificationLevel?)x.Value).FirstOrDefault();
            var round = FormNumber.Read(r.Round, key + ".Round", 2000, 2100, $"Chứng nhận dòng {i + 1}: nhập năm của đợt bình chọn.", state);
            if (level is null)
            {
                state.AddModelError(key + ".Level", $"Chứng nhận dòng {i + 1}: chọn cấp.");
            }

            if (round is null && string.IsNullOrWhiteSpace(r.Round))
            {
                state.AddModelError(key + ".Round", $"Chứng nhận dòng {i + 1}: nhập năm của đợt bình chọn.");
            }

            DateTime? date = null;
            if (!string.IsNullOrWhiteSpace(r.Date))
            {
                if (DateTime.TryParseExact(r.Date.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    date = DateTime.SpecifyKind(d, DateTimeKind.Utc);
                }
                else
                {
                    state.AddModelError(key + ".Date", $"Chứng nhận dòng {i + 1}: ngày không hợp lệ.");
                }
            }

            if (level is not null && round is not null)
            {
                read.Add(new ProductCertification
                {
                    Level = level.Value, RoundYear = round.Value, DecisionNumber = FormNumber.Trim(r.Decision, 100), DecisionDate = date, Issuer = FormNumber.Trim(r.Issuer, 200),
                });
            }
        }

        return read;
    }
}

public sealed class ShopRow
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Url { get; set; }
    public bool IsEmpty => new[] { Name, Address, Phone, Url }.All(string.IsNullOrWhiteSpace);

    public static ShopRow From(ShopLink w) => new() { Name = w.Name, Address = w.Address, Phone = w.Phone, Url = w.Url };

    public static List<ShopLink> Read(IReadOnlyList<ShopRow> rows, ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(state);
        var read = new List<ShopLink>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.IsEmpty)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(r.Name))
            {
                state.AddModelError($"{prefix}[{i}].Name", $"Nơi mua dòng {i + 1}: nhập tên cửa hàng.");
                continue;
            }

            if (!string.IsNullOrWhiteSpace(r.Url) && !(Uri.TryCreate(r.Url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                state.AddModelError($"{prefix}[{i}].Url", $"Nơi mua dòng {i + 1}: địa chỉ web phải bắt đầu bằng https://.");
                continue;
            }

            read.Add(new ShopLink { Name = FormNumber.Trim(r.Name, 300)!, Address = FormNumber.Trim(r.Address, 500), Phone = FormNumber.Trim(r.Phone, 50), Url = FormNumber.Trim(r.Url, 500) });
        }

        return read;
    }
}

public sealed class SupportRow
{
    public string? Project { get; set; }
    public string? Year { get; set; }
    public string? Kind { get; set; }
    public bool IsEmpty => new[] { Project, Year, Kind }.All(string.IsNullOrWhiteSpace);

    public static SupportRow From(SupportReceived s) =>
        new() { Project = s.Project, Year = s.Year == 0 ? null : s.Year.ToString(CultureInfo.InvariantCulture), Kind = s.Kind };

    public static List<SupportReceived> Read(IReadOnlyList<SupportRow> rows, ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(state);
        var read = new List<SupportReceived>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.IsEmpty)
            {
                continue;
            }

            var year = FormNumber.Read(r.Year, $"{prefix}[{i}].Year", 2000, 2100, $"Hỗ trợ dòng {i + 1}: năm không hợp lệ.", state);
            if (string.IsNullOrWhiteSpace(r.Project))
            {
                state.AddModelError($"{prefix}[{i}].Project", $"Hỗ trợ dòng {i + 1}: nhập tên đề án.");
                continue;
            }

            read.Add(new SupportReceived { Project = FormNumber.Trim(r.Project, 500)!, Year = year ?? 0, Kind = FormNumber.Trim(r.Kind, 200) ?? "" });
        }

        return read;
    }
}

/// <summary>The product form's small parsers: a whole number in a range, a trimmed and capped text.</summary>
public static class FormNumber
{
    /// <summary>Null when blank; the number when it is whole and in [min, max]; else null with <paramref name="message"/> on the field.</summary>
    public static int? Read(string? value, string field, int min, int max, string message, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        state.AddModelError(field, message);
        return null;
    }

    public static string? Trim(string? value, int max)
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) ? null : v.Length > max ? v[..max] : v;
    }
}
