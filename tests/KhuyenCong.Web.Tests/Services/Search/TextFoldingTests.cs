using System.Text;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services.Search;

public class TextFoldingTests
{
    // Every Vietnamese vowel with every tone, upper and lower case, plus đ/Đ.
    private const string AllVietnameseLetters =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
        + "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";

    [Fact]
    public void Dong_khoi_folds_to_ascii()
    {
        Assert.Equal("dong khoi", TextFolding.Fold("Đồng Khởi"));
    }

    [Fact]
    public void Dao_tao_folds_to_ascii()
    {
        Assert.Equal("dao tao", TextFolding.Fold("đào tạo"));
    }

    [Fact]
    public void Every_vietnamese_letter_folds_to_its_ascii_base()
    {
        var folded = TextFolding.Fold(AllVietnameseLetters);

        Assert.Equal(
            "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd"
            + "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd",
            folded);
    }

    [Theory]
    [InlineData("Chương trình khuyến công quốc gia giai đoạn 2021–2025")]
    [InlineData("Hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ")]
    [InlineData(AllVietnameseLetters)]
    public void Output_length_equals_nfc_input_length(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);

        Assert.Equal(nfc.Length, TextFolding.Fold(nfc).Length);
    }

    [Theory]
    [InlineData("Đồng Khởi")]
    [InlineData("Đào tạo nghề cho lao động nông thôn")]
    [InlineData(AllVietnameseLetters)]
    public void Nfd_input_folds_the_same_as_nfc(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var nfd = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);

        Assert.Equal(TextFolding.Fold(nfc), TextFolding.Fold(nfd));
    }

    [Fact]
    public void Nfd_input_folds_to_nfc_length()
    {
        var nfd = "Đồng Khởi".Normalize(NormalizationForm.FormD);

        Assert.Equal("Đồng Khởi".Length, TextFolding.Fold(nfd).Length);
    }

    [Theory]
    [InlineData("ĐÀO TẠO NGHỀ", "dao tao nghe")]
    [InlineData("đào tạo nghề", "dao tao nghe")]
    [InlineData("ĐàO tẠo NgHỀ", "dao tao nghe")]
    public void Upper_and_lower_case_fold_alike(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }

    [Theory]
    [InlineData("Hello, World! 123 #tag (x) [y] a-b_c", "hello, world! 123 #tag (x) [y] a-b_c")]
    [InlineData("Привет МИР", "привет мир")]
    [InlineData("東京 2024", "東京 2024")]
    public void Non_vietnamese_text_is_unchanged_except_case(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }

    [Fact]
    public void Surrogate_pairs_pass_through()
    {
        Assert.Equal("a😀b", TextFolding.Fold("A😀B"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Null_or_empty_folds_to_empty(string? text)
    {
        Assert.Equal("", TextFolding.Fold(text));
    }

    [Fact]
    public void FoldChar_maps_both_d_with_stroke_to_d()
    {
        Assert.Equal('d', TextFolding.FoldChar('đ'));
        Assert.Equal('d', TextFolding.FoldChar('Đ'));
    }

    [Fact]
    public void Tokens_split_on_punctuation_and_spaces()
    {
        var tokens = TextFolding.Tokens("Quyết định số 1625/QĐ-UBND, ngày 15.3.2022 (bổ sung)!");

        Assert.Equal(["quyet", "dinh", "so", "1625", "qd", "ubnd", "ngay", "15", "3", "2022", "bo", "sung"], tokens);
    }

    [Fact]
    public void Tokens_of_nfd_text_match_tokens_of_nfc_text()
    {
        const string text = "Khuyến công — Đồng Tháp";

        Assert.Equal(
            TextFolding.Tokens(text.Normalize(NormalizationForm.FormC)),
            TextFolding.Tokens(text.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ... --- !!! ")]
    public void Tokens_of_text_without_words_are_empty(string? text)
    {
        Assert.Empty(TextFolding.Tokens(text));
    }
}
