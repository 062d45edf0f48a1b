using System.Net;

namespace KhuyenCong.Web.Options;

/// <summary>
/// Section "ReverseProxy": the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. Unset (the
/// default) means none: the headers are ignored and the connection's own address is the client's. Each value is a
/// list separated by ';' or ','.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies in front of the app, e.g. "10.0.0.5;10.0.0.6".</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Networks (CIDR) the proxies are in, e.g. "10.0.0.0/24".</summary>
    public string? KnownNetworks { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(KnownProxies) || !string.IsNullOrWhiteSpace(KnownNetworks);

    /// <summary>Parses both lists; false if any entry is not an address (or a network).</summary>
    public bool TryParse(out List<IPAddress> proxies, out List<IPNetwork> networks)
    {
        proxies = [];
        networks = [];
        var ok = true;
        foreach (var entry in Split(KnownProxies))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                ok = false;
            }
        }

        foreach (var entry in Split(KnownNetworks))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                ok = false;
            }
        }

        return ok;
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
