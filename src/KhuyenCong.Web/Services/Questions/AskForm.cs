using KhuyenCong.Web.Services.Registrations;

namespace KhuyenCong.Web.Services.Questions;

/// <summary>The posted ask form, as typed; <see cref="Validate"/> cleans it and names each problem in Vietnamese.</summary>
public sealed class AskForm
{
    public const int TitleMax = 200;
    public const int TextMax = 4000;
    public const int NameMax = 120;
    public const int OrganisationMax = 200;
    public const int EmailMax = 200;

    public string? Topic { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Name { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? ConsentPublish { get; set; }
    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    public string? Website { get; set; }

    /// <summary>The cleaned answers; valid only when <see cref="Validate"/> returned no errors.</summary>
    public sealed record Clean(int Topic, string Title, string Text, string Name, string? Organisation, string? Email, string? Phone, bool ConsentPublish);

    /// <summary>Field name (as in "Form.X") → message; empty when the form is valid.</summary>
    public Dictionary<string, string> Validate(out Clean clean)
    {
        var errors = new Dictionary<string, string>();
        var topic = -1;
        if (string.IsNullOrEmpty(Topic))
        {
            errors[nameof(Topic)] = "Chọn lĩnh vực của câu hỏi.";
        }
        else if (!int.TryParse(Topic, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out topic)
                 || Topic.Length > 2 || !QuestionCatalog.IsTopic(topic))
        {
            errors[nameof(Topic)] = "Chọn một lĩnh vực trong danh sách.";
        }

        var title = FormText.Field(nameof(Title), Title, "Tiêu đề câu hỏi", TitleMax, false, true, errors);
        var text = FormText.Field(nameof(Text), this.Text, "Nội dung câu hỏi", TextMax, true, true, errors);
        var name = FormText.Field(nameof(Name), Name, "Họ và tên", NameMax, false, true, errors);
        var organisation = FormText.Field(nameof(Organisation), Organisation, "Tên cơ sở, tổ chức", OrganisationMax, false, false, errors);
        var email = FormText.Field(nameof(Email), Email, "Thư điện tử", EmailMax, false, false, errors);
        if (email.Length > 0 && !errors.ContainsKey(nameof(Email)) && !FormText.LooksLikeEmail(email))
        {
            errors[nameof(Email)] = "Thư điện tử chưa đúng dạng, ví dụ ten@example.com.";
        }

        var phone = "";
        if (!string.IsNullOrWhiteSpace(Phone) && (Phone.Length > 30 || !FormText.TryPhone(Phone, out phone)))
        {
            errors[nameof(Phone)] = "Số điện thoại phải có 10 chữ số và bắt đầu bằng 0, ví dụ 0912 345 678.";
        }

        if (email.Length == 0 && string.IsNullOrWhiteSpace(Phone) && !errors.ContainsKey(nameof(Email)))
        {
            errors[nameof(Email)] = "Nhập thư điện tử hoặc số điện thoại để chúng tôi trả lời và để bạn tra cứu câu hỏi.";
        }

        if (ConsentPublish is not (null or "" or "yes"))
        {
            errors[nameof(ConsentPublish)] = "Giá trị của ô đồng ý không hợp lệ.";
        }

        clean = new Clean(topic, title, text, name, organisation.Length == 0 ? null : organisation, email.Length == 0 ? null : email.ToLowerInvariant(),
            phone.Length == 0 ? null : phone, ConsentPublish == "yes");
        return errors;
    }
}
