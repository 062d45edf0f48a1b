namespace KhuyenCong.Web.Options;

/// <summary>Where runtime data lives (section "Data"): the SQLite file, files, keys, backups.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Absolute after start-up; relative values are resolved against the repository (or app) root.</summary>
    public string Path { get; set; } = "data";

    /// <summary>
    /// Optional folder where the importer keeps the images it has already processed, keyed by the SHA-256 of the
    /// source file, so that importing the same content into another data folder re-uses them instead of encoding
    /// every variant again (test runs import the starting content into many fresh data folders).
    /// </summary>
    public string? ImportMediaCache { get; set; }

    /// <summary>
    /// <c>Data:MediaPath</c>: the folder of media and document files, shared by every node of a cluster (an NFS
    /// mount or similar). Unset: the data folder, as on one machine. Absolute after start-up.
    /// </summary>
    public string? MediaPath { get; set; }

    public const string MediaPathSetting = "Data:MediaPath";

    public string DatabaseFile => System.IO.Path.Combine(Path, "khuyencong.db");

    /// <summary>Where media and document files live: <see cref="MediaPath"/>, else the data folder.</summary>
    public string MediaRoot => string.IsNullOrWhiteSpace(MediaPath) ? Path : MediaPath;

    /// <summary>Uploaded and imported media with their variants (images, video, PDF from the library).</summary>
    public string MediaFolder => System.IO.Path.Combine(MediaRoot, "media");

    /// <summary>Imported files (document attachments).</summary>
    public string FilesFolder => System.IO.Path.Combine(MediaRoot, "files");
}

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default). "Postgres" is reserved for the scale-out mode.</summary>
    public string Provider { get; set; } = "Sqlite";
}
