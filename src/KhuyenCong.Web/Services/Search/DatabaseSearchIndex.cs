using System.Data.Common;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Search;

/// <summary>
/// The search index as the site keeps it: one <c>SearchItems</c> row per published item with its original text,
/// written in the caller's transaction (so an index change commits or rolls back with the content), the same SQL on
/// both databases. Each write takes the next search version (<see cref="SearchStamp"/>); a removal keeps the row as
/// an empty, removed row so that every node's <see cref="SearchEngine"/> learns of it from the versions alone.
/// Matching and ranking happen in memory (<see cref="SearchEngine"/>), so no query scans the database.
/// </summary>
public sealed class DatabaseSearchIndex(SearchEngine engine) : ISearchIndex
{
    public async Task UpsertAsync(AppDbContext db, SearchDocument document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        await WriteAsync(db, async (cmd, version) =>
        {
            cmd.CommandText = """
                INSERT INTO "SearchItems" ("Kind", "ItemId", "Title", "Url", "Summary", "BodyText", "PublishAt", "UnpublishAt", "Version", "Removed")
                VALUES (@kind, @item, @title, @url, @summary, @body, @publish, @unpublish, @version, FALSE)
                ON CONFLICT ("Kind", "ItemId") DO UPDATE SET "Title" = excluded."Title", "Url" = excluded."Url",
                    "Summary" = excluded."Summary", "BodyText" = excluded."BodyText", "PublishAt" = excluded."PublishAt",
                    "UnpublishAt" = excluded."UnpublishAt", "Version" = excluded."Version", "Removed" = FALSE;
                """;
            var postgres = db.IsPostgres();
            Add(cmd, "kind", document.Kind);
            Add(cmd, "item", document.ItemId);
            Add(cmd, "title", document.Title);
            Add(cmd, "url", document.Url);
            Add(cmd, "summary", document.Summary);
            Add(cmd, "body", document.BodyText);
            Add(cmd, "publish", postgres ? Utc(document.PublishAt) : document.PublishAt);
            Add(cmd, "unpublish", document.UnpublishAt is { } until ? (postgres ? Utc(until) : until) : null);
            Add(cmd, "version", version);
            await cmd.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public async Task RemoveAsync(AppDbContext db, string kind, int itemId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await WriteAsync(db, async (cmd, version) =>
        {
            cmd.CommandText = """
                UPDATE "SearchItems" SET "Removed" = TRUE, "Title" = '', "Summary" = '', "BodyText" = '', "Version" = @version
                WHERE "Kind" = @kind AND "ItemId" = @item;
                """;
            Add(cmd, "kind", kind);
            Add(cmd, "item", itemId);
            Add(cmd, "version", version);
            await cmd.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public Task<SearchResults> SearchAsync(AppDbContext db, string query, DateTime utcNow, int skip, int take, string? kind = null, CancellationToken ct = default) =>
        engine.SearchAsync(db, query, skip, take, kind, ct);

    /// <summary>The version and the row change commit together: in the caller's transaction, or in one of our own.</summary>
    private static async Task WriteAsync(AppDbContext db, Func<DbCommand, long, Task> write, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var version = await SearchStamp.NextAsync(db, ct);
        await using (var cmd = await SearchStamp.CommandAsync(db, ct))
        {
            await write(cmd, version);
        }

        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
