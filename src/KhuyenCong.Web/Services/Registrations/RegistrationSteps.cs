using System.Globalization;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>The question pages in order, which apply to a draft, and what each validates.</summary>
public static class RegistrationSteps
{
    public const string Type = "loai-hinh";
    public const string Place = "dia-diem";
    public const string Products = "san-xuat";
    public const string Size = "quy-mo";
    public const string Support = "ho-tro";
    public const string Machinery = "may-moc";
    public const string Project = "du-an";
    public const string Contact = "lien-he";
    public const string Consent = "dong-y";
    public const string Check = "kiem-tra";

    public static readonly IReadOnlyList<string> All = [Type, Place, Products, Size, Support, Machinery, Project, Contact, Consent];

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [Type] = "Cơ sở của bạn thuộc loại hình nào?",
        [Place] = "Cơ sở sản xuất ở đâu?",
        [Products] = "Cơ sở sản xuất gì?",
        [Size] = "Quy mô của cơ sở",
        [Support] = "Bạn cần hỗ trợ nội dung nào?",
        [Machinery] = "Máy móc, thiết bị cần đầu tư",
        [Project] = "Dự án hoặc nhu cầu của cơ sở",
        [Contact] = "Người liên hệ",
        [Consent] = "Đồng ý xử lý dữ liệu cá nhân",
        [Check] = "Kiểm tra thông tin trước khi gửi",
    };

    /// <summary>The steps that apply: the machinery page only when machinery support was chosen.</summary>
    public static IReadOnlyList<string> For(DraftData d) =>
        All.Where(s => s != Machinery || d.Lines.Contains(RegistrationCatalog.MachineryLine)).ToList();

    /// <summary>Number of pages including the check page ("Bước X/Y").</summary>
    public static int Total(DraftData d) => For(d).Count + 1;

    public static int Number(DraftData d, string step) => step == Check ? Total(d) : For(d).ToList().IndexOf(step) + 1;

    public static string? FirstMissing(DraftData d) => For(d).FirstOrDefault(s => !d.Done.Contains(s));

    /// <summary>A step may be opened when every step before it is answered (and the place is in the province).</summary>
    public static bool CanOpen(DraftData d, string step)
    {
        var steps = For(d);
        var index = step == Check ? steps.Count : steps.ToList().IndexOf(step);
        if (index < 0)
        {
            return false;
        }

        if (d.IsOutsideProvince && index > steps.ToList().IndexOf(Place))
        {
            return false;
        }

        return steps.Take(index).All(d.Done.Contains);
    }

    public static string? Previous(DraftData d, string step)
    {
        var steps = For(d).ToList();
        var index = step == Check ? steps.Count : steps.IndexOf(step);
        return index > 0 ? steps[index - 1] : null;
    }

    public static string Next(DraftData d, string step)
    {
        var steps = For(d).ToList();
        var index = steps.IndexOf(step);
        return index >= 0 && index + 1 < steps.Count ? steps[index + 1] : Check;
    }

    /// <summary>Validates the posted fields of one step; on success writes them into the draft. <paramref name="places"/>: those the form offers.</summary>
    public static Dictionary<string, string> Apply(string step, RegistrationForm f, DraftData d, DateTime now, IReadOnlyList<RegistrationPlace> places)
    {
        var errors = new Dictionary<string, string>();
        string? Text(string field, string? raw, string label, int max, bool multiline, string? requiredMessage)
        {
            var problem = FormText.Clean(raw, label, max, multiline, out var value);
            if (problem is not null)
            {
                errors[field] = problem;
                return null;
            }

            if (value.Length == 0)
            {
                if (requiredMessage is not null)
                {
                    errors[field] = requiredMessage;
                }

                return null;
            }

            return value;
        }

        long? Money(string field, string? raw, string empty, string invalid)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                errors[field] = empty;
                return null;
            }

            if (raw.Length > 40 || !FormText.TryMoney(raw, out var amount) || amount <= 0 || amount > 1_000_000_000_000)
            {
                errors[field] = invalid;
                return null;
            }

            return amount;
        }

        switch (step)
        {
            case Type:
            {
                var type = EstablishmentKinds.FromSlug(f.Type);
                if (type is null)
                {
                    errors[nameof(f.Type)] = "Chọn loại hình của cơ sở.";
                }

                var other = type == EstablishmentKind.Other
                    ? Text(nameof(f.OtherType), f.OtherType, "Loại hình khác", 100, false, "Nhập loại hình của cơ sở.")
                    : null;
                var name = Text(nameof(f.EstablishmentName), f.EstablishmentName, "Tên cơ sở", 200, false, "Nhập tên cơ sở.");
                if (errors.Count == 0)
                {
                    (d.Type, d.OtherType, d.EstablishmentName) = (f.Type, other, name);
                }

                break;
            }

            case Place:
                if (f.Place != RegistrationCatalog.OutsideProvince && places.All(p => p.Code != f.Place))
                {
                    errors[nameof(f.Place)] = "Chọn nơi cơ sở đặt địa điểm sản xuất.";
                }
                else
                {
                    d.Place = f.Place;
                }

                break;
            case Products:
            {
                var sector = RegistrationCatalog.Sectors.FirstOrDefault(s => s.Code == f.Sector);
                if (sector.Code is null)
                {
                    errors[nameof(f.Sector)] = "Chọn ngành sản xuất chính.";
                }

                var products = Text(nameof(f.MainProducts), f.MainProducts, "Sản phẩm chính", 1000, true, "Nhập sản phẩm chính của cơ sở.");
                if (errors.Count == 0)
                {
                    (d.Sector, d.MainProducts) = (sector.Code, products);
                }

                break;
            }

            case Size:
            {
                int workers = 0, years = 0;
                if (string.IsNullOrWhiteSpace(f.Workers))
                {
                    errors[nameof(f.Workers)] = "Nhập số lao động.";
                }
                else if (f.Workers.Length > 20 || !FormText.TryWholeNumber(f.Workers, 1, 100_000, out workers))
                {
                    errors[nameof(f.Workers)] = "Số lao động phải là số nguyên từ 1 đến 100.000.";
                }

                if (string.IsNullOrWhiteSpace(f.Years))
                {
                    errors[nameof(f.Years)] = "Nhập số năm cơ sở đã hoạt động.";
                }
                else if (f.Years.Length > 20 || !FormText.TryWholeNumber(f.Years, 0, 200, out years))
                {
                    errors[nameof(f.Years)] = "Số năm hoạt động phải là số nguyên từ 0 đến 200.";
                }

                if (errors.Count == 0)
                {
                    (d.Workers, d.Years) = (workers, years);
                }

                break;
            }

            case Support:
            {
                var lines = (f.Lines ?? []).Where(l => !string.IsNullOrEmpty(l)).Distinct().ToList();
                if (lines.Count == 0)
                {
                    errors[nameof(f.Lines)] = "Chọn ít nhất một nội dung cần hỗ trợ.";
                }
                else if (lines.Count > RegistrationCatalog.Lines.Count || lines.Any(l => RegistrationCatalog.Lines.All(x => x.Code != l)))
                {
                    errors[nameof(f.Lines)] = "Nội dung hỗ trợ đã chọn không có trong danh sách. Vui lòng chọn lại.";
                }

                var other = lines.Contains(RegistrationCatalog.OtherLine)
                    ? Text(nameof(f.OtherSupport), f.OtherSupport, "Nội dung hỗ trợ khác", 500, true, "Mô tả nội dung hỗ trợ khác mà cơ sở cần.")
                    : null;
                if (errors.Count == 0)
                {
                    d.Lines = RegistrationCatalog.Lines.Select(l => l.Code).Where(lines.Contains).ToList();
                    d.OtherSupport = other;
                    if (!d.Lines.Contains(RegistrationCatalog.MachineryLine))
                    {
                        (d.Machine, d.MachineCost) = (null, null);
                        d.Done.Remove(Machinery);
                    }
                }

                break;
            }

            case Machinery:
            {
                var machine = Text(nameof(f.Machine), f.Machine, "Mô tả máy móc, thiết bị", 1000, true, "Mô tả máy móc, thiết bị hoặc công nghệ cần đầu tư.");
                var cost = Money(nameof(f.MachineCost), f.MachineCost, "Nhập giá trị dự kiến của máy móc, thiết bị.",
                    "Giá trị máy móc, thiết bị phải là số tiền bằng chữ số, ví dụ 250.000.000.");
                if (errors.Count == 0)
                {
                    (d.Machine, d.MachineCost) = (machine, cost);
                }

                break;
            }

            case Project:
            {
                var project = Text(nameof(f.Project), f.Project, "Mô tả dự án", 2000, true, "Mô tả ngắn dự án hoặc nhu cầu của cơ sở.");
                var investment = Money(nameof(f.Investment), f.Investment, "Nhập tổng vốn đầu tư dự kiến.",
                    "Tổng vốn đầu tư phải là số tiền bằng chữ số, ví dụ 500.000.000.");
                var own = Money(nameof(f.Own), f.Own, "Nhập phần vốn cơ sở tự đóng góp.",
                    "Vốn tự đóng góp phải là số tiền bằng chữ số, ví dụ 300.000.000.");
                if (investment is not null && own is not null && own > investment)
                {
                    errors[nameof(f.Own)] = "Vốn tự đóng góp không được lớn hơn tổng vốn đầu tư.";
                }

                var timing = RegistrationCatalog.Timings.FirstOrDefault(t => t.Code == f.Timing);
                if (timing.Code is null)
                {
                    errors[nameof(f.Timing)] = "Chọn thời gian dự kiến thực hiện.";
                }

                if (errors.Count == 0)
                {
                    (d.Project, d.Investment, d.Own, d.Timing) = (project, investment, own, timing.Code);
                }

                break;
            }

            case Contact:
            {
                var name = Text(nameof(f.ContactName), f.ContactName, "Họ và tên", 100, false, "Nhập họ và tên người liên hệ.");
                var role = Text(nameof(f.ContactRole), f.ContactRole, "Chức vụ", 100, false, "Nhập chức vụ của người liên hệ.");
                string? phone = null;
                if (string.IsNullOrWhiteSpace(f.Phone))
                {
                    errors[nameof(f.Phone)] = "Nhập số điện thoại.";
                }
                else if (f.Phone.Length > 30 || !FormText.TryPhone(f.Phone, out phone))
                {
                    errors[nameof(f.Phone)] = "Số điện thoại phải có 10 chữ số và bắt đầu bằng 0, ví dụ 0912 345 678.";
                }

                var email = Text(nameof(f.Email), f.Email, "Thư điện tử", 254, false, null);
                if (email is not null && !FormText.LooksLikeEmail(email))
                {
                    errors[nameof(f.Email)] = "Địa chỉ thư điện tử không đúng dạng, ví dụ ten@example.com.";
                }

                string? tax = null;
                if (!string.IsNullOrWhiteSpace(f.TaxCode) && (f.TaxCode.Length > 30 || !FormText.TryTaxCode(f.TaxCode, out tax)))
                {
                    errors[nameof(f.TaxCode)] = "Mã số thuế phải có 10 hoặc 13 chữ số, ví dụ 1300123456.";
                }

                if (errors.Count == 0)
                {
                    (d.ContactName, d.ContactRole, d.Phone, d.Email, d.TaxCode) = (name, role, phone, email?.ToLowerInvariant(), tax);
                }

                break;
            }

            case Consent:
                if (f.ConsentHandling != "yes")
                {
                    errors[nameof(f.ConsentHandling)] = "Đánh dấu ô đồng ý để chúng tôi có thể xem xét đề nghị hỗ trợ của bạn.";
                }
                else
                {
                    (d.ConsentHandling, d.ConsentNews, d.ConsentAt) = (true, f.ConsentNews == "yes", now);
                }

                break;
            default:
                errors[string.Empty] = "Không có câu hỏi này.";
                break;
        }

        if (errors.Count == 0 && !d.Done.Contains(step))
        {
            d.Done.Add(step);
        }

        return errors;
    }
}
