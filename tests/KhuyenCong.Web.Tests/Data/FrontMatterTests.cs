using KhuyenCong.Web.Data;

namespace KhuyenCong.Web.Tests.Data;

public class FrontMatterTests
{
    private const string FileName = "tin-tuc/2022/hoi-cho.md";

    [Fact]
    public void Parse_splits_yaml_and_body()
    {
        const string text = """
            ---
            title: Hội chợ hàng công nghiệp nông thôn
            date: 2022-03-15 08:30
            tags:
              - hội chợ
              - đồng tháp
            area: 3
            featured: true
            ---

            # Khai mạc

            Sáng nay hội chợ khai mạc.
            """;

        var (meta, body) = FrontMatter.Parse<ArticleFile>(FileName, text);

        Assert.Equal("Hội chợ hàng công nghiệp nông thôn", meta.Title);
        Assert.Equal("2022-03-15 08:30", meta.Date);
        Assert.Equal(["hội chợ", "đồng tháp"], meta.Tags);
        Assert.Equal(3, meta.Area);
        Assert.True(meta.Featured);
        Assert.Equal("# Khai mạc\n\nSáng nay hội chợ khai mạc.", body);
    }

    [Fact]
    public void Parse_accepts_windows_line_endings()
    {
        var (meta, body) = FrontMatter.Parse<ArticleFile>(FileName, "---\r\ntitle: Tin\r\n---\r\n\r\nDòng một\r\nDòng hai\r\n");

        Assert.Equal("Tin", meta.Title);
        Assert.Equal("Dòng một\nDòng hai", body);
    }

    [Fact]
    public void Parse_keeps_a_horizontal_rule_in_the_body()
    {
        var (_, body) = FrontMatter.Parse<ArticleFile>(FileName, "---\ntitle: Tin\n---\nTrên\n\n---\n\nDưới\n");

        Assert.Equal("Trên\n\n---\n\nDưới", body);
    }

    [Fact]
    public void Parse_with_an_empty_body_gives_an_empty_body()
    {
        var (meta, body) = FrontMatter.Parse<ArticleFile>(FileName, "---\ntitle: Tin\n---");

        Assert.Equal("Tin", meta.Title);
        Assert.Equal("", body);
    }

    [Theory]
    [InlineData("title: Tin\n---\nThân bài")]
    [InlineData("\n---\ntitle: Tin\n---\nThân bài")]
    [InlineData("--- \ntitle: Tin\n---\nThân bài")]
    [InlineData("")]
    public void Missing_opening_line_throws_at_line_1(string text)
    {
        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.Parse<ArticleFile>(FileName, text));

