namespace KhuyenCong.Web;

/// <summary>
/// "healthcheck" verb: GET /healthz on this machine's own server (first ASPNETCORE_URLS entry, default
/// port 8080) and exit 0 when it answers 200. The runtime image has no curl, so the app checks itself. The request
/// names the public host (Site__PublicBaseUrl), the only one host filtering lets through in Production.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync()
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:8080";
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0]
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(first), "/healthz"));
            if (Uri.TryCreate(Environment.GetEnvironmentVariable("Site__PublicBaseUrl"), UriKind.Absolute, out var publicBase))
            {
                request.Headers.Host = publicBase.Host;
            }

            using var response = await http.SendAsync(request);
            Console.WriteLine($"healthz: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            Console.Error.WriteLine($"healthz: {ex.Message}");
            return 1;
        }
    }
}
