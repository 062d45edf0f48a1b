using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search now matches and ranks in memory on every node (SearchEngine), reading SearchItems: the FTS5
            // table is no longer read or written.
            migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");

            migrationBuilder.AddColumn<bool>(
                name: "Removed",
                table: "SearchItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "SearchItems",
                type: "INTEGER",
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
            // The earlier versions' FTS5 table comes back empty: re-import or re-save content to fill it.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE search_fts USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');");
            migrationBuilder.Sql("INSERT INTO search_fts(search_fts, rank) VALUES('rank', 'bm25(10.0, 4.0, 1.0)');");

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
