using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services;

/// <summary>The one CSV reader: reads back what the one writer writes, keeps file lines, rejects an unclosed quote.</summary>
public class CsvReaderTests
{
    [Fact]
    public void Reads_back_what_the_writer_writes()
    {
        string[] header = ["Tên", "Ghi chú", "Số"];
        object?[][] rows = [["Bến Tre, Việt Nam", "dòng 1\r\ndòng 2", 12], ["nói \"có\"", "", -5], ["#1", "=1+1", null]];
        var records = CsvReader.Read(CsvWriter.Text(header, rows));
        Assert.Equal(header, records[0].Cells);
        Assert.Equal(["Bến Tre, Việt Nam", "dòng 1\r\ndòng 2", "12"], records[1].Cells);
        Assert.Equal(["nói \"có\"", "", "-5"], records[2].Cells);
        Assert.Equal(["#1", "'=1+1", ""], records[3].Cells);
        Assert.Equal([1, 2, 4, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Comment_and_blank_lines_are_skipped_and_lines_counted()
    {
        var records = CsvReader.Read("# nguồn\na,b\n\n\"x\ny\",2\r\n#c\n3,4", comments: true);
        Assert.Equal([2, 4, 7], records.Select(r => r.Line));
        Assert.Equal(["x\ny", "2"], records[1].Cells);
        Assert.Equal([["#c"], ["\n3,4"]], CsvReader.Read("#c\n\"\n3,4\"").Select(r => r.Cells));
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_opens_on()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvReader.Read("a,b\n1,2\n3,\"4\n5,6\n"));
        Assert.Equal(3, e.Line);
        Assert.Equal("unclosed quote", e.Reason);
    }
}
