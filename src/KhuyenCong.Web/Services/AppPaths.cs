namespace KhuyenCong.Web.Services;

/// <summary>
/// The folder that holds wwwroot/ and content/: the repository root when run from source (found by the
/// solution file), otherwise the application folder (a published build or the container image).
/// </summary>
public static class AppPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebRoot => Path.Combine(Root, "wwwroot");
    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KhuyenCong.Web.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return AppContext.BaseDirectory;
    }
}
