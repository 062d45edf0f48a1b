using System.Runtime.InteropServices;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// Finds and ranks search matches in memory, one copy per app node, built from the <c>SearchItems</c> table and
/// kept current from it: every index write moves the search stamp (<see cref="ChangeStamp.SearchId"/>) and stamps
/// its row with the new version in the same transaction, and each search first compares the stamp with the version
/// this node holds (one primary-key read) and loads only the rows written since. So a search on any node sees every
/// committed change, on either database, and the database stays the only home of the index.
/// <para>
/// Matching and ranking follow the earlier SQL designs exactly: every word must occur, the last one as a prefix; the
/// newest <see cref="SearchQuery.Window"/> matches are the candidates; among them the query as a phrase in the title,
/// the summary, the body (tiers 3, 2, 1), then how many adjacent word pairs stand together, then FTS5's bm25 (title
/// 10, summary 4, body 1; k1 1.2, b 0.75), then the oldest row first. A search scans the candidates' word arrays once
/// and never scores a non-candidate: the cost depends on the window, not on the size of the site.
/// </para>
/// </summary>
public sealed partial class SearchEngine(ILogger<SearchEngine> log) : IDisposable
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private static readonly double[] Weights = [10.0, 4.0, 1.0];

    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Dictionary<string, int> wordIds = new(StringComparer.Ordinal);
    private readonly List<string> words = [];
    private readonly List<Postings> postings = [];
    private readonly Dictionary<int, Entry> entries = [];
    /// <summary>Word ids in ordinal order of their text, and each word's place in it: a prefix is a range here.</summary>
    private int[] sorted = [];
    private int[] sortedPlace = [];
    private long tokens;
    /// <summary>Merged rows of multi-word prefixes (<see cref="MergedRows"/>), emptied whenever the index changes.</summary>
    private System.Collections.Concurrent.ConcurrentDictionary<string, int[]> merged = new(StringComparer.Ordinal);
    private long version = -1;

    /// <summary>
    /// One indexed item: its kind and the word ids of its title, summary and body in order, each field packed as
    /// variable-length numbers (7 bits a byte; frequent words get small ids, so most take one byte).
    /// </summary>
    private sealed record Entry(int Id, string Kind, byte[][] Fields, int Length);

    /// <summary>Walks a packed field's word ids.</summary>
    private ref struct Words(ReadOnlySpan<byte> packed)
    {
        private readonly ReadOnlySpan<byte> packed = packed;
        private int at;

        public bool Next(out int word)
        {
            word = 0;
            if (at >= packed.Length)
            {
                return false;
            }

            var shift = 0;
            byte b;
            do
            {
                b = packed[at++];
                word |= (b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            return true;
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        loading.Dispose();
    }

    /// <summary>The version of the index this node holds (for tests and logs).</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Brings this node's copy up to the committed index, reading only what changed since the last look.</summary>
    public async Task SyncAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await SearchStamp.ReadAsync(db, ct);
        if (stamp <= Version)
        {
            return;
        }

        await loading.WaitAsync(ct);
        try
        {
            var since = Version;
            if (stamp <= since)
            {
                return;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var newest = stamp;
            var changed = 0;
            var batch = new List<(int Id, string Kind, string[]? Fields)>(512);
            await foreach (var row in db.SearchItems.AsNoTracking().Where(s => s.Version > since).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.Kind, s.Title, s.Summary, s.BodyText, s.Removed, s.Version })
                .AsAsyncEnumerable().WithCancellation(ct))
            {
                newest = Math.Max(newest, row.Version);
                batch.Add((checked((int)row.Id), row.Kind, row.Removed ? null :
                    [TextFolding.Fold(row.Title), TextFolding.Fold(row.Summary), TextFolding.Fold(row.BodyText)]));
                if (batch.Count == batch.Capacity)
                {
                    changed += Apply(batch, sortWords: false);
                    batch.Clear();
                }
            }

            changed += Apply(batch, sortWords: true);
            Interlocked.Exchange(ref version, newest);
            if (since < 0)
            {
                LogLoaded(log, entries.Count, words.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        finally
        {
            loading.Release();
        }
    }

    private int Apply(List<(int Id, string Kind, string[]? Fields)> batch, bool sortWords)
    {
        gate.EnterWriteLock();
        try
        {
            var distinct = new List<int>();
            var packed = new List<byte>();
            foreach (var (id, kind, fields) in batch)
            {
                if (entries.Remove(id, out var old))
                {
                    tokens -= old.Length;
                    foreach (var w in DistinctWords(old, distinct))
                    {
                        postings[w].Remove(id);
                    }
                }

                if (fields is null)
                {
                    continue;
                }

                var packedFields = new byte[3][];
                var length = 0;
                for (var f = 0; f < 3; f++)
                {
                    packed.Clear();
                    length += Pack(fields[f], packed);
                    packedFields[f] = [.. packed];
                }

                var entry = new Entry(id, string.IsInterned(kind) ?? kind, packedFields, length);
                entries[id] = entry;
                tokens += length;
                foreach (var w in DistinctWords(entry, distinct))
                {
                    postings[w].Add(id);
                }
            }

            merged = new(StringComparer.Ordinal);
            if (sortWords && sorted.Length != words.Count)
            {
                sorted = [.. Enumerable.Range(0, words.Count).OrderBy(i => words[i], StringComparer.Ordinal)];
                sortedPlace = new int[sorted.Length];
                for (var i = 0; i < sorted.Length; i++)
                {
                    sortedPlace[sorted[i]] = i;
                }
            }

            return batch.Count;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Packs the words of folded text (runs of letters and digits, as <see cref="TextFolding.Tokens"/> splits them); returns how many.</summary>
    private int Pack(string folded, List<byte> packed)
    {
        var lookup = wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var count = 0;
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var span = folded.AsSpan(start, i - start);
                if (!lookup.TryGetValue(span, out var id))
                {
                    id = words.Count;
                    var word = span.ToString();
                    wordIds.Add(word, id);
                    words.Add(word);
                    postings.Add(new Postings());
                }

                for (var v = (uint)id; ; v >>= 7)
                {
                    if (v < 0x80)
                    {
                        packed.Add((byte)v);
                        break;
                    }

                    packed.Add((byte)(v | 0x80));
                }

                count++;
                start = -1;
            }
        }

        return count;
    }

    /// <summary>Each word of an entry once (into <paramref name="into"/>, which is cleared first).</summary>
    private static List<int> DistinctWords(Entry entry, List<int> into)
    {
        into.Clear();
        foreach (var field in entry.Fields)
        {
            var reader = new Words(field);
            while (reader.Next(out var w))
            {
                into.Add(w);
            }
        }

        into.Sort();
        var n = 0;
        for (var i = 0; i < into.Count; i++)
        {
            if (n == 0 || into[n - 1] != into[i])
            {
                into[n++] = into[i];
            }
        }

        into.RemoveRange(n, into.Count - n);
        return into;
    }

    /// <summary>A search as the site shows it: ranked here, the hits' original text read from the database.</summary>
    public async Task<SearchResults> SearchAsync(AppDbContext db, string query, int skip, int take, string? kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var terms = SearchQuery.Terms(query);
        if (terms.Count == 0)
        {
            return SearchResults.Empty;
        }

        await SyncAsync(db, ct);
        var ranking = Rank(terms, skip, take, kind);
        if (ranking.Ids.Count == 0)
        {
            return new SearchResults(ranking.Total, [], ranking.KindCounts, ranking.Capped);
        }

        var ids = ranking.Ids.Select(id => (long)id).ToList();
        var rows = await db.SearchItems.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var hits = new List<SearchHit>(ids.Count);
        foreach (var id in ids)
        {
            // A row removed since this node last looked is left out (the next search loads its removal).
            if (rows.TryGetValue(id, out var row) && !row.Removed)
            {
                var snippetSource = row.Summary.Length == 0 || Highlighter.HasMatch(row.BodyText, terms) ? row.BodyText : row.Summary;
                hits.Add(new SearchHit(row.Kind, row.ItemId, row.Url, row.PublishAt,
                    Highlighter.Mark(row.Title, terms), Highlighter.Snippet(snippetSource, terms)));
            }
        }

        return new SearchResults(ranking.Total, hits, ranking.KindCounts, ranking.Capped);
    }

    /// <summary>The ranked matches: which rows, in which order (the caller reads their text).</summary>
    public sealed record Ranking(int Total, IReadOnlyList<int> Ids, Dictionary<string, int> KindCounts, bool Capped);

    /// <summary>Ranks the matches of the query's words (folded, <see cref="SearchQuery.Terms"/>); call <see cref="SyncAsync"/> first.</summary>
    public Ranking Rank(IReadOnlyList<string> terms, int skip, int take, string? kind)
    {
        ArgumentNullException.ThrowIfNull(terms);
        gate.EnterReadLock();
        try
        {
            return RankLocked(terms, skip, take, kind);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private Ranking RankLocked(IReadOnlyList<string> terms, int skip, int take, string? kind)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var query = Query.Resolve(this, terms);
        if (query is null)
        {
            return new Ranking(0, [], counts, false);
        }

        var window = SearchQuery.Window(take);
        var candidates = query.Newest(this, window + 1, null);
        var capped = candidates.Count > window;
        if (capped)
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        foreach (var id in candidates)
        {
            var k = entries[id].Kind;
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        List<int> ranked;
        if (kind is null)
        {
            ranked = candidates;
        }
        else if (!capped)
        {
            ranked = candidates.FindAll(id => entries[id].Kind == kind);
        }
        else
        {
            // A kind beyond the newest matches of every kind: its own newest matches, up to the window.
            ranked = query.Newest(this, window + 1, kind);
            capped = ranked.Count > window;
            if (capped)
            {
                ranked.RemoveAt(ranked.Count - 1);
            }
        }

        var total = ranked.Count;
        // The chosen kind stays in the filter even when all its matches are older than the window.
        if (kind is not null && total > 0)
        {
            counts.TryAdd(kind, total);
        }

        if (total == 0 || skip >= total)
        {
            return new Ranking(total, [], counts, capped);
        }

        var scored = new Scored[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            scored[i] = query.Score(this, entries[ranked[i]]);
        }

        Array.Sort(scored);
        var page = scored.AsSpan(skip, Math.Min(take, total - skip));
        var ids = new int[page.Length];
        for (var i = 0; i < page.Length; i++)
        {
            ids[i] = page[i].Id;
        }

        return new Ranking(total, ids, counts, capped);
    }

    /// <summary>A candidate's sort key: tier, pairs and bm25 descending, then the oldest row first.</summary>
    private readonly record struct Scored(int Id, int Tier, int Pairs, double Bm25) : IComparable<Scored>
    {
        public int CompareTo(Scored other) =>
            Tier != other.Tier ? other.Tier.CompareTo(Tier)
            : Pairs != other.Pairs ? other.Pairs.CompareTo(Pairs)
            : Bm25 != other.Bm25 ? other.Bm25.CompareTo(Bm25)
            : Id.CompareTo(other.Id);
    }

    /// <summary>A query's words as this node's word ids: each but the last one exact, the last one a range of words.</summary>
    private sealed class Query : IDisposable
    {
        private readonly int[] exact;
        private readonly int prefixFrom;
        private readonly int prefixTo;
        private readonly int[] prefixWords;
        private readonly double[] idf;
        private readonly double averageLength;

        private Query(int[] exact, int prefixFrom, int prefixTo, int[] prefixWords, double[] idf, double averageLength)
        {
            this.exact = exact;
            this.prefixFrom = prefixFrom;
            this.prefixTo = prefixTo;
            this.prefixWords = prefixWords;
            this.idf = idf;
            this.averageLength = averageLength;
        }

        private int Count => exact.Length + 1;

        public static Query? Resolve(SearchEngine engine, IReadOnlyList<string> terms)
        {
            if (terms.Count == 0 || engine.entries.Count == 0)
            {
                return null;
            }

            var exact = new int[terms.Count - 1];
            for (var i = 0; i < exact.Length; i++)
            {
                if (!engine.wordIds.TryGetValue(terms[i], out exact[i]) || engine.postings[exact[i]].Count == 0)
                {
                    return null;
                }
            }

            var (from, to) = engine.PrefixRange(terms[^1]);
            if (from == to)
            {
                return null;
            }

            var prefixWords = engine.sorted[from..to];
            var n = (double)engine.entries.Count;
            var idf = new double[terms.Count];
            for (var i = 0; i < exact.Length; i++)
            {
                idf[i] = Idf(n, engine.postings[exact[i]].Count);
            }

            var query = new Query(exact, from, to, prefixWords, idf, (double)engine.tokens / n);
            idf[^1] = Idf(n, query.PrefixDocumentCount(engine));
            return query;
        }

        // FTS5's bm25: log((N - n + 0.5) / (n + 0.5)), at least a millionth.
        private static double Idf(double rows, int hits)
        {
            var value = Math.Log((rows - hits + 0.5) / (hits + 0.5));
            return value <= 0 ? 1e-6 : value;
        }

        /// <summary>The rows holding a word that starts with the last query word, ascending.</summary>
        private ReadOnlySpan<int> PrefixRows(SearchEngine engine) =>
            prefixWords.Length == 1 ? engine.postings[prefixWords[0]].AsSpan() : engine.MergedRows(prefixWords);

        private int PrefixDocumentCount(SearchEngine engine) => PrefixRows(engine).Length;

        private bool IsPrefix(SearchEngine engine, int word)
        {
            // A word added by a load still running is not in the sorted list yet; it joins when the load ends.
            if (word >= engine.sortedPlace.Length)
            {
                return false;
            }

            var place = engine.sortedPlace[word];
            return place >= prefixFrom && place < prefixTo;
        }

        /// <summary>The newest matches (highest row first), at most <paramref name="limit"/>, of one kind or all.</summary>
        public List<int> Newest(SearchEngine engine, int limit, string? kind)
        {
            var result = new List<int>(Math.Min(limit, 1024));
            // Walk the shortest list: an exact word's rows, or the prefix's rows when they are fewer.
            var driverWord = -1;
            foreach (var w in exact)
            {
                if (driverWord < 0 || engine.postings[w].Count < engine.postings[driverWord].Count)
                {
                    driverWord = w;
                }
            }

            var byPrefix = driverWord < 0 || (prefixWords.Length == 1 && engine.postings[prefixWords[0]].Count < engine.postings[driverWord].Count);
            var driver = byPrefix ? PrefixRows(engine) : engine.postings[driverWord].AsSpan();
            for (var i = driver.Length - 1; i >= 0 && result.Count < limit; i--)
            {
                var id = driver[i];
                var entry = engine.entries[id];
                if ((kind is null || entry.Kind == kind) && HasExact(engine, id) && (byPrefix || HasPrefix(engine, entry)))
                {
                    result.Add(id);
                }
            }

            return result;
        }

        private bool HasExact(SearchEngine engine, int id)
        {
            foreach (var w in exact)
            {
                if (!engine.postings[w].Contains(id))
                {
                    return false;
                }
            }

            return true;
        }

        private bool HasPrefix(SearchEngine engine, Entry entry)
        {
            if (prefixWords.Length <= 8)
            {
                foreach (var w in prefixWords)
                {
                    if (engine.postings[w].Contains(entry.Id))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var field in entry.Fields)
            {
                var reader = new Words(field);
                while (reader.Next(out var w))
                {
                    if (IsPrefix(engine, w))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Per word id, bit i set when the word can stand for the query's word i (made on first use).</summary>
        private int[]? masks;
        private int maskLength;

        public void Dispose()
        {
            if (masks is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(masks);
                masks = null;
            }
        }

        private int[] Masks(SearchEngine engine)
        {
            if (masks is null)
            {
                // Pooled and cleared: a vocabulary of many thousand words would otherwise cost a large array a search.
                maskLength = engine.words.Count;
                masks = System.Buffers.ArrayPool<int>.Shared.Rent(maskLength);
                Array.Clear(masks, 0, maskLength);
                for (var i = 0; i < exact.Length; i++)
                {
                    masks[exact[i]] |= 1 << i;
                }

                foreach (var w in prefixWords)
                {
                    masks[w] |= 1 << exact.Length;
                }
            }

            return masks;
        }

        public Scored Score(SearchEngine engine, Entry entry)
        {
            var count = Count;
            var table = Masks(engine);
            var vocabulary = maskLength;
            Span<double> frequency = stackalloc double[count];
            frequency.Clear();
            var tier = 0;
            var pairs = 0;   // bit i: the words i and i + 1 stand side by side somewhere (the first four pairs)
            var pairCount = count > 2 ? Math.Min(count - 1, 4) : 0;
            var all = (1 << count) - 1;
            for (var f = 0; f < 3; f++)
            {
                var reader = new Words(entry.Fields[f]);
                var phrase = 0;   // bit j: the words 0..j end at the previous position
                var previous = 0;
                while (reader.Next(out var word))
                {
                    // A word added by a load still running matches nothing yet.
                    var mask = word < vocabulary ? table[word] : 0;
                    if (mask == 0)
                    {
                        phrase = 0;
                        previous = 0;
                        continue;
                    }

                    for (var i = 0; i < count; i++)
                    {
                        if ((mask & (1 << i)) != 0)
                        {
                            frequency[i] += Weights[f];
                        }
                    }

                    phrase = ((phrase << 1) | 1) & mask & all;
                    if (count > 1 && (phrase & (1 << (count - 1))) != 0)
                    {
                        tier = Math.Max(tier, 3 - f);
                    }

                    for (var i = 0; i < pairCount; i++)
                    {
                        if ((previous & (1 << i)) != 0 && (mask & (1 << (i + 1))) != 0)
                        {
                            pairs |= 1 << i;
                        }
                    }

                    previous = mask;
                }
            }

            var length = entry.Length;
            var score = 0.0;
            for (var i = 0; i < count; i++)
            {
                score += idf[i] * (frequency[i] * (K1 + 1)) / (frequency[i] + (K1 * (1 - B + (B * length / averageLength))));
            }

            return new Scored(entry.Id, tier, System.Numerics.BitOperations.PopCount((uint)pairs), score);
        }
    }

    /// <summary>
    /// The union of several words' rows, ascending: a bit per row id, so a short prefix ("th") that stands for many
    /// frequent words costs one pass over their lists and no sort. Kept for the next searches with the same prefix
    /// until the index changes (a few hundred prefixes at most).
    /// </summary>
    private int[] MergedRows(int[] wordsOfPrefix)
    {
        var key = string.Join(',', wordsOfPrefix);
        var cache = merged;
        if (cache.TryGetValue(key, out var rows))
        {
            return rows;
        }

        var highest = 0;
        foreach (var w in wordsOfPrefix)
        {
            var list = postings[w].AsSpan();
            if (list.Length > 0)
            {
                highest = Math.Max(highest, list[^1]);
            }
        }

        var bits = new ulong[(highest >> 6) + 1];
        foreach (var w in wordsOfPrefix)
        {
            foreach (var id in postings[w].AsSpan())
            {
                bits[id >> 6] |= 1UL << (id & 63);
            }
        }

        var count = 0;
        foreach (var word in bits)
        {
            count += System.Numerics.BitOperations.PopCount(word);
        }

        rows = new int[count];
        var at = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            for (var word = bits[i]; word != 0; word &= word - 1)
            {
                rows[at++] = (i << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
            }
        }

        if (cache.Count >= 256)
        {
            cache.Clear();
        }

        cache.TryAdd(key, rows);
        return rows;
    }

    private (int From, int To) PrefixRange(string prefix)
    {
        var from = LowerBound(prefix);
        var to = from;
        while (to < sorted.Length && words[sorted[to]].StartsWith(prefix, StringComparison.Ordinal))
        {
            to++;
        }

        return (from, to);
    }

    private int LowerBound(string value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(words[sorted[mid]], value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The rows holding one word, ascending.</summary>
    private sealed class Postings
    {
        private int[] items = new int[4];

        public int Count { get; private set; }

        public ReadOnlySpan<int> AsSpan() => items.AsSpan(0, Count);

        public bool Contains(int id) => AsSpan().BinarySearch(id) >= 0;

        public void Add(int id)
        {
            if (Count > 0 && items[Count - 1] >= id)
            {
                var at = AsSpan().BinarySearch(id);
                if (at >= 0)
                {
                    return;
                }

                Insert(~at, id);
                return;
            }

            Insert(Count, id);
        }

        private void Insert(int at, int id)
        {
            if (Count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            Array.Copy(items, at, items, at + 1, Count - at);
            items[at] = id;
            Count++;
        }

        public void Remove(int id)
        {
            var at = AsSpan().BinarySearch(id);
            if (at >= 0)
            {
                Array.Copy(items, at + 1, items, at, Count - at - 1);
                Count--;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index loaded: {Items} items, {Words} distinct words, {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, int items, int words, double milliseconds);
}
