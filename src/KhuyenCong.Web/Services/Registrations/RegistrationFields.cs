using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>
/// One answer of the form: its input name (<see cref="RegistrationForm"/>), its key in the person's own data export
/// (JSON), Vietnamese label, the page that asks it, and how it reads from a registration: <see cref="Value"/> for the
/// inbox export (numbers stay numbers) and <see cref="Shown"/> for the check page (null when another row shows it, as
/// the role beside the name).
/// </summary>
public sealed record RegistrationField(string Name, string Key, string Label, string Step, Func<Registration, object?> Value)
{
    /// <summary>The answer in the person's own data export when it is not <see cref="Value"/> (a list, a yes/no).</summary>
    public Func<Registration, object?>? Personal { get; init; }

    public Func<Registration, string>? Shown { get; init; }
    /// <summary>Whether the inbox export has a column for it (long free texts stay in the record itself).</summary>
    public bool Exported { get; init; } = true;
    /// <summary>Whether the answer was asked of this registration (machinery only when that support was chosen).</summary>
    public Func<Registration, bool> Asked { get; init; } = _ => true;

    /// <summary>The id of the input the check page's Change link goes to.</summary>
    public string InputId => "Form_" + Name;
}

/// <summary>
/// The answers of the registration form, written once: the check page, the staff page, the submit, the inbox export
/// and the person's own data export read them.
/// </summary>
public static class RegistrationFields
{
    private static bool Machinery(Registration r) => r.Lines.Contains(RegistrationCatalog.MachineryLine);

    private static string Type(Registration r) =>
        r.EstablishmentType == EstablishmentKind.Other && r.OtherTypeText is { } other
            ? $"{RegistrationCatalog.TypeName(r.EstablishmentType)}: {other}"
            : RegistrationCatalog.TypeName(r.EstablishmentType);

    private static string Lines(Registration r) => string.Join("; ", r.Lines.Select(RegistrationCatalog.LineName));

    public static readonly IReadOnlyList<RegistrationField> All =
    [
        new("Type", "loaiHinh", "Loại hình", RegistrationSteps.Type, r => RegistrationCatalog.TypeName(r.EstablishmentType)) { Shown = Type },
        new("OtherType", "loaiHinhKhac", "Loại hình khác", RegistrationSteps.Type, r => r.OtherTypeText) { Exported = false },
        new("EstablishmentName", "tenCoSo", "Tên cơ sở", RegistrationSteps.Type, r => r.EstablishmentName) { Shown = r => r.EstablishmentName ?? "" },
        new("Place", "noiSanXuat", "Nơi sản xuất", RegistrationSteps.Place, r => r.PlaceName) { Shown = r => r.PlaceName ?? "" },
        new("Sector", "nganh", "Ngành sản xuất", RegistrationSteps.Products, r => RegistrationCatalog.SectorName(r.Sector)) { Shown = r => RegistrationCatalog.SectorName(r.Sector) },
        new("MainProducts", "sanPham", "Sản phẩm chính", RegistrationSteps.Products, r => r.MainProducts) { Shown = r => r.MainProducts ?? "" },
        new("Workers", "soLaoDong", "Số lao động", RegistrationSteps.Size, r => r.Workers) { Shown = r => $"{r.Workers}" },
        new("Years", "soNamHoatDong", "Số năm hoạt động", RegistrationSteps.Size, r => r.YearsOperating) { Shown = r => $"{r.YearsOperating}" },
        new("Lines", "noiDungHoTro", "Nội dung cần hỗ trợ", RegistrationSteps.Support, Lines)
        {
            Shown = r => Lines(r) + (r.OtherSupportText is null ? "" : $" ({r.OtherSupportText})"),
            Personal = r => r.Lines.Select(RegistrationCatalog.LineName).ToList(),
        },
        new("OtherSupport", "noiDungKhac", "Nội dung hỗ trợ khác", RegistrationSteps.Support, r => r.OtherSupportText) { Exported = false },
        new("Machine", "mayMoc", "Máy móc, thiết bị", RegistrationSteps.Machinery, r => r.MachineDescription)
        {
            Shown = r => r.MachineDescription ?? "", Exported = false, Asked = Machinery,
        },
        new("MachineCost", "giaTriMayMoc", "Giá trị máy móc", RegistrationSteps.Machinery, r => r.MachineCost) { Shown = r => RegistrationCatalog.Money(r.MachineCost), Asked = Machinery },
        new("Project", "duAn", "Mô tả dự án", RegistrationSteps.Project, r => r.ProjectSummary) { Shown = r => r.ProjectSummary ?? "", Exported = false },
        new("Investment", "tongVon", "Tổng vốn đầu tư", RegistrationSteps.Project, r => r.Investment) { Shown = r => RegistrationCatalog.Money(r.Investment) },
        new("Own", "vonTuCo", "Vốn tự đóng góp", RegistrationSteps.Project, r => r.OwnContribution) { Shown = r => RegistrationCatalog.Money(r.OwnContribution) },
        new("Timing", "thoiGian", "Thời gian thực hiện", RegistrationSteps.Project, r => RegistrationCatalog.TimingName(r.Timing)) { Shown = r => RegistrationCatalog.TimingName(r.Timing) },
        new("ContactName", "nguoiLienHe", "Người liên hệ", RegistrationSteps.Contact, r => r.ContactName) { Shown = r => $"{r.ContactName}, {r.ContactRole}" },
        new("ContactRole", "chucVu", "Chức vụ", RegistrationSteps.Contact, r => r.ContactRole),
        new("Phone", "dienThoai", "Số điện thoại", RegistrationSteps.Contact, r => r.Phone) { Shown = r => r.Phone ?? "" },
        new("Email", "thuDienTu", "Thư điện tử", RegistrationSteps.Contact, r => r.Email) { Shown = r => r.Email ?? "Không cung cấp" },
        new("TaxCode", "maSoThue", "Mã số thuế", RegistrationSteps.Contact, r => r.TaxCode) { Shown = r => r.TaxCode ?? "Không cung cấp" },
        new("ConsentHandling", "dongYXuLy", "Đồng ý", RegistrationSteps.Consent, r => r.ConsentHandling ? "Có" : "Không")
        {
            Shown = r => "Xử lý đề nghị hỗ trợ: " + (r.ConsentHandling ? "có" : "không") + "; nhận tin khuyến công: " + (r.ConsentNews ? "có" : "không"),
            Exported = false, Personal = r => r.ConsentHandling,
        },
        new("ConsentNews", "dongYNhanTin", "Đồng ý nhận tin", RegistrationSteps.Consent, r => r.ConsentNews ? "Có" : "Không") { Personal = r => r.ConsentNews },
    ];

