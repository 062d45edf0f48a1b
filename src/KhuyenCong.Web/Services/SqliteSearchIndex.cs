using System.Data.Common;
using KhuyenCong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Web.Services;

/// <summary>
/// SQLite FTS5 (table search_fts, created by a migration) over folded title, summary and body, joined to
/// SearchItems for the original text. FTS5's remove_diacritics leaves đ alone, so we fold before indexing.
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    public async Task UpsertAsync(AppDbContext db, SearchDocument document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = """
            INSERT INTO SearchItems (Kind, ItemId, Title, Url, Summary, BodyText, PublishAt, UnpublishAt)
            VALUES ($kind, $item, $title, $url, $summary, $body, $publish, $unpublish)
            ON CONFLICT (Kind, ItemId) DO UPDATE SET Title = excluded.Title, Url = excluded.Url,
                Summary = excluded.Summary, BodyText = excluded.BodyText,
                PublishAt = excluded.PublishAt, UnpublishAt = excluded.UnpublishAt
            RETURNING Id;
            """;
        Add(cmd, "$kind", document.Kind);
        Add(cmd, "$item", document.ItemId);
        Add(cmd, "$title", document.Title);
        Add(cmd, "$url", document.Url);
        Add(cmd, "$summary", document.Summary);
        Add(cmd, "$body", document.BodyText);
        Add(cmd, "$publish", document.PublishAt);
        Add(cmd, "$unpublish", document.UnpublishAt);
        var id = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

        cmd.Parameters.Clear();
        cmd.CommandText = """
            DELETE FROM search_fts WHERE rowid = $id;
            INSERT INTO search_fts (rowid, title, summary, body) VALUES ($id, $title, $summary, $body);
            """;
        Add(cmd, "$id", id);
        Add(cmd, "$title", TextFolding.Fold(document.Title));
        Add(cmd, "$summary", TextFolding.Fold(document.Summary));
        Add(cmd, "$body", TextFolding.Fold(document.BodyText));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task RemoveAsync(AppDbContext db, string kind, int itemId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = """
            DELETE FROM search_fts WHERE rowid IN (SELECT Id FROM SearchItems WHERE Kind = $kind AND ItemId = $item);
            DELETE FROM SearchItems WHERE Kind = $kind AND ItemId = $item;
            """;
        Add(cmd, "$kind", kind);
        Add(cmd, "$item", itemId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<SearchResults> SearchAsync(AppDbContext db, string query, DateTime utcNow, int skip, int take, string? kind = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var terms = SearchQuery.Terms(query);
        if (terms.Count == 0)
        {
            return SearchResults.Empty;
        }

        // Every term is letters/digits only, so quoting cannot be escaped; the last one matches as a prefix.
        var match = string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
        var window = SearchQuery.Window(take);
        // The index holds only live items (see ContentPublisher), so the full-text match alone decides.
        // Candidates: the newest matches up to the window (FTS5 walks its lists in descending rowid order and stops),
        // each with its kind (a primary-key read). Nothing is counted or scored beyond them.
        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = """
            SELECT c.id, (SELECT Kind FROM SearchItems WHERE Id = c.id)
            FROM (SELECT rowid AS id FROM search_fts WHERE search_fts MATCH $match ORDER BY rowid DESC LIMIT $limit) c
            ORDER BY c.id DESC;
            """;
        Add(cmd, "$match", match);
        Add(cmd, "$limit", window + 1);
        var candidates = new List<(long Id, string Kind)>(Math.Min(window + 1, 1024));
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                candidates.Add((reader.GetInt64(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
            }
        }

        var capped = candidates.Count > window;
        if (capped)
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        var counts = candidates.Where(c => c.Kind.Length > 0).GroupBy(c => c.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        long lowest;
        int total;
        var ofKind = "";
        if (kind is null)
        {
            total = candidates.Count;
            lowest = total == 0 ? 0 : candidates[^1].Id;
        }
        else if (!capped)
        {
            total = counts.GetValueOrDefault(kind);
            lowest = candidates.Where(c => c.Kind == kind).Select(c => c.Id).DefaultIfEmpty(0).Min();
            ofKind = " AND (SELECT Kind FROM SearchItems WHERE Id = search_fts.rowid) = $kind";
        }
        else
        {
            // A kind beyond the newest matches of every kind: its own newest matches, up to the window.
            ofKind = " AND (SELECT Kind FROM SearchItems WHERE Id = search_fts.rowid) = $kind";
            cmd.Parameters.Clear();
            cmd.CommandText = $"SELECT rowid FROM search_fts WHERE search_fts MATCH $match{ofKind} ORDER BY rowid DESC LIMIT $limit;";
            Add(cmd, "$match", match);
            Add(cmd, "$kind", kind);
            Add(cmd, "$limit", window + 1);
            var ofThisKind = new List<long>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    ofThisKind.Add(reader.GetInt64(0));
                }
            }

            total = Math.Min(ofThisKind.Count, window);
            capped = ofThisKind.Count > window;
            lowest = total == 0 ? 0 : ofThisKind[total - 1];
        }

        // The chosen kind stays in the filter even when all its matches are older than the window.
        if (kind is not null && total > 0)
        {
            counts.TryAdd(kind, total);
        }

        if (total == 0 || skip >= total)
        {
            return new SearchResults(total, [], counts, capped);
        }

        // The candidates are exactly the matches (of the kind) from the lowest candidate's rowid up: a rowid range
        // FTS5 seeks to, so every ranking lookup below reads only the candidates' entries.
        cmd.Parameters.Clear();
        Add(cmd, "$match", match);
        Add(cmd, "$lowest", lowest);
        if (kind is not null)
        {
            Add(cmd, "$kind", kind);
        }

        // Tiers first: the words as a phrase, in order, in the title (3), the summary (2), the body (1), else 0.
        // Each tier is one more full-text lookup over the candidates' range, not a scan. Within a tier bm25 (title 10,
        // summary 4, body 1; configured as the table's rank) decides.
        var tiers = "";
        if (terms.Count > 1)
        {
            var phrase = "\"" + string.Join(' ', terms) + "\"*";
            tiers = """
                CASE WHEN rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH $inTitle AND rowid >= $lowest) THEN 3
                     WHEN rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH $inSummary AND rowid >= $lowest) THEN 2
                     WHEN rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH $inBody AND rowid >= $lowest) THEN 1 ELSE 0 END DESC,
                """;
            Add(cmd, "$inTitle", "title : " + phrase);
            Add(cmd, "$inSummary", "summary : " + phrase);
            Add(cmd, "$inBody", "body : " + phrase);

            // Then proximity: how many adjacent pairs of the query's words stand side by side somewhere, so that
            // "hoi cho can tho" prefers "hội chợ … Cần Thơ" over text with the four words apart ("cho cán bộ").
            if (terms.Count > 2)
            {
                var pairs = new List<string>();
                for (var i = 0; i + 1 < terms.Count && i < 4; i++)
                {
                    var last = i + 2 == terms.Count ? "*" : "";
                    pairs.Add($"CASE WHEN rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH $pair{i} AND rowid >= $lowest) THEN 1 ELSE 0 END");
                    Add(cmd, $"$pair{i}", "\"" + terms[i] + " " + terms[i + 1] + "\"" + last);
                }

                tiers += "(" + string.Join(" + ", pairs) + ") DESC,\n";
            }
        }

        cmd.CommandText = $"SELECT rowid FROM search_fts WHERE search_fts MATCH $match AND rowid >= $lowest{ofKind} ORDER BY {tiers} rank, rowid LIMIT $take OFFSET $skip;";
        Add(cmd, "$take", take);
        Add(cmd, "$skip", skip);
        var ids = new List<long>(take);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        cmd.Parameters.Clear();
        cmd.CommandText = "SELECT Id, Kind, ItemId, Title, Url, Summary, BodyText, PublishAt FROM SearchItems WHERE Id IN ("
            + string.Join(',', ids.Select((_, i) => "$id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ");";
        for (var i = 0; i < ids.Count; i++)
        {
            Add(cmd, "$id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ids[i]);
        }

        var rows = new Dictionary<long, SearchHit>(ids.Count);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var summary = reader.GetString(5);
                var body = reader.GetString(6);
                var snippetSource = summary.Length == 0 || Highlighter.HasMatch(body, terms) ? body : summary;
                rows[reader.GetInt64(0)] = new SearchHit(
                    reader.GetString(1), reader.GetInt32(2), reader.GetString(4), reader.GetDateTime(7),
                    Highlighter.Mark(reader.GetString(3), terms),
                    Highlighter.Snippet(snippetSource, terms));
            }
        }

        var hits = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        return new SearchResults(total, hits, counts, capped);
    }

    private static async Task<DbCommand> CommandAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
