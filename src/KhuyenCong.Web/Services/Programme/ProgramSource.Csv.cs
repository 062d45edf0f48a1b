using System.Text;
using KhuyenCong.Web.Data;

namespace KhuyenCong.Web.Services.Programme;

/// <summary>The CSV tables of the decision: one small reader that keeps file line numbers for messages.</summary>
public static partial class ProgramSource
{
    /// <summary>A small RFC 4180 reader: '#' comment lines and blank lines skipped, quoted fields, file line numbers kept.</summary>
    private static (string[] Header, List<(int Line, string[] Cells)> Rows) Csv(string root, string file)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            throw new ContentImportException(file, 0, "file not found");
        }

        var lines = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string[]? header = null;
        var rows = new List<(int, string[])>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var cells = SplitCsv(file, i + 1, lines[i]);
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new ContentImportException(file, i + 1, $"{cells.Length} columns, expected {header.Length}");
            }

            rows.Add((i + 1, cells));
        }

        return (header ?? throw new ContentImportException(file, 1, "no header line"), rows);
    }

    private static string[] SplitCsv(string file, int line, string text)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new ContentImportException(file, line, "unclosed quote");
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
