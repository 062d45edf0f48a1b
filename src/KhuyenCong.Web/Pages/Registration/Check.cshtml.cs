using KhuyenCong.Web.Services.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Registration;

/// <summary>Check answers, each with a Change link; submitting stores the registration once (idempotency key).</summary>
[EnableRateLimiting(RegistrationOptions.SubmitRateLimit)]
public class CheckModel(RegistrationStore store, IOptions<RegistrationOptions> options, Services.Programme.ProgramPeriods periods) : RegistrationPageModel(store)
{
    public sealed record Row(string Label, string Value, string Step, string Field);

    [BindProperty(Name = "khoa")] public string? Key { get; set; }
    [BindProperty(Name = "Form.Website")] public string? Website { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Draft = await Store.LoadAsync(HttpContext, ct);
        if (Draft is null)
        {
            return Redirect(Start);
        }

        if (Draft.Row.RegistrationId is not null)
        {
            return Redirect("/dang-ky-ho-tro/da-gui");
        }

        if (Store.IsExpired(Draft))
        {
            return Redirect(Start + "?het-han=1");
        }

        if (!RegistrationSteps.CanOpen(Draft.Data, RegistrationSteps.Check))
        {
            return Draft.Data.IsOutsideProvince
                ? Redirect("/dang-ky-ho-tro/khong-du-dieu-kien")
                : Redirect("/dang-ky-ho-tro/" + RegistrationSteps.FirstMissing(Draft.Data));
        }

        Prepare();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Draft = await Store.LoadAsync(HttpContext, ct);
        if (Draft is null)
        {
            return NoDraft();
        }

        if (!Guid.TryParse(Key, out var key) || key != Draft.Data.Key)
        {
            return Problem(StatusCodes.Status409Conflict, "Trang gửi đơn đã cũ",
                "Trang bạn gửi không khớp với đơn đang điền (có thể đã mở ở một cửa sổ khác). Vui lòng kiểm tra lại thông tin rồi gửi.",
                "/dang-ky-ho-tro/kiem-tra", "Kiểm tra lại thông tin");
        }

        if (Draft.Row.RegistrationId is not null)
        {
            // A double submit or a retry after a lost answer: already stored, show the same confirmation.
            return Redirect("/dang-ky-ho-tro/da-gui");
        }

        if (Store.IsExpired(Draft))
        {
            return Expired();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            return Honeypot();
        }

        if (!RegistrationSteps.CanOpen(Draft.Data, RegistrationSteps.Check))
        {
            return OutOfOrder(RegistrationSteps.FirstMissing(Draft.Data));
        }

        // A draft begun before the current period started may name lines it does not offer.
        var calendar = await periods.CalendarAsync(ct);
        if (calendar.LinesOutsideCurrent(Draft.Data.Lines) is { Count: > 0 } outside)
        {
            return Problem(StatusCodes.Status400BadRequest, "Cần chọn lại nội dung hỗ trợ", calendar.LinesOutsideText(outside),
                "/dang-ky-ho-tro/" + RegistrationSteps.Support + "?doi=1", "Chọn lại nội dung hỗ trợ");
        }

        if (Store.Now - Draft.Data.StartedAt < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return Problem(StatusCodes.Status400BadRequest, "Đơn được gửi quá nhanh",
                "Đơn được gửi nhanh hơn thời gian cần để đọc và điền, nên hệ thống chưa tiếp nhận. Vui lòng kiểm tra lại thông tin và bấm “Gửi đăng ký” lần nữa.",
                "/dang-ky-ho-tro/kiem-tra", "Kiểm tra lại thông tin");
        }

        await Store.SubmitAsync(Draft, ct);
        return Redirect("/dang-ky-ho-tro/da-gui");
    }

    private void Prepare()
    {
        var d = Draft!.Data;
        Total = RegistrationSteps.Total(d);
        Describe(RegistrationSteps.Titles[RegistrationSteps.Check]);
        Key = d.Key.ToString();
        var type = RegistrationCatalog.Types.First(t => t.Code == d.Type);
        var rows = new List<Row>
        {
            new("Loại hình", type.Value == Models.EstablishmentType.Other ? $"{type.Name}: {d.OtherType}" : type.Name, RegistrationSteps.Type, "Form_Type"),
            new("Tên cơ sở", d.EstablishmentName ?? "", RegistrationSteps.Type, "Form_EstablishmentName"),
            new("Nơi sản xuất", RegistrationCatalog.Places.First(p => p.Code == d.Place).Name, RegistrationSteps.Place, "Form_Place"),
            new("Ngành sản xuất", RegistrationCatalog.SectorName(d.Sector ?? ""), RegistrationSteps.Products, "Form_Sector"),
            new("Sản phẩm chính", d.MainProducts ?? "", RegistrationSteps.Products, "Form_MainProducts"),
            new("Số lao động", $"{d.Workers}", RegistrationSteps.Size, "Form_Workers"),
            new("Số năm hoạt động", $"{d.Years}", RegistrationSteps.Size, "Form_Years"),
            new("Nội dung cần hỗ trợ", string.Join("; ", d.Lines.Select(RegistrationCatalog.LineName)) + (d.OtherSupport is null ? "" : $" ({d.OtherSupport})"), RegistrationSteps.Support, "Form_Lines"),
        };
        if (d.Lines.Contains(RegistrationCatalog.MachineryLine))
        {
            rows.Add(new("Máy móc, thiết bị", d.Machine ?? "", RegistrationSteps.Machinery, "Form_Machine"));
            rows.Add(new("Giá trị máy móc", RegistrationCatalog.Money(d.MachineCost), RegistrationSteps.Machinery, "Form_MachineCost"));
        }

        rows.AddRange(
        [
            new("Mô tả dự án", d.Project ?? "", RegistrationSteps.Project, "Form_Project"),
            new("Tổng vốn đầu tư", RegistrationCatalog.Money(d.Investment), RegistrationSteps.Project, "Form_Investment"),
            new("Vốn tự đóng góp", RegistrationCatalog.Money(d.Own), RegistrationSteps.Project, "Form_Own"),
            new("Thời gian thực hiện", RegistrationCatalog.TimingName(d.Timing ?? ""), RegistrationSteps.Project, "Form_Timing"),
            new("Người liên hệ", $"{d.ContactName}, {d.ContactRole}", RegistrationSteps.Contact, "Form_ContactName"),
            new("Số điện thoại", d.Phone ?? "", RegistrationSteps.Contact, "Form_Phone"),
            new("Thư điện tử", d.Email ?? "Không cung cấp", RegistrationSteps.Contact, "Form_Email"),
            new("Mã số thuế", d.TaxCode ?? "Không cung cấp", RegistrationSteps.Contact, "Form_TaxCode"),
            new("Đồng ý", "Xử lý đề nghị hỗ trợ: có; nhận tin khuyến công: " + (d.ConsentNews ? "có" : "không"), RegistrationSteps.Consent, "Form_ConsentHandling"),
        ]);
        Rows = rows;
    }
}
