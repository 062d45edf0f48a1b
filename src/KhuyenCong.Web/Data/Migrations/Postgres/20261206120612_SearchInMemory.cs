using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search now matches and ranks in memory on every node (SearchEngine), reading SearchItems: the tsvector
            // table is no longer read or written.
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");

            migrationBuilder.AddColumn<bool>(
                name: "Removed",
                table: "SearchItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "SearchItems",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "ChangeStamps",
                columns: new[] { "Id", "ChangedAt", "Version" },
                values: new object[] { 2, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0L });

            migrationBuilder.CreateIndex(
                name: "IX_SearchItems_Version",
                table: "SearchItems",
                column: "Version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The earlier versions' table comes back empty: re-import or re-save content to fill it.
            migrationBuilder.Sql("""
                CREATE TABLE search_fts (
                    id bigint PRIMARY KEY REFERENCES "SearchItems" ("Id") ON DELETE CASCADE,
                    kind text COLLATE "C" NOT NULL,
                    title text NOT NULL,
                    summary text NOT NULL,
                    body text NOT NULL,
                    doc tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple'::regconfig, title), 'A')
                        || setweight(to_tsvector('simple'::regconfig, summary), 'B')
                        || setweight(to_tsvector('simple'::regconfig, body), 'C')) STORED);
                CREATE INDEX ix_search_fts_doc ON search_fts USING gin (doc);
                CREATE INDEX ix_search_fts_kind ON search_fts (kind);
                """);

            migrationBuilder.DropIndex(
                name: "IX_SearchItems_Version",
                table: "SearchItems");

            migrationBuilder.DeleteData(
                table: "ChangeStamps",
                keyColumn: "Id",
                keyValue: 2);

            migrationBuilder.DropColumn(
                name: "Removed",
                table: "SearchItems");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SearchItems");
        }
    }
}
