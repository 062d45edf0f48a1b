using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Program : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Achievements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetCode = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    EvidenceDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Achievements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Achievements_Documents_EvidenceDocumentId",
                        column: x => x.EvidenceDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ProgramDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceHash = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgramFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Table = table.Column<string>(type: "TEXT", nullable: false),
                    RowCode = table.Column<string>(type: "TEXT", nullable: false),
                    RowKind = table.Column<string>(type: "TEXT", nullable: false),
                    RowTitle = table.Column<string>(type: "TEXT", nullable: false),
                    RowOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Printed = table.Column<string>(type: "TEXT", nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", nullable: false),
                    SourceLine = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgramSourceIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    File = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", nullable: false),
                    Expected = table.Column<long>(type: "INTEGER", nullable: false),
                    Printed = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramSourceIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgramTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Minimum = table.Column<int>(type: "INTEGER", nullable: true),
                    Maximum = table.Column<int>(type: "INTEGER", nullable: true),
                    IsApproximate = table.Column<bool>(type: "INTEGER", nullable: false),
                    BudgetLine = table.Column<string>(type: "TEXT", nullable: true),
                    Measure = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AchievementChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AchievementId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AchievementChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AchievementChanges_Achievements_AchievementId",
                        column: x => x.AchievementId,
                        principalTable: "Achievements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AchievementChanges_AchievementId",
                table: "AchievementChanges",
                column: "AchievementId");

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_EvidenceDocumentId",
                table: "Achievements",
                column: "EvidenceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Achievements_TargetCode_IsDeleted",
                table: "Achievements",
                columns: new[] { "TargetCode", "IsDeleted" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramFigures_Table_RowCode_Year_Source",
                table: "ProgramFigures",
                columns: new[] { "Table", "RowCode", "Year", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTargets_Code",
                table: "ProgramTargets",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AchievementChanges");

            migrationBuilder.DropTable(
                name: "ProgramDatasets");

            migrationBuilder.DropTable(
                name: "ProgramFigures");

            migrationBuilder.DropTable(
                name: "ProgramSourceIssues");

            migrationBuilder.DropTable(
                name: "ProgramTargets");

            migrationBuilder.DropTable(
                name: "Achievements");
        }
    }
}
