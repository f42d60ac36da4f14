using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PlaybackBeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Playbacks_PersonId_OpenedAt",
                table: "Playbacks");

            migrationBuilder.AddColumn<int>(
                name: "Beats",
                table: "Playbacks",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Playbacks_PersonId_Id",
                table: "Playbacks",
                columns: new[] { "PersonId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Playbacks_PersonId_Id",
                table: "Playbacks");

            migrationBuilder.DropColumn(
                name: "Beats",
                table: "Playbacks");

            migrationBuilder.CreateIndex(
                name: "IX_Playbacks_PersonId_OpenedAt",
                table: "Playbacks",
                columns: new[] { "PersonId", "OpenedAt" });
        }
    }
}
