using System.Data.Common;
using System.Globalization;
using KhuyenCong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Web.Services;

/// <summary>
/// PostgreSQL full text over folded title, summary and body (table search_fts, created by the PostgreSQL
/// migrations): the folded words are stored space-separated, a generated <c>tsvector('simple')</c> column weighs
/// them A (title), B (summary), C (body), and a GIN index answers the matches. SearchItems keeps the original text
/// for titles and snippets. Same behaviour as <see cref="SqliteSearchIndex"/>: every word must match, the last one as
/// a prefix; phrase tiers (title, summary, body), then adjacent pairs, then relevance (title 10, summary 4, body 1).
/// </summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    /// <summary>ts_rank weights in PostgreSQL's order {D, C, B, A}: body 1, summary 4, title 10 (as bm25 on SQLite); normalisation 1 (1 + log of the length) stands in for bm25's preference for short texts.</summary>
    private const string Weights = "'{0.1, 0.1, 0.4, 1.0}'::float4[]";

    /// <summary>The folded words of a text, one space apart, as the index stores them.</summary>
    public static string Folded(string? text) => string.Join(' ', TextFolding.Tokens(text));

    public async Task UpsertAsync(AppDbContext db, SearchDocument document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = """
            WITH item AS (
                INSERT INTO "SearchItems" ("Kind", "ItemId", "Title", "Url", "Summary", "BodyText", "PublishAt", "UnpublishAt")
                VALUES (@kind, @item, @title, @url, @summary, @body, @publish, @unpublish)
                ON CONFLICT ("Kind", "ItemId") DO UPDATE SET "Title" = excluded."Title", "Url" = excluded."Url",
                    "Summary" = excluded."Summary", "BodyText" = excluded."BodyText",
                    "PublishAt" = excluded."PublishAt", "UnpublishAt" = excluded."UnpublishAt"
                RETURNING "Id")
            INSERT INTO search_fts (id, kind, title, summary, body)
            SELECT "Id", @kind, @ftitle, @fsummary, @fbody FROM item
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, summary = excluded.summary, body = excluded.body;
            """;
        Add(cmd, "kind", document.Kind);
        Add(cmd, "item", document.ItemId);
        Add(cmd, "title", document.Title);
        Add(cmd, "url", document.Url);
        Add(cmd, "summary", document.Summary);
        Add(cmd, "body", document.BodyText);
        Add(cmd, "publish", Utc(document.PublishAt));
        Add(cmd, "unpublish", document.UnpublishAt is { } until ? Utc(until) : null);
        Add(cmd, "ftitle", Folded(document.Title));
        Add(cmd, "fsummary", Folded(document.Summary));
        Add(cmd, "fbody", Folded(document.BodyText));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task RemoveAsync(AppDbContext db, string kind, int itemId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var cmd = await CommandAsync(db, ct);
        // search_fts rows go with their item (ON DELETE CASCADE).
        cmd.CommandText = """DELETE FROM "SearchItems" WHERE "Kind" = @kind AND "ItemId" = @item;""";
        Add(cmd, "kind", kind);
        Add(cmd, "item", itemId);
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

        // Every term is letters/digits only, so no tsquery operator can slip in; the last one matches as a prefix.
        // Candidates: the newest matches up to the window, with their kind; nothing is counted or ranked beyond them.
        var window = SearchQuery.Window(take);
        var match = string.Join(" & ", terms.Select((t, i) => Term(t, i == terms.Count - 1, null)));
        await using var cmd = await CommandAsync(db, ct);
        cmd.CommandText = """
            SELECT id, kind FROM search_fts WHERE doc @@ to_tsquery('simple', @match) ORDER BY id DESC LIMIT @limit;
            """;
        Add(cmd, "match", match);
        Add(cmd, "limit", window + 1);
        var candidates = new List<(long Id, string Kind)>(Math.Min(window + 1, 1024));
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                candidates.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var capped = candidates.Count > window;
        if (capped)
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        var counts = candidates.GroupBy(c => c.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        long[] ranked;
        if (kind is null || !capped)
        {
            ranked = [.. candidates.Where(c => kind is null || c.Kind == kind).Select(c => c.Id)];
        }
        else
        {
            // A kind beyond the newest matches of every kind: its own newest matches, up to the window.
            cmd.Parameters.Clear();
            cmd.CommandText = "SELECT id FROM search_fts WHERE doc @@ to_tsquery('simple', @match) AND kind = @kind ORDER BY id DESC LIMIT @limit;";
            Add(cmd, "match", match);
            Add(cmd, "kind", kind);
            Add(cmd, "limit", window + 1);
            var ofThisKind = new List<long>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    ofThisKind.Add(reader.GetInt64(0));
                }
            }

            capped = ofThisKind.Count > window;
            ranked = [.. ofThisKind.Take(window)];
        }

        var total = ranked.Length;
        // The chosen kind stays in the filter even when all its matches are older than the window.
        if (kind is not null && total > 0)
        {
            counts.TryAdd(kind, total);
        }

        if (total == 0 || skip >= total)
        {
            return new SearchResults(total, [], counts, capped);
        }

        // Tiers first: the words as a phrase in the title (3), the summary (2), the body (1), else 0; each phrase is
        // restricted to one field's weight, so it never runs from the end of the title into the summary. Every test
        // and the rank read one copy of the row's vector, taken once (OFFSET 0 keeps the planner from inlining it):
        // reading the stored, compressed vector for each of up to eight tests was most of a search's time.
        cmd.Parameters.Clear();
        Add(cmd, "match", match);
        var tiers = "";
        if (terms.Count > 1)
        {
            tiers = """
                CASE WHEN v.d @@ to_tsquery('simple', @inTitle) THEN 3
                     WHEN v.d @@ to_tsquery('simple', @inSummary) THEN 2
                     WHEN v.d @@ to_tsquery('simple', @inBody) THEN 1 ELSE 0 END DESC,
                """;
            Add(cmd, "inTitle", Phrase(terms, 0, terms.Count, 'A'));
            Add(cmd, "inSummary", Phrase(terms, 0, terms.Count, 'B'));
            Add(cmd, "inBody", Phrase(terms, 0, terms.Count, 'C'));

            // Then proximity: how many adjacent pairs of the query's words stand side by side in one field.
            if (terms.Count > 2)
            {
                var pairs = new List<string>();
                for (var i = 0; i + 1 < terms.Count && i < 4; i++)
                {
                    pairs.Add($"CASE WHEN v.d @@ to_tsquery('simple', @pair{i}) THEN 1 ELSE 0 END");
                    Add(cmd, $"pair{i}", string.Join(" | ", "ABC".Select(w => "(" + Phrase(terms, i, 2, w) + ")")));
                }

                tiers += "(" + string.Join(" + ", pairs) + ") DESC,\n";
            }
        }

        cmd.CommandText = $"""
            SELECT f.id FROM search_fts f CROSS JOIN LATERAL (SELECT f.doc || ''::tsvector AS d OFFSET 0) v
            WHERE f.id = ANY(@ids)
            ORDER BY {tiers} ts_rank({Weights}, v.d, to_tsquery('simple', @match), 1) DESC, f.id LIMIT @take OFFSET @skip;
            """;
        Add(cmd, "ids", ranked);
        Add(cmd, "take", take);
        Add(cmd, "skip", skip);
        var ids = new List<long>(take);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        cmd.Parameters.Clear();
        cmd.CommandText = """SELECT "Id", "Kind", "ItemId", "Title", "Url", "Summary", "BodyText", "PublishAt" FROM "SearchItems" WHERE "Id" = ANY(@ids);""";
        Add(cmd, "ids", ids.ToArray());
        var rows = new Dictionary<long, SearchHit>(ids.Count);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var summary = reader.GetString(5);
                var body = reader.GetString(6);
                var snippetSource = summary.Length == 0 || Highlighter.HasMatch(body, terms) ? body : summary;
                rows[reader.GetInt64(0)] = new SearchHit(
                    reader.GetString(1), reader.GetInt32(2), reader.GetString(4), DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc),
                    Highlighter.Mark(reader.GetString(3), terms),
                    Highlighter.Snippet(snippetSource, terms));
            }
        }

        var hits = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        return new SearchResults(total, hits, counts, capped);
    }

    private static string Term(string term, bool prefix, char? weight) =>
        term + (prefix || weight is not null ? ":" : "") + (prefix ? "*" : "") + weight;

    /// <summary>count words from start as a phrase in one field; the query's last word stays a prefix.</summary>
    private static string Phrase(IReadOnlyList<string> terms, int start, int count, char weight) =>
        string.Join(" <-> ", Enumerable.Range(start, count).Select(i => Term(terms[i], i == terms.Count - 1, weight)));

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

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
