using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SessionLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Length",
                table: "ClassSessions",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Length",
                table: "ClassSessions");
        }
    }
}
