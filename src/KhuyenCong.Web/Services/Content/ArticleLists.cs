using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Web.Services.Content;

/// <summary>
/// The order of the news lists (all news, a topic, a tag: newest first by publication time, then id) held in memory
/// as article ids, so that page N of any list is a slice of an array and its ten cards are read by primary key:
/// no <c>OFFSET</c> and no <c>COUNT</c> in SQL, and the last page of 100,000 articles costs what page 2 costs.
/// <para>
/// The copy holds, per article with the published status, its id, publication and withdrawal times, topic and tags
/// (about 40 bytes an article). It is checked against the database's content change stamp (one primary-key read,
/// moved by every content write on any node, in the writing transaction) on every use, and reloaded when the
/// stamp moved. Visibility by date is decided in memory: the visible list of a filter is kept until the next
/// scheduled publication or withdrawal among its articles.
/// </para>
/// </summary>
public sealed class ArticleLists : IDisposable
{
    /// <summary>What a list page needs: how many articles the list holds now, and the ids of the requested page, in order.</summary>
    public sealed record Slice(int Total, IReadOnlyList<int> Ids);

    private sealed class Snapshot(long version, int[] ids, long[] publish, long[] unpublish, Dictionary<int, int[]> byTopic, Dictionary<int, int[]> byTag)
    {
        public long Version { get; } = version;
        // Parallel arrays in list order (newest first); positions index them.
        public int[] Ids { get; } = ids;
        public long[] Publish { get; } = publish;
        public long[] Unpublish { get; } = unpublish; // long.MaxValue: never withdrawn
        public Dictionary<int, int[]> ByTopic { get; } = byTopic;
        public Dictionary<int, int[]> ByTag { get; } = byTag;
        public ConcurrentDictionary<(char Kind, int Id), VisibleList> VisibleByList { get; } = new();
    }

    /// <summary>The visible ids of one list, valid from <c>From</c> until (not including) <c>Until</c> (ticks, UTC).</summary>
    private sealed record VisibleList(long From, long Until, int[] Ids);

    private readonly SemaphoreSlim loading = new(1, 1);
    private Snapshot? snapshot;

    public void Dispose() => loading.Dispose();

    /// <summary>Every published article.</summary>
    public Task<Slice> AllAsync(AppDbContext db, DateTime utcNow, int skip, int take, CancellationToken ct) => SliceAsync(db, 'a', 0, utcNow, skip, take, ct);

    /// <summary>The published articles of a topic.</summary>
    public Task<Slice> TopicAsync(AppDbContext db, int topicId, DateTime utcNow, int skip, int take, CancellationToken ct) => SliceAsync(db, 't', topicId, utcNow, skip, take, ct);

    /// <summary>The published articles with a tag.</summary>
    public Task<Slice> TagAsync(AppDbContext db, int tagId, DateTime utcNow, int skip, int take, CancellationToken ct) => SliceAsync(db, 'g', tagId, utcNow, skip, take, ct);

    private async Task<Slice> SliceAsync(AppDbContext db, char kind, int id, DateTime utcNow, int skip, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var current = await CurrentAsync(db, ct);
        var now = utcNow.Ticks;
        var visible = current.VisibleByList.TryGetValue((kind, id), out var known) && known.From <= now && now < known.Until
            ? known
            : current.VisibleByList[(kind, id)] = Compute(current, kind switch
            {
                't' => current.ByTopic.GetValueOrDefault(id),
                'g' => current.ByTag.GetValueOrDefault(id),
                _ => null,
            }, now);
        var ids = visible.Ids;
        var from = Math.Clamp(skip, 0, ids.Length);
        return new Slice(ids.Length, new ArraySegment<int>(ids, from, Math.Clamp(take, 0, ids.Length - from)));
    }

    /// <summary>The visible articles among <paramref name="positions"/> (all when null) at <paramref name="now"/>, and until when that holds.</summary>
    private static VisibleList Compute(Snapshot s, int[]? positions, long now)
    {
        var count = positions?.Length ?? s.Ids.Length;
        var ids = new List<int>(count);
        var until = long.MaxValue;
        for (var i = 0; i < count; i++)
        {
            var p = positions is null ? i : positions[i];
            var (publish, unpublish) = (s.Publish[p], s.Unpublish[p]);
            if (publish > now)
            {
                until = Math.Min(until, publish);
            }
            else if (unpublish > now)
            {
                ids.Add(s.Ids[p]);
                until = Math.Min(until, unpublish);
            }
        }

        return new VisibleList(now, until, [.. ids]);
    }

    private async Task<Snapshot> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        // Read before loading: data loaded afterwards is at least as new as the stamp it is kept under.
        var version = await ContentChanges.VersionAsync(db, ct);
        if (Volatile.Read(ref snapshot) is { } current && current.Version == version)
        {
            return current;
        }

        await loading.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref snapshot) is { } loaded && loaded.Version == version)
            {
                return loaded;
            }

            var fresh = await LoadAsync(db, version, ct);
            Volatile.Write(ref snapshot, fresh);
            return fresh;
        }
        finally
        {
            loading.Release();
        }
    }

    // Bare commands on the context's connection, as ContentChanges reads the stamp: no EF query pipeline for what is
    // not the page's own data, and the same plain SQL on both providers.
    private static async Task<DbCommand> CommandAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static async Task<Snapshot> LoadAsync(AppDbContext db, long version, CancellationToken ct)
    {
        var rows = new List<(int Id, long Publish, long Unpublish, int? Topic)>();
        await using (var command = await CommandAsync(db, $"""
            SELECT "Id", "PublishAt", "UnpublishAt", "TopicId" FROM "Articles"
            WHERE "Status" = {(int)ContentStatus.Published} AND "PublishAt" IS NOT NULL
            """, ct))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt32(0), reader.GetDateTime(1).Ticks,
                    reader.IsDBNull(2) ? long.MaxValue : reader.GetDateTime(2).Ticks,
                    reader.IsDBNull(3) ? null : reader.GetInt32(3)));
            }
        }

        // Newest first, as ArticleQueries.Newest orders in SQL.
        rows.Sort((a, b) => a.Publish != b.Publish ? b.Publish.CompareTo(a.Publish) : b.Id.CompareTo(a.Id));
        var position = new Dictionary<int, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            position[rows[i].Id] = i;
        }

        var byTopic = rows.Select((r, i) => (r.Topic, Position: i)).Where(x => x.Topic is not null)
            .GroupBy(x => x.Topic!.Value).ToDictionary(g => g.Key, g => g.Select(x => x.Position).ToArray());

        var tagged = new List<(int Tag, int Position)>();
        await using (var command = await CommandAsync(db, """SELECT "ArticlesId", "TagsId" FROM "ArticleTags" """, ct))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (position.TryGetValue(reader.GetInt32(0), out var p))
                {
                    tagged.Add((reader.GetInt32(1), p));
                }
            }
        }

        var byTag = tagged.GroupBy(x => x.Tag).ToDictionary(g => g.Key, g => g.Select(x => x.Position).Order().ToArray());
        return new Snapshot(version, [.. rows.Select(r => r.Id)], [.. rows.Select(r => r.Publish)], [.. rows.Select(r => r.Unpublish)], byTopic, byTag);
    }
}
