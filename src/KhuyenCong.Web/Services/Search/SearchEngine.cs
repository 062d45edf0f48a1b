using System.Globalization;
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
/// <para>
/// This file is longer than the house's 300 lines on purpose: it holds the index's state, its lock, its loading
/// from the database and its memory account, which only make sense together. Query resolution, ranking and the
/// word places are in <c>SearchEngine.Query.cs</c>, <c>.Ranking.cs</c> and <c>.Postings.cs</c>.
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
    private readonly EntryTable entries = new();
    /// <summary>Word ids in ordinal order of their text: a prefix is a range here.</summary>
    private int[] sorted = [];
    private long tokens;
    /// <summary>Merged rows of multi-word prefixes (<see cref="MergedRows"/>), emptied whenever the index changes.</summary>
    private System.Collections.Concurrent.ConcurrentDictionary<string, int[]> merged = new(StringComparer.Ordinal);
    private long version = -1;

    /// <summary>
    /// One indexed item: the word ids of its title, summary and body in order, each field packed as variable-length
    /// numbers (7 bits a byte; frequent words get small ids, so most take one byte). Its kind and length in words are
    /// kept by <see cref="EntryTable"/>.
    /// </summary>
    private sealed record Entry(int Id, byte[][] Fields);

    /// <summary>
    /// The indexed items by row id, in an array indexed by the id: a search looks up every row of its shortest word
    /// list (thousands for a common word), and an array read is several times cheaper than a dictionary's. Row ids
    /// stay with their item (an upsert updates its row), so the array is about as long as the table. Each row's kind
    /// (as a small number) and length are also kept in arrays of their own: counting and scoring a thousand
    /// candidates reads a few bytes per row from one place instead of a thousand objects scattered in the heap.
    /// </summary>
    private sealed class EntryTable
    {
        private Entry?[] byId = new Entry?[1024];
        private byte[] kindOf = new byte[1024];
        private int[] lengthOf = new int[1024];
        private readonly List<string> kindNames = [""];

        public int Count { get; private set; }

        /// <summary>How many kind numbers there are (0 stands for no row).</summary>
        public int KindCount => kindNames.Count;

        public Entry this[int id] =>
            (uint)id < (uint)byId.Length && byId[id] is { } entry ? entry : throw new KeyNotFoundException($"search row {id}");

        /// <summary>Adds or replaces the row of <paramref name="entry"/>, with its kind and its length in words.</summary>
        public void Set(Entry entry, string kind, int length)
        {
            var id = entry.Id;
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            if (id >= byId.Length)
            {
                var size = Math.Max(id + 1, byId.Length * 2);
                Array.Resize(ref byId, size);
                Array.Resize(ref kindOf, size);
                Array.Resize(ref lengthOf, size);
            }

            if (byId[id] is null)
            {
                Count++;
            }

            byId[id] = entry;
            kindOf[id] = KindNumber(kind, add: true);
            lengthOf[id] = length;
        }

        /// <summary>The row's kind as a number (<see cref="KindName"/>); the row must be in the table.</summary>
        public byte KindOf(int id) => kindOf[id];

        /// <summary>The row's length in words (title, summary and body); the row must be in the table.</summary>
        public int LengthOf(int id) => lengthOf[id];

        public string KindName(int number) => kindNames[number];

        /// <summary>The kind's number, or 0 when no row was ever of that kind (then it matches no row).</summary>
        public byte KindNumber(string kind, bool add = false)
        {
            var at = kindNames.IndexOf(kind, 1);
            if (at > 0 || !add)
            {
                return (byte)Math.Max(at, 0);
            }

            // The kinds are the few SearchKinds values; a byte leaves room for far more.
            if (kindNames.Count > byte.MaxValue)
            {
                throw new InvalidOperationException("too many search kinds");
            }

            kindNames.Add(kind);
            return (byte)(kindNames.Count - 1);
        }

        public bool Remove(int id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entry? entry, out int length)
        {
            entry = (uint)id < (uint)byId.Length ? byId[id] : null;
            length = entry is null ? 0 : lengthOf[id];
            if (entry is null)
            {
                return false;
            }

            byId[id] = null;
            kindOf[id] = 0;
            lengthOf[id] = 0;
            Count--;
            return true;
        }

        public IEnumerable<Entry> Values => byId.OfType<Entry>();
    }

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

    private volatile bool disposed;

    public void Dispose()
    {
        disposed = true;
        try
        {
            gate.Dispose();
        }
        catch (SynchronizationLockException)
        {
            // A load still running while the host shuts down (the start-up warm-up) holds the lock; it is left to
            // finish and to the garbage collector rather than torn from under the load.
        }

        loading.Dispose();
    }

    /// <summary>About how many bytes this node's index holds: word rows with places, packed texts, words (for the memory report).</summary>
    public long ApproximateBytes
    {
        get
        {
            // A host being torn down (tests) may have disposed the engine before the report asks.
            if (disposed)
            {
                return 0;
            }

            gate.EnterReadLock();
            try
            {
                long bytes = 0;
                foreach (var p in postings)
                {
                    bytes += p.Bytes + 32;
                }

                foreach (var e in entries.Values)
                {
                    bytes += 64 + e.Fields.Sum(f => f.Length + 24L);
                }

                return bytes + words.Sum(w => 24L + (2L * w.Length)) + (sorted.Length * 8L);
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
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
                Trim();
                LogLoaded(log, entries.Count, words.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        finally
        {
            loading.Release();
        }
    }

    private void Trim()
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var p in postings)
            {
                p.Trim();
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private int Apply(List<(int Id, string Kind, string[]? Fields)> batch, bool sortWords)
    {
        gate.EnterWriteLock();
        try
        {
            var distinct = new List<int>();
            var packed = new List<byte>();
            var occurrences = new List<long>();
            var placeBuffer = new List<int>();
            foreach (var (id, kind, fields) in batch)
            {
                if (entries.Remove(id, out var old, out var oldLength))
                {
                    tokens -= oldLength;
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

                var entry = new Entry(id, packedFields);
                entries.Set(entry, kind, length);
                tokens += length;
                AddPlaces(entry, occurrences, placeBuffer);
            }

            merged = new(StringComparer.Ordinal);
            if (sortWords && sorted.Length != words.Count)
            {
                sorted = [.. Enumerable.Range(0, words.Count).OrderBy(i => words[i], StringComparer.Ordinal)];
            }

            return batch.Count;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Packs the words of folded text (<see cref="TextFolding.WordRanges"/>); returns how many.</summary>
    private int Pack(string folded, List<byte> packed)
    {
        var lookup = wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var count = 0;
        foreach (var (start, length) in new TextFolding.WordRanges(folded))
        {
            var span = folded.AsSpan(start, length);
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
        }

        return count;
    }

    /// <summary>Adds an entry to the rows of each of its words, with the word's places (<see cref="FieldShift"/>).</summary>
    private void AddPlaces(Entry entry, List<long> occurrences, List<int> placeBuffer)
    {
        occurrences.Clear();
        for (var f = 0; f < entry.Fields.Length; f++)
        {
            var reader = new Words(entry.Fields[f]);
            var index = 0;
            while (reader.Next(out var w))
            {
                occurrences.Add(((long)w << 32) | (uint)((f << FieldShift) | index++));
            }
        }

        occurrences.Sort();
        var i = 0;
        while (i < occurrences.Count)
        {
            var word = (int)(occurrences[i] >> 32);
            placeBuffer.Clear();
            while (i < occurrences.Count && (int)(occurrences[i] >> 32) == word)
            {
                placeBuffer.Add((int)(occurrences[i] & 0xFFFFFFFF));
                i++;
            }

            postings[word].Add(entry.Id, CollectionsMarshal.AsSpan(placeBuffer));
        }
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

    /// <summary>
    /// A search as the site shows it: ranked here, the hits' original text read from the database. The index must be
    /// at least as new as the search stamp read after the search began (what any node committed before is found).
    /// That read goes in the same round trip as the hits' text: ranked first with the index as it is, and when the
    /// stamp shows a newer write (seldom), the index is brought up and the search ranked and read again.
    /// </summary>
    public async Task<SearchResults> SearchAsync(AppDbContext db, string query, int skip, int take, string? kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var terms = SearchQuery.Terms(query);
        if (terms.Count == 0)
        {
            return SearchResults.Empty;
        }

        if (Version < 0)
        {
            await SyncAsync(db, ct);
        }

        var seen = Version;
        var ranking = Rank(terms, skip, take, kind);
        var (stamp, rows) = await ReadHitsAsync(db, ranking.Ids, withStamp: true, ct);
        if (stamp > seen)
        {
            await SyncAsync(db, ct);
            ranking = Rank(terms, skip, take, kind);
            (_, rows) = await ReadHitsAsync(db, ranking.Ids, withStamp: false, ct);
        }

        // Snippets from the start of each body; the few whose start cannot decide read their whole body.
        var snippets = new IReadOnlyList<TextSegment>?[ranking.Ids.Count];
        List<int>? whole = null;
        for (var i = 0; i < ranking.Ids.Count; i++)
        {
            if (rows.TryGetValue(ranking.Ids[i], out var row))
            {
                snippets[i] = row.BodyIsWhole
                    ? Highlighter.SnippetOf(row.Body, row.Summary, terms)
                    : Highlighter.SnippetOfStart(row.Body, terms);
                if (snippets[i] is null)
                {
                    (whole ??= []).Add(ranking.Ids[i]);
                }
            }
        }

        var bodies = whole is null ? null : await ReadBodiesAsync(db, whole, ct);
        var hits = new List<SearchHit>(ranking.Ids.Count);
        for (var i = 0; i < ranking.Ids.Count; i++)
        {
            // A row removed since this node last looked is left out (the next search loads its removal).
            if (!rows.TryGetValue(ranking.Ids[i], out var row))
            {
                continue;
            }

            var snippet = snippets[i];
            if (snippet is null)
            {
                if (!bodies!.TryGetValue(ranking.Ids[i], out var body))
                {
                    continue;
                }

                snippet = Highlighter.SnippetOf(body, row.Summary, terms);
            }

            hits.Add(new SearchHit(row.Kind, row.ItemId, row.Url, row.PublishAt, Highlighter.Mark(row.Title, terms), snippet));
        }

        return new SearchResults(ranking.Total, hits, ranking.KindCounts, ranking.Capped);
    }

    /// <summary>
    /// How much of each hit's body the first read brings (chars): room for a snippet around a match in its first
    /// few hundred chars. The sample articles are about 1,800 chars; a hit reads the rest only when the start has no
    /// match, or its match lies too near the start's end (<see cref="Highlighter.SnippetOfStart"/>).
    /// </summary>
    internal const int BodyStart = 800;

    /// <param name="Body">The body, or its first <see cref="BodyStart"/> chars when <paramref name="BodyIsWhole"/> is false.</param>
    private sealed record HitRow(string Kind, int ItemId, string Url, DateTime PublishAt, string Title, string Summary, string Body, bool BodyIsWhole);

    /// <summary>The search stamp (when asked) and the rows of the ranked ids that are not removed: one command, one round trip.</summary>
    private static async Task<(long Stamp, Dictionary<int, HitRow> Rows)> ReadHitsAsync(AppDbContext db, IReadOnlyList<int> ids, bool withStamp, CancellationToken ct)
    {
        var rows = new Dictionary<int, HitRow>(ids.Count);
        if (ids.Count == 0 && !withStamp)
        {
            return (0, rows);
        }

        await using var cmd = await SearchStamp.CommandAsync(db, ct);
        var sql = new System.Text.StringBuilder(withStamp ? SearchStamp.ReadSql : "");
        if (ids.Count > 0)
        {
            // substr counts characters (code points) on both databases. No length(): SQLite counts it by walking the
            // whole text (2.8 % of a varied search's CPU at 10,000 articles); a start shorter than asked is the whole body.
            sql.Append(CultureInfo.InvariantCulture, $"""SELECT "Id", "Kind", "ItemId", "Url", "PublishAt", "Title", "Summary", substr("BodyText", 1, {BodyStart}) FROM "SearchItems" WHERE NOT "Removed" AND "Id" IN (""");
            AppendIds(cmd, sql, ids);
        }

        cmd.CommandText = sql.ToString();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        long stamp = 0;
        if (withStamp)
        {
            stamp = await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
            if (ids.Count == 0 || !await reader.NextResultAsync(ct))
            {
                return (stamp, rows);
            }
        }

        while (await reader.ReadAsync(ct))
        {
            // Fewer UTF-16 units than the chars asked for: fewer chars came back, so the body is all there (a start
            // of exactly that length, or longer in units, counts as cut: the snippet then decides from it or reads it all).
            var body = reader.GetString(7);
            rows[checked((int)reader.GetInt64(0))] = new HitRow(reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc), reader.GetString(5), reader.GetString(6), body,
                body.Length < BodyStart);
        }

        return (stamp, rows);
    }

    /// <summary>The whole bodies of the given rows (those not removed since).</summary>
    private static async Task<Dictionary<int, string>> ReadBodiesAsync(AppDbContext db, List<int> ids, CancellationToken ct)
    {
        var bodies = new Dictionary<int, string>(ids.Count);
        await using var cmd = await SearchStamp.CommandAsync(db, ct);
        var sql = new System.Text.StringBuilder("""SELECT "Id", "BodyText" FROM "SearchItems" WHERE NOT "Removed" AND "Id" IN (""");
        AppendIds(cmd, sql, ids);
        cmd.CommandText = sql.ToString();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            bodies[checked((int)reader.GetInt64(0))] = reader.GetString(1);
        }

        return bodies;
    }

    /// <summary>Appends the ids as parameters, then ");".</summary>
    private static void AppendIds(System.Data.Common.DbCommand cmd, System.Text.StringBuilder sql, IReadOnlyList<int> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "h" + i.ToString(CultureInfo.InvariantCulture);
            p.Value = (long)ids[i];
            cmd.Parameters.Add(p);
            sql.Append(i == 0 ? "@" : ", @").Append(p.ParameterName);
        }

        sql.Append(");");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index loaded: {Items} items, {Words} distinct words, {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, int items, int words, double milliseconds);
}
