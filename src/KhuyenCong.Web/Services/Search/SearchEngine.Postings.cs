namespace KhuyenCong.Web.Services.Search;

/// <summary>The rows of each word, and of every word that starts with a prefix.</summary>
public sealed partial class SearchEngine
{
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

    /// <summary>
    /// Whether an ascending list holds <paramref name="id"/> among its first <paramref name="end"/> rows, for ids
    /// asked in descending order: <paramref name="end"/> moves down to where the look ended.
    /// </summary>
    private static bool SeekDescending(int[] rows, ref int end, int id)
    {
        var hi = end;
        var lo = hi - 1;
        for (var step = 1; lo >= 0 && rows[lo] > id; step <<= 1)
        {
            hi = lo;
            lo -= step;
        }

        // The few rows left between lo and hi, searched here (Array.BinarySearch's generic helper cost more than the
        // search itself on these short ranges).
        lo = Math.Max(lo, 0);
        hi--;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var row = rows[mid];
            if (row == id)
            {
                end = mid;
                return true;
            }

            if (row < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        end = lo;
        return false;
    }

    /// <summary>A word's place in an entry: its field in the high bits, its index in the field below (adjacent words differ by 1).</summary>
    private const int FieldShift = 24;

    /// <summary>The index part of a place (<see cref="FieldShift"/>).</summary>
    private const int FieldMask = (1 << FieldShift) - 1;

    /// <summary>
    /// The rows holding one word, ascending, each with the word's places in that row (<see cref="FieldShift"/>):
    /// enough to score a candidate from the query words' places alone, without reading the rest of its text.
    /// </summary>
    private sealed class Postings
    {
        private int[] items = new int[4];
        private int[] starts = new int[4];
        private int[] places = new int[4];
        private int placeCount;

        public int Count { get; private set; }

        /// <summary>The bytes its arrays hold (for the memory report).</summary>
        public long Bytes => (items.Length + starts.Length + places.Length) * sizeof(int);

        public ReadOnlySpan<int> AsSpan() => items.AsSpan(0, Count);

        /// <summary>The row array and how many of its first items are rows (for a walk that keeps its own cursor).</summary>
        public (int[] Items, int Count) Rows => (items, Count);

        /// <summary>
        /// The word's places in the row (ascending; empty when the row does not hold the word), for rows asked in descending order: <paramref name="end"/> (start at
        /// <see cref="Count"/>) remembers where the last look ended, and the search gallops back from there, so a
        /// query's candidates walk each long list once, near where they were last, instead of a fresh binary search.
        /// </summary>
        public (int[] Array, int Start, int Length) PlacesDescending(int id, ref int end)
        {
            end = Math.Min(end, Count);
            return SeekDescending(items, ref end, id) ? PlacesAt(end) : (places, 0, 0);
        }

        /// <summary>The word's places in the row at <paramref name="at"/> of its list (ascending).</summary>
        public (int[] Array, int Start, int Length) PlacesAt(int at)
        {
            var stop = at + 1 < Count ? starts[at + 1] : placeCount;
            return (places, starts[at], stop - starts[at]);
        }

        /// <summary>Adds a row that does not hold the word yet, with the word's places in it (ascending).</summary>
        public void Add(int id, ReadOnlySpan<int> placesInRow)
        {
            var at = Count;
            if (Count > 0 && items[Count - 1] >= id)
            {
                at = AsSpan().BinarySearch(id);
                if (at >= 0)
                {
                    return;
                }

                at = ~at;
            }

            if (Count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
                Array.Resize(ref starts, starts.Length * 2);
            }

            if (placeCount + placesInRow.Length > places.Length)
            {
                Array.Resize(ref places, Math.Max(places.Length * 2, placeCount + placesInRow.Length));
            }

            var placeAt = at < Count ? starts[at] : placeCount;
            Array.Copy(places, placeAt, places, placeAt + placesInRow.Length, placeCount - placeAt);
            placesInRow.CopyTo(places.AsSpan(placeAt));
            placeCount += placesInRow.Length;
            Array.Copy(items, at, items, at + 1, Count - at);
            Array.Copy(starts, at, starts, at + 1, Count - at);
            items[at] = id;
            starts[at] = placeAt;
            Count++;
            for (var i = at + 1; i < Count; i++)
            {
                starts[i] += placesInRow.Length;
            }
        }

        /// <summary>Gives back the room that doubling left unused (after the first load, when most lists stop growing).</summary>
        public void Trim()
        {
            Array.Resize(ref items, Math.Max(Count, 1));
            Array.Resize(ref starts, Math.Max(Count, 1));
            Array.Resize(ref places, Math.Max(placeCount, 1));
        }

        public void Remove(int id)
        {
            var at = AsSpan().BinarySearch(id);
            if (at < 0)
            {
                return;
            }

            var from = starts[at];
            var length = (at + 1 < Count ? starts[at + 1] : placeCount) - from;
            Array.Copy(places, from + length, places, from, placeCount - from - length);
            placeCount -= length;
            Array.Copy(items, at + 1, items, at, Count - at - 1);
            Array.Copy(starts, at + 1, starts, at, Count - at - 1);
            Count--;
            for (var i = at; i < Count; i++)
            {
                starts[i] -= length;
            }
        }
    }
}
