using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>What each question page validates; a valid page's answers go into the draft.</summary>
public static partial class RegistrationSteps
{
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
