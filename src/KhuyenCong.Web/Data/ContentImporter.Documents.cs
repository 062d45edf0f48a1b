using KhuyenCong.Web.Models;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Data;

/// <summary>content/documents: legal documents and their attached files (PDF, a text made into a PDF, Office files).</summary>
public sealed partial class ContentImporter
{
    private async Task ApplyDocumentAsync(string relativePath, string text, Document doc, CancellationToken ct)
    {
        var (meta, body) = FrontMatter.Parse<DocumentFile>(relativePath, text);
        await ApplyCommonAsync(relativePath, text, doc, meta.Title, meta.Slug ?? SlugFromNumber(meta), meta.Summary, body, meta.Status, meta.Sample, db.Documents, ct);
        doc.Kind = Required(relativePath, text, "kind", meta.Kind);
        doc.Issuer = Required(relativePath, text, "issuer", meta.Issuer);
        doc.Number = string.IsNullOrWhiteSpace(meta.Number) ? null : meta.Number.Trim();
        doc.IssuedOn = FrontMatter.ParseDate(relativePath, "issued", meta.Issued);
        doc.EffectiveOn = FrontMatter.ParseDate(relativePath, "effective", meta.Effective);
        doc.InForce = meta.InForce;
        doc.PublishAt ??= doc.IssuedOn ?? clock.GetUtcNow().UtcDateTime;
        doc.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(meta.File))
        {
            doc.FileName = null;
            doc.FileContentType = null;
            doc.FileSize = null;
            return;
        }

        var source = AttachmentPath(relativePath, text, meta.File);
        var extension = Path.GetExtension(source).ToLowerInvariant();
        var target = Path.Combine(data.Value.FilesFolder, "documents");
        Directory.CreateDirectory(target);
        if (extension == ".txt")
        {
            // The repository holds the document's text: the download is a PDF made from it, with the document's
            // metadata on its first page and in its document information.
            var pdf = DocumentPdf.Create(
                // The site's name, read plainly: the import verb runs without the site's other (validated) settings.
                new DocumentPdf.Metadata(doc.Title, doc.Kind, doc.Number, doc.Issuer, doc.IssuedOn,
                    configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.Name)}"] is { Length: > 0 } name ? name : "Khuyến công Bến Tre"),
                await File.ReadAllTextAsync(source, ct));
            RemoveStoredFile(target, doc.FileName, doc.Slug + ".pdf");
            doc.FileName = doc.Slug + ".pdf";
            await File.WriteAllBytesAsync(Path.Combine(target, doc.FileName), pdf, ct);
            doc.FileSize = pdf.Length;
            doc.FileContentType = "application/pdf";
            return;
        }

        RemoveStoredFile(target, doc.FileName, doc.Slug + extension);
        doc.FileName = doc.Slug + extension;
        var stored = Path.Combine(target, doc.FileName);
        File.Copy(source, stored, overwrite: true);
        // The source may be read-only; the stored copy must stay replaceable by the next import.
        File.SetAttributes(stored, FileAttributes.Normal);
        doc.FileSize = new FileInfo(source).Length;
        doc.FileContentType = extension switch
        {
            ".pdf" => "application/pdf",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        };
    }

    /// <summary>Deletes an imported file the document no longer uses (a file of the media library is left alone).</summary>
    private static void RemoveStoredFile(string folder, string? previous, string next)
    {
        if (previous is null || previous == next || previous.StartsWith("media:", StringComparison.Ordinal)
            || previous.Contains('/', StringComparison.Ordinal) || previous.Contains('\\', StringComparison.Ordinal))
        {
            return;
        }

        File.Delete(Path.Combine(folder, previous));
    }

    private static string SlugFromNumber(DocumentFile meta) =>
        Slugifier.Slugify(string.IsNullOrWhiteSpace(meta.Number) ? meta.Title : $"{meta.Kind} {meta.Number}");

    private byte[]? AttachedFileBytes(string relativePath, string text)
    {
        var line = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .FirstOrDefault(l => l.StartsWith("file:", StringComparison.Ordinal));
        var name = line?["file:".Length..].Trim().Trim('"', '\'');
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(AttachmentPath(relativePath, text, name));
        // A text becomes a generated PDF: a new layout version must regenerate it, so it is part of the hash.
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            ? [.. bytes, .. System.Text.Encoding.UTF8.GetBytes(DocumentPdf.Version)]
            : bytes;
    }

    private string AttachmentPath(string relativePath, string text, string name)
    {
        var filesDir = Path.Combine(contentRoot, "files");
        var full = Path.GetFullPath(Path.Combine(filesDir, name));
        if (!full.StartsWith(filesDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !AttachmentExtensions.Contains(Path.GetExtension(full).ToLowerInvariant()))
        {
            throw new ContentImportException(relativePath, LineOf(text, "file"), $"'file' must name a .pdf, .txt, .docx or .xlsx file inside content/files, not '{name}'");
        }

        return File.Exists(full) ? full
            : throw new ContentImportException(relativePath, LineOf(text, "file"), $"attached file content/files/{name} not found");
    }
}
