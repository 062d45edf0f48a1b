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
}
