using System.Text;

namespace KhuyenCong.Web.Services;

/// <summary>One CSV record and the file line it starts on (1-based).</summary>
public sealed record CsvRecord(int Line, string[] Cells);

/// <summary>CSV text that is not RFC 4180: the line the broken record starts on and what is wrong.</summary>
public sealed class CsvFormatException(int line, string reason) : FormatException($"line {line}: {reason}")
{
    /// <summary>The file line (1-based) the broken record starts on.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, in English (callers put it in their own message).</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// The site's one CSV reader, the counterpart of <see cref="CsvWriter"/> (RFC 4180: comma, CRLF or LF, a field
/// quoted when it starts with a quote, quotes doubled, line breaks inside quotes kept). Blank lines are skipped, and
/// with <c>comments</c> so are lines that start with '#'. Each record keeps its file line for messages.
/// It reads the decision's tables (<see cref="Programme.ProgramSource"/>) and, in the tests, every CSV export.
/// </summary>
public static class CsvReader
{
    /// <summary>The records of <paramref name="text"/>; throws <see cref="CsvFormatException"/> on an unclosed quote.</summary>
    public static List<CsvRecord> Read(string text, bool comments = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            if (EndOfLine(text, i) is var blank and > 0)
            {
                i += blank;
                line++;
                continue;
            }

            if (comments && text[i] == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                i++;
                line++;
                continue;
            }

            var quoted = false;
            for (; i < text.Length; i++)
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
                        line += c == '\n' ? 1 : 0;
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
                else if (EndOfLine(text, i) is var end and > 0)
                {
                    i += end;
                    line++;
                    break;
                }
                else
                {
                    cell.Append(c);
                }
            }

            if (quoted)
            {
                throw new CsvFormatException(start, "unclosed quote");
            }

            cells.Add(cell.ToString());
            cell.Clear();
            records.Add(new CsvRecord(start, [.. cells]));
            cells.Clear();
        }

        return records;
    }

    /// <summary>The length of the line break at <paramref name="i"/> (2 for CRLF, 1 for LF), 0 when there is none.</summary>
    private static int EndOfLine(string text, int i) =>
        text[i] == '\n' ? 1 : text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 0;
}
