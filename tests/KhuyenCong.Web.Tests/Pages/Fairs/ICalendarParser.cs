using System.Text;

namespace KhuyenCong.Web.Tests.Pages.Fairs;

/// <summary>
/// A small RFC 5545 reader for the tests: checks CRLF line ends and the 75-octet fold limit, unfolds, checks that
/// BEGIN/END pairs match, and unescapes TEXT values.
/// </summary>
public static class ICalendarParser
{
    public sealed record ContentLine(string Name, string Parameters, string Value);

    public sealed class Component(string name)
    {
        public string Name { get; } = name;
        public List<ContentLine> Properties { get; } = [];
        public List<Component> Children { get; } = [];

        public ContentLine Get(string name) => Properties.Single(p => p.Name == name);

        public string Text(string name) => Unescape(Get(name).Value);
    }

    public static Component Parse(string ics)
    {
        ArgumentNullException.ThrowIfNull(ics);
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        var physical = ics[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                Assert.NotEmpty(logical);
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<Component>();
        Component? root = null;
        foreach (var line in logical)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"no ':' in {line}");
            var head = line[..colon];
            var value = line[(colon + 1)..];
            var semicolon = head.IndexOf(';', StringComparison.Ordinal);
            var name = semicolon < 0 ? head : head[..semicolon];
            var parameters = semicolon < 0 ? "" : head[(semicolon + 1)..];
            if (name == "BEGIN")
            {
                var component = new Component(value);
                if (stack.Count > 0)
                {
                    stack.Peek().Children.Add(component);
                }
                else
                {
                    Assert.Null(root);
                    root = component;
                }

                stack.Push(component);
            }
            else if (name == "END")
            {
                Assert.True(stack.Count > 0, "END without BEGIN");
                Assert.Equal(stack.Pop().Name, value);
            }
            else
            {
                Assert.True(stack.Count > 0, $"property outside a component: {line}");
                stack.Peek().Properties.Add(new ContentLine(name, parameters, value));
            }
        }

        Assert.Empty(stack);
        Assert.NotNull(root);
        Assert.Equal("VCALENDAR", root!.Name);
        return root;
    }

    public static string Unescape(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                sb.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                Assert.True(value[i] is not (',' or ';'), $"unescaped '{value[i]}' in TEXT value: {value}");
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }
}
