using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TalkingWithEnterprises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CommentClosesAt",
                table: "Documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CommentOpensAt",
                table: "Documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommentSummaryHtml",
                table: "Documents",
                type: "text",
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "CommentSummaryMarkdown",
                table: "Documents",
                type: "text",
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateTable(
                name: "DocumentComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Organisation = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Section = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Text = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConsentVersion = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ConsentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratedBy = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentComments_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PageFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    ContentId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Useful = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    QuestionText = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Summary = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BodyMarkdown = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BodyHtml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnpublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FeaturedImage = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FeaturedImageAlt = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SeoTitle = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SeoDescription = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    WentLiveAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewNote = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SourcePath = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SourceHash = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Text = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AskerName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Organisation = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Phone = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConsentPublish = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentVersion = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ConsentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AssignedToId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AssignedToName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AnswerMarkdown = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AnswerHtml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QaItemId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<int>(type: "integer", nullable: true),
                    ToStatus = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionEvents_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CommentClosesAt_CommentOpensAt",
                table: "Documents",
                columns: new[] { "CommentClosesAt", "CommentOpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentComments_DocumentId_Status_SubmittedAt",
                table: "DocumentComments",
                columns: new[] { "DocumentId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentComments_IdempotencyKey",
                table: "DocumentComments",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentComments_PersonalDataErasedAt_SubmittedAt",
                table: "DocumentComments",
                columns: new[] { "PersonalDataErasedAt", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentComments_Status_SubmittedAt",
                table: "DocumentComments",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PageFeedback_At",
                table: "PageFeedback",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PageFeedback_ContentType_ContentId_At",
                table: "PageFeedback",
                columns: new[] { "ContentType", "ContentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_Slug",
                table: "QaItems",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_Status_PublishAt_UnpublishAt",
                table: "QaItems",
                columns: new[] { "Status", "PublishAt", "UnpublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_Status_UnpublishAt",
                table: "QaItems",
                columns: new[] { "Status", "UnpublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_Status_WentLiveAt",
                table: "QaItems",
                columns: new[] { "Status", "WentLiveAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaItems_Topic_PublishAt",
                table: "QaItems",
                columns: new[] { "Topic", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionEvents_QuestionId_At",
                table: "QuestionEvents",
                columns: new[] { "QuestionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_IdempotencyKey",
                table: "Questions",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questions_PersonalDataErasedAt_SubmittedAt",
                table: "Questions",
                columns: new[] { "PersonalDataErasedAt", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Reference",
                table: "Questions",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Status_SubmittedAt",
                table: "Questions",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Year_Number",
                table: "Questions",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentComments");

            migrationBuilder.DropTable(
                name: "PageFeedback");

            migrationBuilder.DropTable(
                name: "QaItems");

            migrationBuilder.DropTable(
                name: "QuestionEvents");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropIndex(
                name: "IX_Documents_CommentClosesAt_CommentOpensAt",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "CommentClosesAt",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "CommentOpensAt",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "CommentSummaryHtml",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "CommentSummaryMarkdown",
                table: "Documents");
        }
    }
}
