using KhuyenCong.Web.Services.Registrations;

namespace KhuyenCong.Web.Services.Questions;

/// <summary>The posted comment on a draft document; <see cref="Validate"/> cleans it and names each problem in Vietnamese.</summary>
public sealed class CommentForm
{
    public const string ConsentVersion = "2026-12-gy1";
    public const int TextMax = 5000;

    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Section { get; set; }
    public string? Text { get; set; }
    public string? Consent { get; set; }
    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    public string? Website { get; set; }

    public sealed record Clean(string Name, string? Organisation, string Email, string? Section, string Text);

    public Dictionary<string, string> Validate(out Clean clean)
    {
        var errors = new Dictionary<string, string>();
        var name = FormText.Field(nameof(Name), Name, "Họ và tên", 120, false, true, errors);
        var organisation = FormText.Field(nameof(Organisation), Organisation, "Cơ quan, tổ chức, doanh nghiệp", 200, false, false, errors);
        var email = FormText.Field(nameof(Email), Email, "Thư điện tử", 200, false, true, errors);
        if (email.Length > 0 && !errors.ContainsKey(nameof(Email)) && !FormText.LooksLikeEmail(email))
        {
            errors[nameof(Email)] = "Thư điện tử chưa đúng dạng, ví dụ ten@example.com.";
        }

        var section = FormText.Field(nameof(Section), Section, "Điều, khoản được góp ý", 200, false, false, errors);
        var text = FormText.Field(nameof(Text), Text, "Nội dung góp ý", TextMax, true, true, errors);
        if (Consent != "yes")
        {
            errors[nameof(Consent)] = "Cần đồng ý với việc xử lý góp ý và thông tin liên hệ để gửi góp ý.";
        }

        clean = new Clean(name, organisation.Length == 0 ? null : organisation, email.ToLowerInvariant(), section.Length == 0 ? null : section, text);
        return errors;
    }
}
