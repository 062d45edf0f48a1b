using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// Makes the downloadable PDF of a policy document from the plain text the repository holds (PDFsharp 6.2.4, MIT),
/// with the document's metadata on its first page and in the PDF's document information (title, number, issuer,
/// date). The font is DejaVu Serif embedded in this assembly, so the result never depends on the fonts of the
/// machine the import runs on, and Vietnamese tone marks render on every one.
/// </summary>
public static class DocumentPdf
{
    /// <summary>Changes whenever the layout changes, so the importer regenerates files made by an older layout.</summary>
    public const string Version = "document-pdf-1";

    public const string FontFamily = "DejaVu Serif";

    private const double PageWidth = 595.28; // A4 in points
    private const double PageHeight = 841.89;
    private const double Margin = 62;
    private const double BodySize = 10.5;
    private const double BodyLeading = BodySize * 1.4;

    private static readonly Lock ResolverLock = new();

    public sealed record Metadata(string Title, string Kind, string? Number, string Issuer, DateTime? IssuedOn, string Creator);

    public static byte[] Create(Metadata meta, string text)
    {
        ArgumentNullException.ThrowIfNull(meta);
        EnsureFontResolver();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var body = new XFont(FontFamily, BodySize, XFontStyleEx.Regular, options);
        var bold = new XFont(FontFamily, BodySize, XFontStyleEx.Bold, options);
        var heading = new XFont(FontFamily, 14, XFontStyleEx.Bold, options);
        var small = new XFont(FontFamily, 8.5, XFontStyleEx.Regular, options);

        using var pdf = new PdfDocument();
        var numberText = meta.Number is null ? meta.Kind : $"{meta.Kind} số {meta.Number}";
        var dateText = meta.IssuedOn is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : null;
        pdf.Info.Title = Nfc(meta.Title);
        pdf.Info.Subject = Nfc(dateText is null ? numberText : $"{numberText}, ban hành ngày {dateText}");
        pdf.Info.Author = Nfc(meta.Issuer);
        pdf.Info.Keywords = Nfc(string.Join(", ", new[] { meta.Number, meta.Kind, meta.Issuer }.Where(s => !string.IsNullOrWhiteSpace(s))));
        pdf.Info.Creator = Nfc(meta.Creator);
        pdf.Language = "vi-VN";
        pdf.PageLayout = PdfPageLayout.SinglePage;

        // Lay every line out first (measuring needs a graphics context), then paginate, so the footer can say
        // "Trang i/n".
        var lines = new List<Line>();
        using (var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards))
        {
            var width = PageWidth - 2 * Margin;
            foreach (var l in Wrap(measure, Nfc(numberText), bold, width)) lines.Add(new Line(l, bold, BodyLeading));
            foreach (var l in Wrap(measure, Nfc(meta.Title), heading, width)) lines.Add(new Line(l, heading, 14 * 1.35));
            lines.Add(new Line($"Cơ quan ban hành: {Nfc(meta.Issuer)}", body, BodyLeading));
            if (dateText is not null)
            {
                lines.Add(new Line($"Ngày ban hành: {dateText}", body, BodyLeading));
            }

            foreach (var l in Wrap(measure, "Bản PDF do trang thông tin tạo từ toàn văn lưu trong kho nội dung của trang; khi cần giá trị pháp lý, "
                + "đối chiếu văn bản gốc đăng trên Công báo hoặc Cơ sở dữ liệu quốc gia về văn bản pháp luật.", small, width))
            {
                lines.Add(new Line(l, small, 8.5 * 1.4));
            }

            lines.Add(Line.Rule);
            foreach (var paragraph in Nfc(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var clean = paragraph.Replace('\t', ' ').Trim();
                if (clean.Length == 0)
                {
                    lines.Add(new Line("", body, BodyLeading / 2));
                    continue;
                }

                foreach (var l in Wrap(measure, clean, body, width))
                {
                    lines.Add(new Line(l, body, BodyLeading));
                }
            }
        }

        var pages = Paginate(lines);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            var y = Margin;
            foreach (var line in pages[i])
            {
                if (ReferenceEquals(line, Line.Rule))
                {
                    gfx.DrawLine(XPens.Gray, Margin, y + 4, PageWidth - Margin, y + 4);
                    y += 12;
                    continue;
                }

                y += line.Height;
                if (line.Text.Length > 0)
                {
                    gfx.DrawString(line.Text, line.Font!, XBrushes.Black, Margin, y - line.Height * 0.28);
                }
            }

            var footer = $"{numberText} · Trang {i + 1}/{pages.Count}";
            var size = gfx.MeasureString(Nfc(footer), small);
            gfx.DrawString(Nfc(footer), small, XBrushes.DimGray, (PageWidth - size.Width) / 2, PageHeight - Margin / 2);
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed record Line(string Text, XFont? Font, double Height)
    {
        public static readonly Line Rule = new("", null, 12);
    }

    private static List<List<Line>> Paginate(List<Line> lines)
    {
        var pages = new List<List<Line>> { new() };
        var available = PageHeight - 2 * Margin;
        var used = 0.0;
        foreach (var line in lines)
        {
            if (used + line.Height > available && pages[^1].Count > 0)
            {
                pages.Add([]);
                used = 0;
                if (line.Text.Length == 0)
                {
                    continue; // no blank line at the top of a page
                }
            }

            pages[^1].Add(line);
            used += line.Height;
        }

        return pages;
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line is cut by characters.</summary>
    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (gfx.MeasureString(candidate, font).Width <= width)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }

            var rest = word;
            while (gfx.MeasureString(rest, font).Width > width)
            {
                var cut = rest.Length - 1;
                while (cut > 1 && gfx.MeasureString(rest[..cut], font).Width > width)
                {
                    cut--;
                }

                yield return rest[..cut];
                rest = rest[cut..];
            }

            current.Append(rest);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    private static void EnsureFontResolver()
    {
        lock (ResolverLock)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = EmbeddedFontResolver.Instance;
            }
        }
    }

    /// <summary>Serves DejaVu Serif (regular and bold) from this assembly's resources; one instance per process.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public static readonly EmbeddedFontResolver Instance = new();
        private const string Regular = "DejaVuSerif";
        private const string Bold = "DejaVuSerif-Bold";

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? Bold : Regular, false, isItalic);

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(DocumentPdf).Assembly.GetManifestResourceStream($"KhuyenCong.Web.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"The embedded font {faceName}.ttf is missing from the build.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
