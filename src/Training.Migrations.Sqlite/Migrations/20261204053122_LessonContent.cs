using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LessonContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "Lessons",
                type: "TEXT",
                maxLength: 50000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MediaBytes",
                table: "Lessons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaName",
                table: "Lessons",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Pages",
                table: "Lessons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Url",
                table: "Lessons",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Body",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "MediaBytes",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "MediaName",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "Pages",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "Url",
                table: "Lessons");
        }
    }
}
