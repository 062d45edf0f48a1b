using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web;

/// <summary>
/// Settings of outside resources, checked before the server starts (and before the verbs that need them): a
/// wrong one stops the app with one line naming the setting (no stack trace) and exit code 2.
/// </summary>
public static class StartupChecks
{
    public const int ExitCode = 2;

    /// <summary>The line to print, or null when every resource answers. <paramref name="verb"/>: null = serve.</summary>
    public static async Task<string?> FailureAsync(IServiceProvider services, string? verb)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (verb is null or "import" && MediaFolderFailure(services.GetRequiredService<IOptions<DataOptions>>().Value) is { } media)
        {
            return media;
        }

        return verb is null ? await SharedCache.CheckAsync(services) : null;
    }

    /// <summary>
    /// Every option validated at start (public base URL, mail, limits…), checked before the server starts so a
    /// wrong setting prints its own message (which names the setting) instead of the host's stack trace; null = valid.
    /// </summary>
    public static string? OptionsFailure(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return string.Join(' ', e.Failures);
        }
        catch (InvalidOperationException e) when (IsBindingFailure(e))
        {
            return e.Message;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException || IsBindingFailure(inner)))
        {
            return string.Join(' ', e.InnerExceptions.SelectMany(inner => inner is OptionsValidationException v ? v.Failures : [inner.Message]));
        }
    }

    // The configuration binder's own words name the setting: "Failed to convert configuration value at 'Mail:Port' …".
    private static bool IsBindingFailure(Exception e) =>
        e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);

    /// <summary>
    /// A configured <c>Data:MediaPath</c> must exist (it is never created: a missing mount must not silently become
    /// a local folder on one node) and be writable.
    /// </summary>
    public static string? MediaFolderFailure(DataOptions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.MediaPath is not { } path)
        {
            return null;
        }

        if (!Directory.Exists(path))
        {
            return $"{DataOptions.MediaPathSetting} ({path}): the folder does not exist; mount the shared folder (NFS or similar) or correct the setting (unset = inside Data:Path).";
        }

        try
        {
            var probe = Path.Combine(path, $".write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            Directory.CreateDirectory(data.MediaFolder);
            Directory.CreateDirectory(data.FilesFolder);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{DataOptions.MediaPathSetting} ({path}): the folder is not writable by this app ({e.Message}).";
        }
    }
}
