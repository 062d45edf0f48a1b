using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services;

/// <summary>The one CSV writer: quoting and the one formula-injection rule, the same for every download.</summary>
public class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-A1", "'-A1")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("-", "-")]
    [InlineData("-125", "-125")]
    [InlineData("Bến Tre, Việt Nam", "\"Bến Tre, Việt Nam\"")]
    [InlineData("", "")]
    public void Text_cells_never_start_like_a_formula_and_are_quoted_when_needed(string text, string expected)
    {
        Assert.Equal(expected, CsvWriter.Field(text));
    }

    [Fact]
    public void The_programme_tables_and_the_registration_export_apply_the_same_rule()
    {
        var table = new DataTable("t", "Bảng", ["Tên", "Số"], [["\t=1+1", TableCell.Of(-5)], ["-", "@x"]]);
        Assert.Equal("Tên,Số\r\n'\t=1+1,-5\r\n-,'@x\r\n", table.ToCsv());
        var bytes = KhuyenCong.Web.Services.Registrations.RegistrationExport.Csv(["Tên", "Số"], [["\t=1+1", -5], ["-", "@x"]]);
        Assert.Equal(CsvWriter.Utf8(table.ToCsv()), bytes);
    }
}
