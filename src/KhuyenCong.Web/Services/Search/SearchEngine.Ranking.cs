namespace KhuyenCong.Web.Services.Search;

/// <summary>Ranking: the newest matches as candidates, each scored by phrase tier, adjacent pairs and bm25.</summary>
public sealed partial class SearchEngine
{
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
        var candidates = query.Newest(this, window + 1, 0);
        var capped = candidates.Count > window;
        if (capped)
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        // Counted by kind number (a byte per row, read from one array), named at the end.
        Span<int> perKind = stackalloc int[entries.KindCount];
        foreach (var id in candidates)
        {
            perKind[entries.KindOf(id)]++;
        }

        for (var k = 1; k < perKind.Length; k++)
        {
            if (perKind[k] > 0)
            {
                counts[entries.KindName(k)] = perKind[k];
            }
        }

        var kindNumber = kind is null ? 0 : entries.KindNumber(kind);
        // The rows to rank: the candidates, some of them (by their index there), or the kind's own newest matches.
        var source = candidates;
        List<int>? picked = null;
        if (kind is not null && kindNumber == 0)
        {
            picked = [];
        }
        else if (kind is not null && !capped)
        {
            picked = [];
            for (var i = 0; i < candidates.Count; i++)
            {
                if (entries.KindOf(candidates[i]) == kindNumber)
                {
                    picked.Add(i);
                }
            }
        }
        else if (kind is not null)
        {
            // A kind beyond the newest matches of every kind: its own newest matches, up to the window.
            source = query.Newest(this, window + 1, kindNumber);
            capped = source.Count > window;
            if (capped)
            {
                source.RemoveAt(source.Count - 1);
            }
        }

        var total = picked?.Count ?? source.Count;
        // The chosen kind stays in the filter even when all its matches are older than the window.
        if (kind is not null && total > 0)
        {
            counts.TryAdd(kind, total);
        }

        if (total == 0 || skip >= total)
        {
            return new Ranking(total, [], counts, capped);
        }

        // Every candidate is scored, but only the best skip + take are kept and sorted: a heap whose top is the
        // worst kept one, replaced whenever a better candidate comes (a page of ten sorts ten, not a thousand).
        var keep = Math.Min(total, skip + take);
        var best = new PriorityQueue<int, Scored>(keep, WorstFirst);
        for (var i = 0; i < total; i++)
        {
            var index = picked is null ? i : picked[i];
            var score = query.Score(this, source[index], index);
            if (best.Count < keep)
            {
                best.Enqueue(score.Id, score);
            }
            else if (best.TryPeek(out _, out var worst) && score.CompareTo(worst) < 0)
            {
                best.DequeueEnqueue(score.Id, score);
            }
        }

        var ids = new int[keep - skip];
        for (var i = keep - 1; i >= 0; i--)
        {
            var id = best.Dequeue();
            if (i >= skip)
            {
                ids[i - skip] = id;
            }
        }

        return new Ranking(total, ids, counts, capped);
    }

    /// <summary>Orders the kept candidates worst first (the reverse of <see cref="Scored.CompareTo"/>).</summary>
    private static readonly Comparer<Scored> WorstFirst = Comparer<Scored>.Create((a, b) => b.CompareTo(a));

    /// <summary>A candidate's sort key: tier, pairs and bm25 descending, then the oldest row first.</summary>
    private readonly record struct Scored(int Id, int Tier, int Pairs, double Bm25) : IComparable<Scored>
    {
        public int CompareTo(Scored other) =>
            Tier != other.Tier ? other.Tier.CompareTo(Tier)
            : Pairs != other.Pairs ? other.Pairs.CompareTo(Pairs)
            : Bm25 != other.Bm25 ? other.Bm25.CompareTo(Bm25)
            : Id.CompareTo(other.Id);
    }

    /// <summary>
    /// For tests: the whole candidate window of an unfiltered query scored and sorted in full, the reference that the
    /// kept-best heap of <see cref="Rank"/> must reproduce page by page.
    /// </summary>
    internal IReadOnlyList<int> RankedBySortingAll(IReadOnlyList<string> terms)
    {
        gate.EnterReadLock();
        try
        {
            using var query = Query.Resolve(this, terms);
            if (query is null)
            {
                return [];
            }

            var scored = query.Newest(this, SearchQuery.MaxCounted, 0).Select((id, index) => query.Score(this, id, index)).ToArray();
            Array.Sort(scored);
            return [.. scored.Select(s => s.Id)];
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>
    /// For tests: each candidate of the query scored both ways, from places and by reading its words; the two keys
    /// must always agree (the places are only a faster route to the same ranking).
    /// </summary>
    internal IReadOnlyList<(string Places, string Reading)> ScoreBothWays(IReadOnlyList<string> terms)
    {
        gate.EnterReadLock();
        try
        {
            using var query = Query.Resolve(this, terms);
            if (query is null)
            {
                return [];
            }

            return [.. query.Newest(this, SearchQuery.MaxCounted, 0)
                .Select((id, index) => (query.Score(this, id, index).ToString(), query.ScoreByReading(this, entries[id]).ToString()))];
        }
        finally
        {
            gate.ExitReadLock();
        }
    }
}
