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
}