        Assert.Equal(1, ex.Line);
        Assert.Equal(FileName, ex.File);
        Assert.StartsWith($"{FileName}:1: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_front_matter_throws()
    {
        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.Parse<ArticleFile>(FileName, "---\ntitle: Tin\n\nThân bài"));

        Assert.Equal(FileName, ex.File);
        Assert.Contains("not closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_error_on_the_first_yaml_line_is_reported_at_file_line_2()
    {
        var ex = Assert.Throws<ContentImportException>(
            () => FrontMatter.Parse<ArticleFile>(FileName, "---\nbogus: 1\ntitle: Tin\n---\nThân bài"));

        Assert.Equal(2, ex.Line);
        Assert.Contains("bogus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_syntax_error_reports_its_file_line()
    {
        // Line 3 of the file is indented under a scalar: not valid YAML.
        const string text = "---\ntitle: Tin\n  bad: mapping\ndate: 2022-03-15\n---\nThân bài";

        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.Parse<ArticleFile>(FileName, text));

        Assert.Equal(3, ex.Line);
        Assert.StartsWith($"{FileName}:3: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_reports_the_line_it_opens_on()
    {
        const string text = "---\ntitle: Tin\ndate: 2022-03-15\nsummary: \"chưa đóng\n---\nThân bài";

        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.Parse<ArticleFile>(FileName, text));

        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void Wrong_value_type_reports_its_file_line()
    {
        const string text = "---\ntitle: Tin\ndate: 2022-03-15\ntopic: dao-tao\narea: ba\n---\nThân bài";

        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.Parse<ArticleFile>(FileName, text));

        Assert.Equal(5, ex.Line);
    }

    [Fact]
    public void Unknown_key_reports_its_file_line()
    {
        const string text = "---\ntitle: Tin\ndate: 2022-03-15\ntitel: Lỗi chính tả\n---\nThân bài";

        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.Parse<ArticleFile>(FileName, text));

        Assert.Equal(4, ex.Line);
        Assert.Contains("titel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_front_matter_throws()
    {
        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.Parse<ArticleFile>(FileName, "---\n---\nThân bài"));

        Assert.Equal(FileName, ex.File);
    }

    [Fact]
    public void Deserialize_reads_a_yaml_list()
    {
        var topics = FrontMatter.Deserialize<List<TopicFile>>(
            "topics.yml", "- slug: dao-tao\n  name: Đào tạo\n- slug: hoi-cho\n  name: Hội chợ\n");

        Assert.Equal(["dao-tao", "hoi-cho"], topics.Select(t => t.Slug));
        Assert.Equal("Đào tạo", topics[0].Name);
    }

    [Fact]
    public void Deserialize_reports_lines_of_a_data_file_from_1()
    {
        var ex = Assert.Throws<ContentImportException>(
            () => FrontMatter.Deserialize<List<TopicFile>>("topics.yml", "- slug: dao-tao\n  name: Đào tạo\n  color: red\n"));

        Assert.Equal("topics.yml", ex.File);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void ParseLocalTime_reads_vietnam_time_as_utc()
    {
        var utc = FrontMatter.ParseLocalTime(FileName, "date", "2022-03-15 08:30");

        Assert.Equal(new DateTime(2022, 3, 15, 1, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Theory]
    [InlineData("2022-03-15", 2022, 3, 14, 17, 0, 0)]
    [InlineData("2022-03-15 05:00", 2022, 3, 14, 22, 0, 0)]
    [InlineData("2022-03-15 08:30:45", 2022, 3, 15, 1, 30, 45)]
    [InlineData("2022-03-15T08:30", 2022, 3, 15, 1, 30, 0)]
    [InlineData("2022-01-01 00:00", 2021, 12, 31, 17, 0, 0)]
    [InlineData("  2022-03-15 08:30  ", 2022, 3, 15, 1, 30, 0)]
    public void ParseLocalTime_accepts_the_documented_formats(string value, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc), FrontMatter.ParseLocalTime(FileName, "date", value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseLocalTime_of_nothing_is_null(string? value)
    {
        Assert.Null(FrontMatter.ParseLocalTime(FileName, "date", value));
    }

    [Theory]
    [InlineData("15/03/2022")]
    [InlineData("2022-02-30")]
    [InlineData("2022-13-01")]
    [InlineData("2022-03-15 25:00")]
    [InlineData("2022-03-15 8:30 SA")]
    [InlineData("hôm qua")]
    [InlineData("2022-03-15Z")]
    public void ParseLocalTime_of_a_bad_date_throws_naming_the_field(string value)
    {
        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.ParseLocalTime(FileName, "updated", value));

        Assert.Equal(FileName, ex.File);
        Assert.Contains("'updated'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLocalTime_of_year_one_throws_ContentImportException_not_an_overflow()
    {
        // 0001-01-01 00:00 in Vietnam is before DateTime.MinValue in UTC.
        var ex = Record.Exception(() => FrontMatter.ParseLocalTime(FileName, "date", "0001-01-01"));

        Assert.True(ex is ContentImportException, $"expected ContentImportException, got {ex?.GetType().Name ?? "no exception"}: {ex?.Message}");
    }

    [Fact]
    public void ParseDate_keeps_the_calendar_day()
    {
        Assert.Equal(new DateTime(2021, 7, 12, 0, 0, 0, DateTimeKind.Utc), FrontMatter.ParseDate(FileName, "issued", "2021-07-12"));
    }

    [Theory]
    [InlineData("12/07/2021")]
    [InlineData("2021-07-12 08:00")]
    [InlineData("2021-02-29")]
    public void ParseDate_of_a_bad_date_throws_naming_the_field(string value)
    {
        var ex = Assert.Throws<ContentImportException>(() => FrontMatter.ParseDate(FileName, "effective", value));

        Assert.Contains("'effective'", ex.Message, StringComparison.Ordinal);
    }
}
