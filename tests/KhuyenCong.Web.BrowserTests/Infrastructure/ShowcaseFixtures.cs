using System.Text.RegularExpressions;

namespace KhuyenCong.Web.BrowserTests.Infrastructure;

/// <summary>
/// Products for the gate when the repository's content has none yet: the integration tests' fixtures (three
/// establishments, three products, their images) are added to the gate's content copy. With real products in
/// content/products nothing is added, and the journeys pick whatever products the site lists.
/// </summary>
public static partial class ShowcaseFixtures
{
    private static string Folder => Path.Combine(Prerequisites.RepositoryRoot, "tests", "KhuyenCong.Web.Tests", "Fixtures", "showcase");

    public static void AddWhenMissing(string content)
    {
        var products = Path.Combine(content, "products");
        if (Directory.Exists(products) && Directory.EnumerateFiles(products, "*.md").Any())
        {
            return;
        }

        foreach (var file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Folder, file);
            var to = Path.Combine(content, relative);
            if (relative == "establishments.yml" && File.Exists(to))
            {
                File.AppendAllText(to, "\n" + File.ReadAllText(file));
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
    }

    /// <summary>The first product on /san-pham and the producer linked from its page.</summary>
    public static async Task<(string Product, string Producer)> DiscoverAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var list = await client.GetStringAsync(new Uri("/san-pham", UriKind.Relative));
        var product = ProductLink().Match(list).Groups[1].Value;
        if (product.Length == 0)
        {
            throw new InvalidOperationException("no product on /san-pham");
        }

        var page = await client.GetStringAsync(new Uri(product, UriKind.Relative));
        var producer = ProducerLink().Match(page).Groups[1].Value;
        if (producer.Length == 0)
        {
            throw new InvalidOperationException($"no producer link on {product}");
        }

        return (product, producer);
    }

    [GeneratedRegex("""class="card-title"><a href="(/san-pham/[a-z0-9-]+)">""")]
    private static partial Regex ProductLink();

    [GeneratedRegex("""href="(/co-so/[a-z0-9-]+)">""")]
    private static partial Regex ProducerLink();
}
