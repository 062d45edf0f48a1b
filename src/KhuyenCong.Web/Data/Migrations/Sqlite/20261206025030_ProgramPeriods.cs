using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgramFigures_Table_RowCode_Year_Source",
                table: "ProgramFigures");

            migrationBuilder.AddColumn<string>(
                name: "PeriodCode",
                table: "ProgramTargets",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PeriodCode",
                table: "ProgramFigures",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ProgramPeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", nullable: true),
                    DecisionDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionSlug = table.Column<string>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResultsOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    SupportLinesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramPeriods", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramFigures_PeriodCode_Table_RowCode_Year_Source",
                table: "ProgramFigures",
                columns: new[] { "PeriodCode", "Table", "RowCode", "Year", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramPeriods_Code",
                table: "ProgramPeriods",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgramPeriods");

            migrationBuilder.DropIndex(
                name: "IX_ProgramFigures_PeriodCode_Table_RowCode_Year_Source",
                table: "ProgramFigures");

            migrationBuilder.DropColumn(
                name: "PeriodCode",
                table: "ProgramTargets");

            migrationBuilder.DropColumn(
                name: "PeriodCode",
                table: "ProgramFigures");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramFigures_Table_RowCode_Year_Source",
                table: "ProgramFigures",
                columns: new[] { "Table", "RowCode", "Year", "Source" },
                unique: true);
        }
    }
}
