using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Data;

/// <summary>
/// A throwaway content folder for the importer's tests (a copy of the starting content, of a fixture folder, or
/// empty), deleted on dispose. Import it with <see cref="SiteFactory.ImportAsync"/>.
/// </summary>
public sealed class ContentFolder : IDisposable
{
    private ContentFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A copy of content/ as the site imports it on a fresh machine.</summary>
    public static ContentFolder CopyOfStartingContent(string prefix = "kc-content-") => CopyOf(AppPaths.Content, prefix);

    public static ContentFolder CopyOf(string source, string prefix = "kc-content-")
    {
        var folder = new ContentFolder(prefix);
        CopyTree(source, folder.Path);
        return folder;
    }

    public static ContentFolder Empty(string prefix = "kc-content-") => new(prefix);

    /// <summary>Copies every file below <paramref name="source"/> to the same relative path below <paramref name="target"/>.</summary>
    public static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
