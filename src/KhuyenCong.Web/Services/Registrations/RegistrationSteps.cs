namespace KhuyenCong.Web.Services.Registrations;

/// <summary>The question pages in order and which apply to a draft (what each validates: RegistrationSteps.Validation.cs).</summary>
public static partial class RegistrationSteps
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
}
