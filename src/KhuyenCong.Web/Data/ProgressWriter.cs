using System.Diagnostics;
using System.Text;

namespace KhuyenCong.Web.Data;

/// <summary>
/// Passes each line on as soon as it is complete, prefixed with the seconds since the start ("[12.3 s] …"), so
/// a long first import shows its progress folder by folder instead of printing everything at the end.
/// </summary>
public sealed class ProgressWriter(Action<string> sink) : TextWriter
{
    private readonly Stopwatch started = Stopwatch.StartNew();
    private readonly StringBuilder line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
        }
        else if (value != '\r')
        {
            line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Flush();
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        if (line.Length > 0)
        {
            sink(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{started.Elapsed.TotalSeconds:0.0} s] {line}"));
            line.Clear();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
