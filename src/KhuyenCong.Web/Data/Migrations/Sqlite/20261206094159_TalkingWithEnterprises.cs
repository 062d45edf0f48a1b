using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CommentOpensAt",
                table: "Documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommentSummaryHtml",
                table: "Documents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CommentSummaryMarkdown",
                table: "Documents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DocumentComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Section = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentVersion = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModeratedBy = table.Column<string>(type: "TEXT", nullable: true),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Useful = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Topic = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionText = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    BodyMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnpublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FeaturedImage = table.Column<string>(type: "TEXT", nullable: true),
                    FeaturedImageAlt = table.Column<string>(type: "TEXT", nullable: true),
                    SeoTitle = table.Column<string>(type: "TEXT", nullable: true),
                    SeoDescription = table.Column<string>(type: "TEXT", nullable: true),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false),
                    WentLiveAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    SourcePath = table.Column<string>(type: "TEXT", nullable: true),
                    SourceHash = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
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
                    Topic = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    AskerName = table.Column<string>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentVersion = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssignedToId = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedToName = table.Column<string>(type: "TEXT", nullable: true),
                    AnswerMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    AnswerHtml = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    QaItemId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true)
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
