using System.Text;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services.Content;

public class SlugifierTests
{
    [Theory]
    [InlineData("Đào tạo nghề cho lao động nông thôn", "dao-tao-nghe-cho-lao-dong-nong-thon")]
    [InlineData("Quyết định 1625/QĐ-UBND", "quyet-dinh-1625-qd-ubnd")]
    [InlineData("Đồng Khởi", "dong-khoi")]
    [InlineData("ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG", "de-an-khuyen-cong-dia-phuong")]
    [InlineData("Hội chợ hàng công nghiệp nông thôn tiêu biểu năm 2024", "hoi-cho-hang-cong-nghiep-nong-thon-tieu-bieu-nam-2024")]
    [InlineData("Tin tức: “Khuyến công” — 5 năm nhìn lại (2019–2024)", "tin-tuc-khuyen-cong-5-nam-nhin-lai-2019-2024")]
    public void Vietnamese_titles_become_ascii_slugs(string title, string expected)
    {
        Assert.Equal(expected, Slugifier.Slugify(title));
    }

    [Fact]
    public void Nfd_title_gives_the_same_slug_as_nfc()
    {
        const string title = "Đào tạo nghề cho lao động nông thôn";

        Assert.Equal(
            Slugifier.Slugify(title.Normalize(NormalizationForm.FormC)),
            Slugifier.Slugify(title.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("  --Đào   tạo--  ")]
    [InlineData("!!! Đào // tạo ???")]
    [InlineData("-Đào-\t-\n-tạo-")]
    public void Slugs_have_no_leading_trailing_or_double_dashes(string title)
    {
        var slug = Slugifier.Slugify(title);

        Assert.Equal("dao-tao", slug);
    }

    [Theory]
    [InlineData("Đào tạo nghề cho lao động nông thôn")]
    [InlineData("a — b — c")]
    [InlineData("?Quyết định 1625/QĐ-UBND!")]
    public void Slugs_contain_only_lower_ascii_letters_digits_and_single_dashes(string title)
    {
        var slug = Slugifier.Slugify(title);

        Assert.All(slug, c => Assert.True(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-', $"unexpected '{c}' in {slug}"));
        Assert.False(slug.StartsWith('-'), slug);
        Assert.False(slug.EndsWith('-'), slug);
        Assert.DoesNotContain("--", slug, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_title_is_cut_to_max_length_at_a_word_boundary()
    {
        var title = string.Join(' ', Enumerable.Repeat("Chương trình khuyến công quốc gia", 6));
        var full = string.Join('-', Enumerable.Repeat("chuong-trinh-khuyen-cong-quoc-gia", 6));

        var slug = Slugifier.Slugify(title);

        Assert.True(slug.Length <= Slugifier.MaxLength, $"{slug.Length} chars");
        Assert.StartsWith(slug, full, StringComparison.Ordinal);
        Assert.Equal('-', full[slug.Length]);
        Assert.False(slug.EndsWith('-'), slug);
    }

    [Fact]
    public void Long_slug_keeps_every_whole_word_that_fits()
    {
        // Twelve 8-letter words: the first nine make exactly 80 characters ("thongtin-" × 8 + "thongtin").
        var title = string.Join(' ', Enumerable.Repeat("Thôngtin", 12));

        var slug = Slugifier.Slugify(title);

        Assert.Equal(string.Join('-', Enumerable.Repeat("thongtin", 9)), slug);
        Assert.Equal(Slugifier.MaxLength, slug.Length);
    }

    [Fact]
    public void One_very_long_word_is_cut_at_max_length()
    {
        var slug = Slugifier.Slugify(new string('a', 200));

        Assert.Equal(new string('a', Slugifier.MaxLength), slug);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("“…”")]
    [InlineData("東京")]
    public void Input_without_ascii_letters_or_digits_gives_a_non_empty_valid_fallback(string? title)
    {
        var slug = Slugifier.Slugify(title);

        Assert.False(string.IsNullOrEmpty(slug));
        Assert.True(Slugifier.IsValid(slug), slug);
    }

    [Fact]
    public void Unique_returns_the_plain_slug_when_it_is_free()
    {
        Assert.Equal("dao-tao", Slugifier.Unique("Đào tạo", _ => false));
    }

    [Fact]
    public void Unique_appends_2_then_3_when_taken()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "dao-tao" };

        var second = Slugifier.Unique("Đào tạo", taken.Contains);
        taken.Add(second);
        var third = Slugifier.Unique("Đào tạo", taken.Contains);

        Assert.Equal("dao-tao-2", second);
        Assert.Equal("dao-tao-3", third);
    }

    [Fact]
    public void Unique_skips_every_taken_number()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "muc", "muc-2", "muc-3", "muc-4" };

        Assert.Equal("muc-5", Slugifier.Unique("!!!", taken.Contains));
    }

    [Fact]
    public void Unique_suffix_keeps_a_max_length_slug_valid()
    {
        // Sixteen 4-letter words make a 79-character slug; "-2" would push it past MaxLength.
        var title = string.Join(' ', Enumerable.Repeat("nghề", 16));
        var baseSlug = Slugifier.Slugify(title);
        Assert.Equal(79, baseSlug.Length);

        var unique = Slugifier.Unique(title, s => s == baseSlug);

        Assert.NotEqual(baseSlug, unique);
        Assert.True(unique.Length <= Slugifier.MaxLength, $"{unique} is {unique.Length} chars");
        Assert.True(Slugifier.IsValid(unique), unique);
    }

    [Theory]
    [InlineData("dao-tao")]
    [InlineData("quyet-dinh-1625-qd-ubnd")]
    [InlineData("2024")]
    [InlineData("muc")]
    public void IsValid_accepts_slugs(string slug)
    {
        Assert.True(Slugifier.IsValid(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Dao-tao")]
    [InlineData("đào-tạo")]
    [InlineData("dao tao")]
    [InlineData("-dao-tao")]
    [InlineData("dao-tao-")]
    [InlineData("dao--tao")]
    [InlineData("dao_tao")]
    [InlineData("../etc")]
    public void IsValid_rejects_non_slugs(string? slug)
    {
        Assert.False(Slugifier.IsValid(slug));
    }

    [Fact]
    public void IsValid_rejects_slugs_longer_than_max_length()
    {
        Assert.False(Slugifier.IsValid(new string('a', Slugifier.MaxLength + 1)));
    }

    [Theory]
    [InlineData("Đào tạo nghề cho lao động nông thôn")]
    [InlineData("Quyết định 1625/QĐ-UBND")]
    [InlineData("!!!")]
    public void Every_slugified_title_is_valid(string title)
    {
        Assert.True(Slugifier.IsValid(Slugifier.Slugify(title)));
    }
}
