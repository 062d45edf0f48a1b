using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchedulerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_UnpublishAt",
                table: "Articles",
                columns: new[] { "Status", "UnpublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_WentLiveAt",
                table: "Articles",
                columns: new[] { "Status", "WentLiveAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_UnpublishAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_WentLiveAt",
                table: "Articles");
        }
    }
}
