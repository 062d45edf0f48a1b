using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistrationKindsAndPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Registrations and establishments share one EstablishmentKind: "other" is 9 (the registration's own enum had 4).
            migrationBuilder.Sql("UPDATE \"Registrations\" SET \"EstablishmentType\" = 9 WHERE \"EstablishmentType\" = 4;");
            // The form's places come from places.yml, where Châu Thành of Bến Tre is "huyen-chau-thanh-ben-tre".
            migrationBuilder.Sql("UPDATE \"Registrations\" SET \"PlaceCode\" = 'huyen-chau-thanh-ben-tre' WHERE \"PlaceCode\" = 'huyen-chau-thanh';");
            migrationBuilder.Sql("UPDATE \"RegistrationDrafts\" SET \"Data\" = REPLACE(\"Data\", '\"place\":\"huyen-chau-thanh\"', '\"place\":\"huyen-chau-thanh-ben-tre\"');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Registrations\" SET \"EstablishmentType\" = 4 WHERE \"EstablishmentType\" = 9;");
            migrationBuilder.Sql("UPDATE \"Registrations\" SET \"PlaceCode\" = 'huyen-chau-thanh' WHERE \"PlaceCode\" = 'huyen-chau-thanh-ben-tre';");
            migrationBuilder.Sql("UPDATE \"RegistrationDrafts\" SET \"Data\" = REPLACE(\"Data\", '\"place\":\"huyen-chau-thanh-ben-tre\"', '\"place\":\"huyen-chau-thanh\"');");
        }
    }
}
