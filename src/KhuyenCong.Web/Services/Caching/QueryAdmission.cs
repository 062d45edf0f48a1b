namespace KhuyenCong.Web.Services.Caching;

/// <summary>
/// Which answers to a URL with query values (a search, a later page of a list, a filter) earn a place in the output
/// cache: only one asked for before, lately. Most searches are typed once; storing each of them compressed pushed
/// out the pages everybody reads and cost a copy per request, and a client sending a new random <c>?q=</c> every
/// time could fill the cache with pages nobody asks for again. A page without query values (the home page, an
/// article) is stored the first time, as before.
/// </summary>
/// <remarks>
/// The memory of what was asked is a fixed table of hashes (<see cref="Slots"/> of them, 64 KB): a URL's hash sits
/// in one slot until another URL's takes it, so "lately" means roughly the last few thousand such URLs. Two URLs
/// with the same hash make one of them count as seen (its answer is stored once too early); nothing worse.
/// </remarks>
public sealed class QueryAdmission
{
    /// <summary>How many recently asked URLs are remembered (a power of two).</summary>
    public const int Slots = 16_384;

    private readonly int[] seen = new int[Slots];

    /// <summary>
    /// Records that the URL (its path and the query values its page reads) was asked for, and says whether it had
    /// been asked for before, lately: only then is its answer stored.
    /// </summary>
    /// <remarks>
    /// Asked once per request: the answer is kept with the request, as the cache runs the policy more than once (the
    /// base policy and the page's named one), and a second look would find the URL just recorded.
    /// </remarks>
    public bool AskedBefore(HttpContext http, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(values);
        if (http.Items.TryGetValue(AnswerKey, out var answer) && answer is bool known)
        {
            return known;
        }

        var before = Record(http.Request.Path, values);
        http.Items[AnswerKey] = before;
        return before;
    }

    private static readonly object AnswerKey = new();

    private bool Record(PathString path, IEnumerable<KeyValuePair<string, string>> values)
    {
        var hash = new HashCode();
        // The cache's own key ignores the path's case; the values are compared as they are.
        hash.Add(path.Value ?? "", StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        // 0 marks an empty slot, so a URL whose hash is 0 is counted as another value.
        var fingerprint = hash.ToHashCode() | 1;
        ref var slot = ref seen[(fingerprint >>> 1) & (Slots - 1)];
        if (Volatile.Read(ref slot) == fingerprint)
        {
            return true;
        }

        Volatile.Write(ref slot, fingerprint);
        return false;
    }
}
