using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// A TV segment's transcript: lines that may start with a cue time "[mm:ss]" or "[h:mm:ss]". Builds the WebVTT
/// captions track (a cue lasts until the next one; the last until the segment ends) and formats durations.
/// </summary>
public static partial class Transcript
{
    public sealed record Line(TimeSpan? At, string Text);

    public sealed record Cue(TimeSpan Start, TimeSpan End, string Text);

    /// <summary>The heading that separates a TV content file's description from its transcript.</summary>
    public const string Heading = "## Bản ghi lời";

    public static IReadOnlyList<Line> Lines(string? transcript)
    {
        var lines = new List<Line>();
        foreach (var raw in (transcript ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var text = raw.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var match = CueTime().Match(text);
            lines.Add(match.Success && TryTime(match, out var at)
                ? new Line(at, match.Groups["text"].Value.Trim())
                : new Line(null, text));
        }

        return lines;
    }

    /// <summary>Cues in increasing start order; untimed lines and out-of-order times join the previous cue.</summary>
    public static IReadOnlyList<Cue> Cues(string? transcript, int durationSeconds)
    {
        var starts = new List<(TimeSpan Start, StringBuilder Text)>();
        foreach (var line in Lines(transcript))
        {
            if (line.At is { } at && (starts.Count == 0 || at > starts[^1].Start))
            {
                starts.Add((at, new StringBuilder(line.Text)));
            }
            else if (starts.Count > 0)
            {
                starts[^1].Text.Append(' ').Append(line.Text);
            }
        }

        var duration = TimeSpan.FromSeconds(Math.Max(0, durationSeconds));
        var cues = new List<Cue>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Start
                : duration > starts[i].Start ? duration : starts[i].Start + TimeSpan.FromSeconds(5);
            cues.Add(new Cue(starts[i].Start, end, starts[i].Text.ToString().Trim()));
        }

        return cues;
    }

    /// <summary>A valid WebVTT file; cue text escapes &amp;, &lt; and &gt; (so "-->" cannot end a timing line).</summary>
    public static string WebVtt(IEnumerable<Cue> cues)
    {
        var sb = new StringBuilder("WEBVTT\n\n");
        var n = 0;
        foreach (var cue in cues)
        {
            sb.Append(++n).Append('\n')
              .Append(VttTime(cue.Start)).Append(" --> ").Append(VttTime(cue.End)).Append('\n')
              .Append(EscapeVtt(cue.Text)).Append("\n\n");
        }

        return sb.ToString();
    }

    public static string EscapeVtt(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string VttTime(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}");

    /// <summary>"12:30" or "1:02:03" to seconds.</summary>
    public static bool TryParseDuration(string? value, out int seconds)
    {
        seconds = 0;
        var match = DurationPattern().Match(value?.Trim() ?? "");
        if (!match.Success || !TryTime(match, out var t) || t <= TimeSpan.Zero || t > TimeSpan.FromHours(10))
        {
            return false;
        }

        seconds = (int)t.TotalSeconds;
        return true;
    }

    /// <summary>"12:30" or "1:02:03".</summary>
    public static string Clock(int seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes:00}:{t.Seconds:00}");
    }

    /// <summary>ISO 8601 duration, e.g. "PT12M30S" (schema.org VideoObject).</summary>
    public static string IsoDuration(int seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        var sb = new StringBuilder("PT");
        if (t.TotalHours >= 1)
        {
            sb.Append((int)t.TotalHours).Append('H');
        }

        if (t.Minutes > 0)
        {
            sb.Append(t.Minutes).Append('M');
        }

        if (t.Seconds > 0 || seconds <= 0 || (t.Minutes == 0 && t.TotalHours < 1))
        {
            sb.Append(t.Seconds).Append('S');
        }

        return sb.ToString();
    }

    private static bool TryTime(Match match, out TimeSpan time)
    {
        time = default;
        var h = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var s = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        if (s > 59 || (match.Groups["h"].Success && m > 59))
        {
            return false;
        }

        time = new TimeSpan(h, m, s);
        return true;
    }

    [GeneratedRegex(@"^\[(?:(?<h>[0-9]{1,2}):)?(?<m>[0-9]{1,3}):(?<s>[0-9]{2})\]\s*(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CueTime();

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,2}):)?(?<m>[0-9]{1,3}):(?<s>[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
