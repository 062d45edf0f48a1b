using KhuyenCong.Web.Services.Registrations;

namespace KhuyenCong.Web.Tests.Services.Registrations;

/// <summary>The cleaning and parsing of what people type into the public forms.</summary>
public class FormTextTests
{
    [Theory]
    [InlineData("  Cơ   sở  dệt  ", false, "Cơ sở dệt")]
    [InlineData("dòng 1\r\n  dòng \t  2 ", true, "dòng 1\ndòng 2")]
    [InlineData("Cơ sở", false, "Cơ sở")]
    public void Text_is_trimmed_spaces_collapsed_and_composed(string raw, bool multiline, string expected)
    {
        Assert.Null(FormText.Clean(raw, "Tên", 100, multiline, out var value));
        Assert.Equal(expected.Normalize(System.Text.NormalizationForm.FormC), value);
    }

    [Theory]
    [InlineData("a\u0007b", "điều khiển")]
    [InlineData("một\ndòng", "điều khiển")]
    [InlineData("một\tdòng", "điều khiển")]
    [InlineData("a\u202Eb", "điều khiển")]
    [InlineData("a\uD800b", "không đọc được")]
    [InlineData("a\uFFFDb", "không đọc được")]
    public void Control_and_broken_characters_get_a_vietnamese_message(string raw, string words)
    {
        var message = FormText.Clean(raw, "Tên cơ sở", 100, false, out _);
        Assert.NotNull(message);
        Assert.StartsWith("Tên cơ sở", message, StringComparison.Ordinal);
        Assert.Contains(words, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_long_text_is_refused_with_its_length()
    {
        Assert.Contains("(hiện có 11)", FormText.Clean("12345678901", "Mã", 10, false, out _), StringComparison.Ordinal);
        Assert.Null(FormText.Clean("1234567890", "Mã", 10, false, out _));
        Assert.Null(FormText.Clean(null, "Mã", 10, false, out var empty));
        Assert.Equal("", empty);
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84 912.345.678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("(0275) 3822 123", "02753822123")]
    public void Phone_numbers_become_digits_starting_with_zero(string raw, string expected)
    {
        Assert.True(FormText.TryPhone(raw, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("912345678")]
    [InlineData("09123456789012")]
    [InlineData("0912abc678")]
    [InlineData(null)]
    public void Wrong_phone_numbers_are_refused(string? raw) => Assert.False(FormText.TryPhone(raw, out _));

    [Theory]
    [InlineData("1.500.000", true, 1_500_000L)]
    [InlineData("1 500 000đ", true, 1_500_000L)]
    [InlineData("-5", false, 0L)]
    [InlineData("12345678901234", false, 0L)]
    [InlineData("một triệu", false, 0L)]
    public void Money_accepts_separators_and_refuses_signs_and_words(string raw, bool ok, long expected)
    {
        Assert.Equal(ok, FormText.TryMoney(raw, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("12", 1, 100, true)]
    [InlineData("0", 1, 100, false)]
    [InlineData("101", 1, 100, false)]
    [InlineData("-3", 0, 100, false)]
    public void Whole_numbers_stay_in_their_range(string raw, int min, int max, bool ok) =>
        Assert.Equal(ok, FormText.TryWholeNumber(raw, min, max, out _));

    [Theory]
    [InlineData("0123456789", true)]
    [InlineData("0123456789-001", true)]
    [InlineData("012345678", false)]
    public void Tax_codes_have_ten_or_thirteen_digits(string raw, bool ok) => Assert.Equal(ok, FormText.TryTaxCode(raw, out _));

    [Theory]
    [InlineData("co.so@example.vn", true)]
    [InlineData("a@example", false)]
    [InlineData("a@@example.vn", false)]
    [InlineData("a b@example.vn", false)]
    [InlineData("@example.vn", false)]
    public void Email_addresses_are_checked_for_their_shape(string value, bool ok) => Assert.Equal(ok, FormText.LooksLikeEmail(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t ")]
    public void Empty_or_blank_text_is_no_error_and_becomes_empty(string? raw)
    {
        Assert.Null(FormText.Clean(raw, "Tên cơ sở", 10, multiline: true, out var value));
        Assert.Equal("", value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public void A_blank_required_field_asks_for_its_label_in_lower_case(string? raw)
    {
        var errors = new Dictionary<string, string>();
        Assert.Equal("", FormText.Field("ten", raw, "Tên cơ sở", 50, multiline: false, required: true, errors));
        Assert.Equal("Nhập tên cơ sở.", errors["ten"]);

        var optional = new Dictionary<string, string>();
        Assert.Equal("", FormText.Field("ten", raw, "Tên cơ sở", 50, multiline: false, required: false, optional));
        Assert.Empty(optional);
    }

    [Fact]
    public void A_refused_field_keeps_the_problem_and_returns_nothing()
    {
        var errors = new Dictionary<string, string>();
        Assert.Equal("", FormText.Field("ten", "a\u0007b", "Tên cơ sở", 50, multiline: false, required: true, errors));
        Assert.Contains("Tên cơ sở", errors["ten"], StringComparison.Ordinal);
        Assert.Contains("điều khiển", errors["ten"], StringComparison.Ordinal);
    }

    [Fact]
    public void Decomposed_diacritics_are_composed_and_counted_as_typed()
    {
        // "Bến Tre" as a Mac or an old Vietnamese keyboard may send it: e + circumflex + acute as three code points.
        var decomposed = "Be\u0302\u0301n Tre";
        Assert.Equal(9, decomposed.Length);
        Assert.Null(FormText.Clean(decomposed, "Nơi", 7, multiline: false, out var value));
        Assert.Equal("Bến Tre", value);
        Assert.Equal(7, value.Length);
        Assert.True(value.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void The_length_limit_is_inclusive()
    {
        Assert.Null(FormText.Clean(new string('ư', 20), "Tên", 20, multiline: false, out var exact));
        Assert.Equal(20, exact.Length);
        var problem = FormText.Clean(new string('ư', 21), "Tên", 20, multiline: false, out _);
        Assert.Equal("Tên không được dài quá 20 ký tự (hiện có 21).", problem);
        // Spaces are collapsed before counting: a run of them counts as one.
        Assert.Null(FormText.Clean("ơ    ơ", "Tên", 3, multiline: false, out var collapsed));
        Assert.Equal("ơ ơ", collapsed);
    }

    [Fact]
    public void Emoji_and_joined_emoji_are_text_not_broken_characters()
    {
        Assert.Null(FormText.Clean("Dừa 🥥 và 👨\u200D👩", "Ghi chú", 50, multiline: false, out var value));
        Assert.Equal("Dừa 🥥 và 👨\u200D👩", value);
    }

    [Fact]
    public void Old_mac_line_ends_become_new_lines_in_multiline_text()
    {
        Assert.Null(FormText.Clean("dòng một\rdòng hai", "Mô tả", 50, multiline: true, out var value));
        Assert.Equal("dòng một\ndòng hai", value);
    }

    [Theory]
    [InlineData("1 234.567,8-9_0", "1234567890")]
    [InlineData("1\u00A0500", "1500")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Digits_drops_the_separators_people_type(string? raw, string expected) => Assert.Equal(expected, FormText.Digits(raw));
}
