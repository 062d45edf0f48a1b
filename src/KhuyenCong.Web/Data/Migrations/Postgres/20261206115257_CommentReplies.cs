using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommentReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RepliedAt",
                table: "DocumentComments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepliedBy",
                table: "DocumentComments",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ReplyHtml",
                table: "DocumentComments",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ReplyMarkdown",
                table: "DocumentComments",
                type: "text",
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RepliedAt",
                table: "DocumentComments");

            migrationBuilder.DropColumn(
                name: "RepliedBy",
                table: "DocumentComments");

            migrationBuilder.DropColumn(
                name: "ReplyHtml",
                table: "DocumentComments");

            migrationBuilder.DropColumn(
                name: "ReplyMarkdown",
                table: "DocumentComments");
        }
    }
}
