using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Registrations;

/// <summary>The filtered inbox as CSV (UTF-8 with BOM, for Excel) or as a minimal .xlsx written by hand.</summary>
public static class RegistrationExport
{
    private static readonly IReadOnlyList<RegistrationField> Columns = RegistrationFields.All.Where(f => f.Exported).ToList();

    /// <summary>The reference, date and status, the exported answers (<see cref="RegistrationFields"/>), the assignee.</summary>
    public static readonly string[] Header = ["Mã số", "Ngày gửi", "Trạng thái", .. Columns.Select(f => f.Label), "Người phụ trách"];

    /// <summary>One row of cells; numbers stay numbers (for the spreadsheet), the rest are text.</summary>
    public static object?[] Row(Registration r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return
        [
            r.Reference, VietnamTime.DateAndTime(r.SubmittedAt), RegistrationCatalog.StatusName(r.Status),
            .. Columns.Select(f => f.Value(r)), r.AssignedToName,
        ];
    }

    public static byte[] Csv(IEnumerable<Registration> rows) => Csv(Header, rows.Select(Row));

    /// <summary>Any table as CSV (<see cref="CsvWriter"/>: UTF-8 with BOM, quoting, text cells never read as formulas).</summary>
    public static byte[] Csv(IEnumerable<string> header, IEnumerable<object?[]> rows) => CsvWriter.Bytes(header, rows);

    /// <summary>A one-sheet workbook: the parts Excel and LibreOffice need, inline strings, no styles.</summary>
    public static byte[] Xlsx(IEnumerable<Registration> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đăng ký" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """);
            var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            var rowNumber = 1;
            SheetRow(sheet, rowNumber++, Header);
            foreach (var r in rows)
            {
                SheetRow(sheet, rowNumber++, Row(r));
            }

            sheet.Append("</sheetData></worksheet>");
            Part(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }

        return buffer.ToArray();
    }

    private static void SheetRow(StringBuilder sheet, int number, IReadOnlyList<object?> cells)
    {
        sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture);
            switch (cells[i])
            {
                case null:
                    break;
                case int or long:
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{((IFormattable)cells[i]!).ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                    break;
                default:
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{XmlText(cells[i]!.ToString()!)}</t></is></c>");
                    break;
            }
        }

        sheet.Append("</row>");
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static string XmlText(string s) =>
        SecurityElement.Escape(new string(s.Where(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)).ToArray())) ?? "";

    private static void Part(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(content.Trim());
        stream.Write(bytes);
    }
}
