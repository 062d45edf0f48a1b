using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexesAndSearchRank : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_IsFeatured_Status_PublishAt",
                table: "Articles",
                columns: new[] { "IsFeatured", "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_PublishAt_UnpublishAt",
                table: "Articles",
                columns: new[] { "Status", "PublishAt", "UnpublishAt" });
        
            // Title matches weigh most, then the summary, then the body (FTS5's persistent rank setting).
            migrationBuilder.Sql("INSERT INTO search_fts(search_fts, rank) VALUES('rank', 'bm25(10.0, 4.0, 1.0)');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_IsFeatured_Status_PublishAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_PublishAt_UnpublishAt",
                table: "Articles");
        }
    }
}
