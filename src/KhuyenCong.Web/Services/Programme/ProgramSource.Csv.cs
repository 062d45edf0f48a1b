using System.Text;
using KhuyenCong.Web.Data;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>The CSV tables of the decision, read with the site's one <see cref="CsvReader"/> (file line numbers kept for messages).</summary>
public static partial class ProgramSource
{
    /// <summary>A table file: '#' comment lines and blank lines skipped, the first record the header, every row as wide.</summary>
    private static (string[] Header, List<(int Line, string[] Cells)> Rows) Csv(string root, string file)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            throw new ContentImportException(file, 0, "file not found");
        }

        List<CsvRecord> records;
        try
        {
            records = CsvReader.Read(File.ReadAllText(path, Encoding.UTF8), comments: true);
        }
        catch (CsvFormatException e)
        {
            throw new ContentImportException(file, e.Line, e.Reason);
        }

        var header = records.Count > 0 ? records[0].Cells : throw new ContentImportException(file, 1, "no header line");
        var rows = new List<(int, string[])>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.Length != header.Length)
            {
                throw new ContentImportException(file, line, $"{cells.Length} columns, expected {header.Length}");
            }

            rows.Add((line, cells));
        }

        return (header, rows);
    }
}
