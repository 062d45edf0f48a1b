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

    public async Task<SearchResults> SearchAsync(AppDbContext db, string query, DateTime utcNow, int skip, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var terms = SearchQuery.Terms(query);
        if (terms.Count == 0)
        {
            return SearchResults.Empty;
        }

        // Every term is letters/digits only, so quoting cannot be escaped; the last one matches as a prefix.
        var match = string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
        // CROSS JOIN keeps this join order in SQLite: the full-text match drives, each hit looks up its row.
        // (With a plain JOIN the planner may scan SearchItems and run the MATCH once per row.)
        const string Where = """
            FROM search_fts CROSS JOIN SearchItems i ON i.Id = search_fts.rowid
            WHERE search_fts MATCH $match AND i.PublishAt <= $now AND (i.UnpublishAt IS NULL OR i.UnpublishAt > $now)
            """;

        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = "SELECT count(*) " + Where;
        Add(cmd, "$match", match);
        Add(cmd, "$now", utcNow);
        var total = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (total == 0 || skip >= total)
        {
            return new SearchResults(total, []);
        }

        cmd.CommandText = "SELECT i.Kind, i.ItemId, i.Title, i.Url, i.Summary, i.BodyText, i.PublishAt " + Where
            + " ORDER BY bm25(search_fts, 10.0, 4.0, 1.0), i.PublishAt DESC LIMIT $take OFFSET $skip;";
        Add(cmd, "$take", take);
        Add(cmd, "$skip", skip);
        var hits = new List<SearchHit>(take);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var summary = reader.GetString(4);
                var body = reader.GetString(5);
                var snippetSource = summary.Length == 0 || Highlighter.HasMatch(body, terms) ? body : summary;
                hits.Add(new SearchHit(
                    reader.GetString(0), reader.GetInt32(1), reader.GetString(3), reader.GetDateTime(6),
                    Highlighter.Mark(reader.GetString(2), terms),
                    Highlighter.Snippet(snippetSource, terms)));
            }
        }

        return new SearchResults(total, hits);
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
