using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistrationDrafts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EstablishmentType = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherTypeText = table.Column<string>(type: "TEXT", nullable: true),
                    PlaceCode = table.Column<string>(type: "TEXT", nullable: true),
                    PlaceName = table.Column<string>(type: "TEXT", nullable: true),
                    Sector = table.Column<string>(type: "TEXT", nullable: false),
                    Workers = table.Column<int>(type: "INTEGER", nullable: false),
                    YearsOperating = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportLines = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MachineCost = table.Column<long>(type: "INTEGER", nullable: true),
                    Investment = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnContribution = table.Column<long>(type: "INTEGER", nullable: false),
                    Timing = table.Column<string>(type: "TEXT", nullable: false),
                    EstablishmentName = table.Column<string>(type: "TEXT", nullable: true),
                    MainProducts = table.Column<string>(type: "TEXT", nullable: true),
                    OtherSupportText = table.Column<string>(type: "TEXT", nullable: true),
                    MachineDescription = table.Column<string>(type: "TEXT", nullable: true),
                    ProjectSummary = table.Column<string>(type: "TEXT", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", nullable: true),
                    ContactRole = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    TaxCode = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentHandling = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentNews = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentVersion = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedToId = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationEvents_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationDrafts_ExpiresAt",
                table: "RegistrationDrafts",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationDrafts_TokenHash",
                table: "RegistrationDrafts",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationEvents_RegistrationId_At",
                table: "RegistrationEvents",
                columns: new[] { "RegistrationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_IdempotencyKey",
                table: "Registrations",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_PersonalDataErasedAt_SubmittedAt",
                table: "Registrations",
                columns: new[] { "PersonalDataErasedAt", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Reference",
                table: "Registrations",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Status_SubmittedAt",
                table: "Registrations",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_SubmittedAt",
                table: "Registrations",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Year_Number",
                table: "Registrations",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistrationDrafts");

            migrationBuilder.DropTable(
                name: "RegistrationEvents");

            migrationBuilder.DropTable(
                name: "Registrations");
        }
    }
}
