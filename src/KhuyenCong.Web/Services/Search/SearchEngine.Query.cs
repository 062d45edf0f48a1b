namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// A query resolved against this node's words: which rows match, and each candidate's score. Longer than 300 lines
/// on purpose: the walk over the shortest list and the per-candidate scoring share one query object and are tuned
/// together against the benchmark; apart they would pass that state back and forth.
/// </summary>
public sealed partial class SearchEngine
{
    /// <summary>A query's words as this node's word ids: each but the last one exact, the last one a range of words.</summary>
    private sealed class Query : IDisposable
    {
        private readonly int[] exact;
        private readonly int[] prefixWords;
        private readonly double[] idf;
        private readonly double averageLength;

        private Query(int[] exact, int[] prefixWords, double[] idf, double averageLength)
        {
            this.exact = exact;
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

            var query = new Query(exact, prefixWords, idf, (double)engine.tokens / n);
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

        /// <summary>
        /// The newest matches (highest row first), at most <paramref name="limit"/>, of one kind number or all (0): the rows in
        /// every exact word's list and in the prefix's (one word's list, or the union of its words' lists). The
        /// shortest list is walked from its end and every other list follows it with a cursor that gallops back from
        /// where its last look ended, so each list is read about once per query, not searched afresh for each row
        /// (and a prefix standing for many words never reads the rows' text).
        /// </summary>
        public List<int> Newest(SearchEngine engine, int limit, int kind)
        {
            var result = new List<int>(Math.Min(limit, 1024));
            var lists = new int[exact.Length + 1][];
            var ends = new int[lists.Length];
            for (var i = 0; i < exact.Length; i++)
            {
                (lists[i], ends[i]) = engine.postings[exact[i]].Rows;
            }

            if (prefixWords.Length == 1)
            {
                (lists[^1], ends[^1]) = engine.postings[prefixWords[0]].Rows;
            }
            else
            {
                lists[^1] = engine.MergedRows(prefixWords);
                ends[^1] = lists[^1].Length;
            }

            var driver = 0;
            for (var i = 1; i < lists.Length; i++)
            {
                if (ends[i] < ends[driver])
                {
                    driver = i;
                }
            }

            // Where each match was found in each word's list, kept for scoring (no second look in the lists).
            var width = lists.Length;
            var table = Found(Math.Min(limit, engine.entries.Count + 1) * width);
            var rows = lists[driver];
            for (var at = ends[driver] - 1; at >= 0 && result.Count < limit; at--)
            {
                var id = rows[at];
                if (kind != 0 && engine.entries.KindOf(id) != kind)
                {
                    continue;
                }

                var inAll = true;
                for (var i = 0; i < lists.Length && inAll; i++)
                {
                    inAll = i == driver || SeekDescending(lists[i], ref ends[i], id);
                }

                if (inAll)
                {
                    var row = result.Count * width;
                    for (var i = 0; i < width; i++)
                    {
                        table[row + i] = i == driver ? at : ends[i];
                    }

                    result.Add(id);
                }
            }

            return result;
        }

        /// <summary>
        /// Per match of the last <see cref="Newest"/> (by its index there), where it sits in each exact word's list and
        /// in the last word's list (meaningful only when that word has one form: several forms are looked up one by one).
        /// </summary>
        private int[]? found;

        private int[] Found(int length)
        {
            if (found is null || found.Length < length)
            {
                if (found is not null)
                {
                    System.Buffers.ArrayPool<int>.Shared.Return(found);
                }

                found = System.Buffers.ArrayPool<int>.Shared.Rent(length);
            }

            return found;
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

            if (found is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(found);
                found = null;
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

        /// <summary>
        /// A last word that stands for at most this many words is scored from places; more, by reading the row. Each
        /// form costs a short look in its list per candidate, so places win until the forms outnumber a row's words
        /// by far: at 10,000 articles "thiet b", "co s", "bot c" and "khuyen cong c" (tens of forms) took a third to
        /// two thirds of the time by places that they took by reading (the limit was 8), while "c" or "t" alone (many
        /// hundreds of forms) took twice as long by places as by reading.
        /// </summary>
        private const int MaxPlacesPrefix = 256;

        private int[] placeBuffer = new int[64];

        /// <summary>
        /// The sort key of the match at <paramref name="index"/> of the last <see cref="Newest"/> (row <paramref name="id"/>):
        /// from the query words' places when the last word has few forms, else by reading its words.
        /// </summary>
        public Scored Score(SearchEngine engine, int id, int index) =>
            prefixWords.Length <= MaxPlacesPrefix ? ScoreByPlaces(engine, id, index) : ScoreByReading(engine, engine.entries[id]);

        /// <summary>Where each query word's places are: a view of a word's own list, or of <see cref="placeBuffer"/>.</summary>
        private int[][]? termArray;
        private int[]? termStart;
        private int[]? termLength;

        /// <summary>Where each of the last word's forms' lists was left (<see cref="Postings.PlacesDescending"/>), when it has several.</summary>
        private int[]? ends;
        private int lastScored = int.MaxValue;

        /// <summary>
        /// Each query word's places in the row (<see cref="Term"/>): a word with one form is read where its list keeps
        /// them; the last word's several forms are copied into <see cref="placeBuffer"/> and sorted.
        /// </summary>
        private void CollectPlaces(SearchEngine engine, int id, int index)
        {
            var count = Count;
            termArray ??= new int[count][];
            termStart ??= new int[count];
            termLength ??= new int[count];
            var row = index * count;
            for (var i = 0; i < exact.Length; i++)
            {
                (termArray[i], termStart[i], termLength[i]) = engine.postings[exact[i]].PlacesAt(found![row + i]);
            }

            var last = exact.Length;
            if (prefixWords.Length == 1)
            {
                (termArray[last], termStart[last], termLength[last]) = engine.postings[prefixWords[0]].PlacesAt(found![row + last]);
                return;
            }

            if (ends is null || id >= lastScored)
            {
                // Rows come newest first; out of order (or the first row), each form's list is searched from its end.
                ends ??= new int[prefixWords.Length];
                Array.Fill(ends, int.MaxValue);
            }

            lastScored = id;
            var used = 0;
            for (var k = 0; k < prefixWords.Length; k++)
            {
                var (array, from, length) = engine.postings[prefixWords[k]].PlacesDescending(id, ref ends[k]);
                if (used + length > placeBuffer.Length)
                {
                    Array.Resize(ref placeBuffer, Math.Max(placeBuffer.Length * 2, used + length));
                }

                Array.Copy(array, from, placeBuffer, used, length);
                used += length;
            }

            placeBuffer.AsSpan(0, used).Sort();
            (termArray[last], termStart[last], termLength[last]) = (placeBuffer, 0, used);
        }

        private ReadOnlySpan<int> Term(int i) => termArray![i].AsSpan(termStart![i], termLength![i]);

        /// <summary>The same key as <see cref="ScoreByReading"/>, from the query words' places alone.</summary>
        private Scored ScoreByPlaces(SearchEngine engine, int id, int index)
        {
            var count = Count;
            CollectPlaces(engine, id, index);
            Span<double> frequency = stackalloc double[count];
            var anchor = 0;
            for (var i = 0; i < count; i++)
            {
                var term = Term(i);
                frequency[i] = WeightedCount(term);
                if (term.Length < Term(anchor).Length)
                {
                    anchor = i;
                }
            }

            // The phrase is looked for around each place of the word with the fewest places here (the anchor). The
            // places are in ascending order, field first (title 0), so the first whole phrase found is in the best
            // field; each other word's cursor only moves forward, as the places it is asked for do.
            var tier = 0;
            if (count > 1)
            {
                Span<int> cursor = stackalloc int[count];
                cursor.Clear();
                foreach (var place in Term(anchor))
                {
                    // The phrase would start before its field does.
                    if ((place & FieldMask) < anchor)
                    {
                        continue;
                    }

                    var start = place - anchor;
                    var j = 0;
                    while (j < count && (j == anchor || SeekAscending(Term(j), ref cursor[j], start + j)))
                    {
                        j++;
                    }

                    if (j == count)
                    {
                        tier = 3 - (place >> FieldShift);
                        break;
                    }
                }
            }

            // A whole phrase holds every adjacent pair; otherwise each pair is looked for on its own.
            var pairCount = count > 2 ? Math.Min(count - 1, 4) : 0;
            var pairs = tier > 0 ? pairCount : 0;
            for (var i = 0; i < pairCount && tier == 0; i++)
            {
                // Walked along the shorter of the two words' places, looked up in the other's.
                var forward = Term(i).Length <= Term(i + 1).Length;
                var walk = forward ? Term(i) : Term(i + 1);
                var other = forward ? Term(i + 1) : Term(i);
                var step = forward ? 1 : -1;
                var at = 0;
                foreach (var place in walk)
                {
                    if (SeekAscending(other, ref at, place + step))
                    {
                        pairs++;
                        break;
                    }
                }
            }

            return new Scored(id, tier, pairs, Bm25(frequency, engine.entries.LengthOf(id)));
        }

        /// <summary>
        /// The word's weighted count in the row: its places in ascending order, field first, so each field's places
        /// are one run; a long list is cut into the runs by halving instead of weighing each place.
        /// </summary>
        private static double WeightedCount(ReadOnlySpan<int> places)
        {
            if (places.Length <= 8)
            {
                var sum = 0.0;
                foreach (var place in places)
                {
                    sum += Weights[place >> FieldShift];
                }

                return sum;
            }

            var inTitle = FirstAtLeast(places, 1 << FieldShift);
            var inSummary = FirstAtLeast(places, 2 << FieldShift) - inTitle;
            return (Weights[0] * inTitle) + (Weights[1] * inSummary) + (Weights[2] * (places.Length - inTitle - inSummary));
        }

        private static int FirstAtLeast(ReadOnlySpan<int> sorted, int value)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid] < value)
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
        /// Whether an ascending list holds <paramref name="value"/> at or after <paramref name="at"/>, for values asked
        /// in ascending order: <paramref name="at"/> moves to the first item not below the value. A few items are
        /// stepped over first (the next place is usually near), then the rest is halved.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool SeekAscending(ReadOnlySpan<int> sorted, ref int at, int value)
        {
            var lo = at;
            for (var stop = Math.Min(sorted.Length, lo + 8); lo < stop; lo++)
            {
                if (sorted[lo] >= value)
                {
                    at = lo;
                    return sorted[lo] == value;
                }
            }

            var hi = sorted.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            at = lo;
            return lo < sorted.Length && sorted[lo] == value;
        }

        private double Bm25(ReadOnlySpan<double> frequency, int length)
        {
            var score = 0.0;
            for (var i = 0; i < frequency.Length; i++)
            {
                score += idf[i] * (frequency[i] * (K1 + 1)) / (frequency[i] + (K1 * (1 - B + (B * length / averageLength))));
            }

            return score;
        }

        /// <summary>The candidate's sort key, reading every word of its title, summary and body once.</summary>
        public Scored ScoreByReading(SearchEngine engine, Entry entry)
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

            return new Scored(entry.Id, tier, System.Numerics.BitOperations.PopCount((uint)pairs), Bm25(frequency, engine.entries.LengthOf(entry.Id)));
        }
    }
}