    /// <summary>
    /// The person's own data (a request under Law 91/2025): the reference, date and status, every answer under its
    /// <see cref="RegistrationField.Key"/> in the form's order, the consent's version and time, then
    /// <paramref name="more"/> (what the staff page adds: public replies, mail sent).
    /// </summary>
    public static OrderedDictionary<string, object?> PersonalData(Registration r, params IEnumerable<(string Key, object? Value)> more)
    {
        ArgumentNullException.ThrowIfNull(r);
        var data = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["maSo"] = r.Reference, ["ngayGui"] = VietnamTime.Iso(r.SubmittedAt), ["trangThai"] = RegistrationCatalog.StatusName(r.Status),
        };
        foreach (var field in All)
        {
            data.Add(field.Key, (field.Personal ?? field.Value)(r));
        }

        data.Add("phienBanDongY", r.ConsentVersion);
        data.Add("thoiDiemDongY", VietnamTime.Iso(r.ConsentAt));
        foreach (var (key, value) in more)
        {
            data.Add(key, value);
        }

        return data;
    }

    /// <summary>
    /// The answers of a draft as the registration they will become (not yet numbered or stored): the submit stores
    /// it, the check page shows it. <paramref name="places"/> names the place.
    /// </summary>
    public static Registration FromDraft(DraftData d, IEnumerable<RegistrationPlace> places, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new Registration
        {
            Reference = "", IdempotencyKey = d.Key, SubmittedAt = now, UpdatedAt = now, Status = RegistrationStatus.New,
            EstablishmentType = EstablishmentKinds.FromSlug(d.Type) ?? EstablishmentKind.Other, OtherTypeText = d.OtherType,
            PlaceCode = d.Place, PlaceName = places.FirstOrDefault(p => p.Code == d.Place)?.Name, Sector = d.Sector ?? "",
            Workers = d.Workers ?? 0, YearsOperating = d.Years ?? 0, SupportLines = "|" + string.Join('|', d.Lines) + "|", MachineCost = d.MachineCost,
            Investment = d.Investment ?? 0, OwnContribution = d.Own ?? 0, Timing = d.Timing ?? "",
            EstablishmentName = d.EstablishmentName, MainProducts = d.MainProducts, OtherSupportText = d.OtherSupport,
            MachineDescription = d.Machine, ProjectSummary = d.Project, ContactName = d.ContactName, ContactRole = d.ContactRole,
            Phone = d.Phone, Email = d.Email, TaxCode = d.TaxCode,
            ConsentHandling = d.ConsentHandling, ConsentNews = d.ConsentNews, ConsentVersion = RegistrationCatalog.ConsentVersion,
            ConsentAt = d.ConsentAt ?? now,
        };
    }
}
